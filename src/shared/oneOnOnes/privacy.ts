/**
 * The one rule for what in a 1:1 note is private. A private part starts at any heading whose words
 * begin with "private" (`## Private notes`, `### 🔒 Private`, `PRIVATE:` as a setext heading) and
 * runs to the end of the note, or to an explicit `<!-- end private -->`. No other heading ends it:
 * a sub-heading typed inside the private part must never make the rest shareable.
 *
 * The note is read with marked's block lexer, so that `## ` in a code fence or a blockquote is not
 * taken for a heading; where marked cannot give a clear answer in time, the whole note counts as
 * private (fail safe).
 */
import { Tokenizer, type Token } from 'marked';
import { budgetedLexer, PrivacyTokenizer } from './privacyLexer';
import { splitLines } from '../lines';
import { foldPlainRuns, longestRun, originalLine } from './plainRuns';

export const PRIVATE_HEADING = 'Private notes';
export const PRIVATE_END_MARKER = '<!-- end private -->';
/** Bumped when the rule changes, so that indexes derived by an older rule are derived again (2: entities, HTML headings, "Privat", blanks before the hashes; 3: such lines never folded into the line before, setext headings over lines). */
export const PRIVACY_RULE_VERSION = 3;

export { isPrivateHeadingText } from './privacyLexer';
/**
 * Notes longer than this are not parsed: marked slows down on some long inputs, and no real 1:1
 * note comes near it. Such a note is private as a whole.
 */
export const MAX_PARSED_CHARS = 128 * 1024;

export interface LineRange {
  /** 0-based first line. */
  readonly start: number;
  /** 0-based line after the last one. */
  readonly end: number;
}

interface PrivacyMap {
  readonly lineCount: number;
  readonly ranges: readonly LineRange[];
  /** End markers outside any private part: meaningless to the person, so left out too. */
  readonly strayMarkers: readonly LineRange[];
}

/** Offsets of the line starts in `text`, whose lines are split by `\n` alone. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/** The line holding `offset`, by binary search over the line starts. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return low;
}

/**
 * Above this many lines without a blank one (after folding), a note counts as private as a whole:
 * marked's time grows with the square of the lines of one lazily continued block (2,000 lines:
 * about 10 ms; 16,000: seconds).
 */
const MAX_BLOCK_LINES = 2000;

/** U+2028 and U+2029 as spaces (see mapPrivacy). */
function withoutRegexLineEnds(text: string): string {
  return text.replace(/[\u2028\u2029]/g, ' ');
}

function mapPrivacy(markdown: string, fold = true): PrivacyMap {
  // Lines as the editor and every other reader count them (see lines.ts): a lone \r ends a line.
  const unfolded = markdown.replace(/\r\n?/g, '\n');
  const lineCount = unfolded.split('\n').length;
  const everything: PrivacyMap = { lineCount, ranges: [{ start: 0, end: lineCount }], strayMarkers: [] };
  if (unfolded.length > MAX_PARSED_CHARS) {
    return everything;
  }
  // U+2028 and U+2029 end no line for the editor or a Markdown preview, but marked's rules (a
  // regex's `.`) stop at them: `## Private notes` followed by one was no heading to marked. Read as
  // spaces, one character for one, so every offset stays where it was.
  const readable = withoutRegexLineEnds(unfolded);
  // Folding runs of plain lines keeps marked linear (see plainRuns.ts); lines are mapped back below.
  const folded = fold ? foldPlainRuns(readable, ' ') : { text: readable, groupStarts: readable.split('\n').map((_, i) => i), originalLines: lineCount };
  const text = folded.text;
  if (longestRun(text) > MAX_BLOCK_LINES) {
    return everything;
  }
  const starts = lineStarts(text);
  const back = (line: number) => originalLine(folded, line);
  const tokenizer = new PrivacyTokenizer();
  tokenizer.total = text.length;
  try {
    budgetedLexer(tokenizer, text.length).blockTokens(text);
  } catch {
    // Too deep, too costly, or a fault in marked: nothing in this note is shared.
    return everything;
  }
  const events = [
    ...tokenizer.starts.map((offset) => ({ offset, kind: 'start' as const, to: offset })),
    ...tokenizer.ends.map(({ from, to }) => ({ offset: from, kind: 'end' as const, to })),
  ].sort((a, b) => a.offset - b.offset);
  const ranges: LineRange[] = [];
  const strayMarkers: LineRange[] = [];
  let open: number | undefined;
  for (const event of events) {
    if (event.kind === 'start') {
      open ??= back(lineAt(starts, event.offset));
      continue;
    }
    const marker = { start: back(lineAt(starts, event.offset)), end: back(lineAt(starts, Math.max(event.offset, event.to - 1)) + 1) };
    if (open === undefined) {
      strayMarkers.push(marker);
    } else {
      ranges.push({ start: open, end: marker.end });
      open = undefined;
    }
  }
  if (open !== undefined) {
    ranges.push({ start: open, end: lineCount });
  }
  return { lineCount, ranges, strayMarkers };
}

/**
 * The note's top-level blocks as marked reads them, or undefined when the note is too big or too
 * deeply nested to read safely.
 */
export function topLevelBlocks(markdown: string): Token[] | undefined {
  if (markdown.length > MAX_PARSED_CHARS) {
    return undefined;
  }
  try {
    // Plain lines folded with U+2028, which callers split on like a line break (see plainRuns.ts).
    const folded = foldPlainRuns(withoutRegexLineEnds(markdown.replace(/\r\n?/g, '\n')), '\u2028');
    if (longestRun(folded.text) > MAX_BLOCK_LINES) {
      return undefined;
    }
    return budgetedLexer(new Tokenizer(), folded.text.length).blockTokens(folded.text);
  } catch {
    return undefined;
  }
}

/** The private parts of a note, as 0-based line ranges (end exclusive), in order. */
export function privateLineRanges(markdown: string): LineRange[] {
  return [...mapPrivacy(markdown).ranges];
}

/** The same without folding plain lines first: quadratic on some notes, for tests to compare. */
export function privateLineRangesUnfolded(markdown: string): LineRange[] {
  return [...mapPrivacy(markdown, false).ranges];
}

export function isPrivateLine(ranges: readonly LineRange[], line: number): boolean {
  return ranges.some((range) => line >= range.start && line < range.end);
}

export interface SplitNote {
  /** The note without its private parts and end markers, blank-line runs collapsed. */
  readonly shareable: string;
  /** The private parts' lines, in order. */
  readonly privateText: string;
  readonly ranges: readonly LineRange[];
}

export function splitPrivate(markdown: string): SplitNote {
  const map = mapPrivacy(markdown);
  const lines = splitLines(markdown);
  const shared: string[] = [];
  const hidden: string[] = [];
  lines.forEach((line, index) => {
    if (isPrivateLine(map.ranges, index)) {
      hidden.push(line);
    } else if (!isPrivateLine(map.strayMarkers, index)) {
      shared.push(line);
    }
  });
  return { shareable: shared.join('\n').replace(/\n{3,}/g, '\n\n'), privateText: hidden.join('\n'), ranges: map.ranges };
}

/** The note as it may be shared with the person: no private part, no end markers. */
export function shareableAgenda(markdown: string): string {
  return splitPrivate(markdown).shareable.trimEnd() + '\n';
}

/** The note with its private lines emptied, every other line where it was (for search while presenting). */
export function withPrivateLinesBlanked(markdown: string): string {
  const ranges = mapPrivacy(markdown).ranges;
  return ranges.length === 0 ? markdown : splitLines(markdown).map((line, index) => (isPrivateLine(ranges, index) ? '' : line)).join('\n');
}
