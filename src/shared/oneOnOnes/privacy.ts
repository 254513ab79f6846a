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
import { getDefaults, Lexer, Tokenizer, type Token, type Tokens } from 'marked';
import { splitLines } from '../lines';
import { foldPlainRuns, longestRun, originalLine } from './plainRuns';

export const PRIVATE_HEADING = 'Private notes';
export const PRIVATE_END_MARKER = '<!-- end private -->';
/** Bumped when the rule changes, so that indexes derived by an older rule are derived again. */
export const PRIVACY_RULE_VERSION = 1;
/**
 * Notes longer than this are not parsed: marked slows down on some long inputs, and no real 1:1
 * note comes near it. Such a note is private as a whole.
 */
export const MAX_PARSED_CHARS = 128 * 1024;
/** Deeper nesting of lists and quotes than any note has; marked recurses once per level. */
const MAX_NESTING = 24;
/** marked re-reads nested content once per level; more re-reading than this is an attack, not a note. */
const WORK_PER_CHAR = 8;

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

/** Whether a heading's words start with "private", ignoring emoji, symbols, punctuation and case. */
export function isPrivateHeadingText(text: string): boolean {
  return text
    // `:lock:` shortcodes and images are pictures, like an emoji: `## :lock: Private`.
    .replace(/!\[[^\]\n]{0,200}\]\([^)\n]{0,400}\)/g, '')
    .replace(/:[\w+-]{1,40}:/g, '')
    .replace(/<[^<>]*>/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\P{L}/gu, '')
    .startsWith('private');
}

/** An ATX heading line, or a setext one (its text line followed by `===` or `---`), naming the private part. */
function isPrivateHeadingLine(line: string, next: string | undefined): boolean {
  const atx = /^ {0,3}#{1,6}(?:[ \t](.*))?$/.exec(line);
  if (atx) {
    return isPrivateHeadingText(atx[1] ?? '');
  }
  return next !== undefined && /^ {0,3}(?:=+|-+)[ \t]*$/.test(next) && isPrivateHeadingText(line);
}

function hasPrivateHeadingLine(raw: string): boolean {
  const lines = raw.split('\n');
  return lines.some((line, i) => isPrivateHeadingLine(line.trimStart(), lines[i + 1]?.trimStart()));
}

function isEndMarker(html: string): boolean {
  return /^<!--\s*end\s+private\s*-->$/i.test(html.trim());
}

class NestingTooDeep extends Error {}

/** Whether a fenced block's raw text ends with a closing fence (marked also ends one at the end of the note). */
function isClosedFence(raw: string): boolean {
  const lines = raw.trimEnd().split('\n');
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(lines[0] ?? '')?.[1];
  const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines.at(-1) ?? '')?.[1];
  return lines.length > 1 && opening !== undefined && closing !== undefined && closing[0] === opening[0] && closing.length >= opening.length;
}

/** Notes where the top-level private headings and end markers start, as offsets into the text. */
class PrivacyTokenizer extends Tokenizer {
  /** Length of the whole text: a top-level method's `src` is its tail, so `total - src.length` is where it starts. */
  total = 0;
  readonly starts: number[] = [];
  readonly ends: { from: number; to: number }[] = [];
  private readonly containers: ('list' | 'blockquote')[] = [];
  private privateInList = false;

  override heading(src: string): Tokens.Heading | undefined {
    return this.noteHeading(src, super.heading(src));
  }

  override lheading(src: string): Tokens.Heading | undefined {
    return this.noteHeading(src, super.lheading(src));
  }

  override html(src: string): Tokens.HTML | undefined {
    const token = super.html(src);
    if (token && this.containers.length === 0) {
      const from = this.total - src.length;
      if (isEndMarker(token.raw)) {
        this.ends.push({ from, to: from + token.raw.trimEnd().length });
      } else {
        // An HTML block (a comment left open, `<pre>`, `<details>`…) can swallow what the user
        // meant as a private heading: in doubt, a heading-like line in it still counts.
        this.noteUnclosed(src, token.raw);
      }
    } else if (token && hasPrivateHeadingLine(token.raw)) {
      this.privateInList = true;
    }
    return token;
  }

  override fences(src: string): Tokens.Code | undefined {
    const token = super.fences(src);
    if (token && !isClosedFence(token.raw)) {
      if (this.containers.length === 0) {
        this.noteUnclosed(src, token.raw);
      } else if (hasPrivateHeadingLine(token.raw)) {
        this.privateInList = true;
      }
    }
    return token;
  }

  /**
   * A fence or comment left open swallows the rest of the note, private heading included; the
   * user most likely forgot to close it. In doubt, private: a heading-like line in it still counts.
   */
  private noteUnclosed(src: string, raw: string): void {
    let offset = this.total - src.length;
    const lines = raw.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (isPrivateHeadingLine(lines[i]!, lines[i + 1])) {
        this.starts.push(offset);
        return;
      }
      offset += lines[i]!.length + 1;
    }
  }

  override blockquote(src: string): Tokens.Blockquote | undefined {
    const topLevel = this.containers.length === 0;
    const token = this.within('blockquote', () => super.blockquote(src));
    if (topLevel && this.privateInList) {
      // A private heading quoted (`> ## Private`) is in doubt too: the quote counts as private.
      this.privateInList = false;
      if (token) {
        this.starts.push(this.total - src.length);
      }
    }
    return token;
  }

  override list(src: string): Tokens.List | undefined {
    const topLevel = this.containers.length === 0;
    const token = this.within('list', () => super.list(src));
    if (topLevel && this.privateInList) {
      // A heading nested in a list is in doubt: the whole list, from its start, counts as private.
      this.privateInList = false;
      if (token) {
        this.starts.push(this.total - src.length);
      }
    }
    return token;
  }

  private within<T>(container: 'list' | 'blockquote', read: () => T): T {
    if (this.containers.length >= MAX_NESTING) {
      throw new NestingTooDeep();
    }
    this.containers.push(container);
    try {
      return read();
    } finally {
      this.containers.pop();
    }
  }

  private noteHeading(src: string, token: Tokens.Heading | undefined): Tokens.Heading | undefined {
    if (token && isPrivateHeadingText(token.text)) {
      if (this.containers.length === 0) {
        this.starts.push(this.total - src.length);
      } else {
        this.privateInList = true;
      }
    }
    return token;
  }
}

/**
 * marked's lexer with a budget: nested content is read again once per level of nesting, so
 * reading beyond the budget or too deep stops it.
 */
function budgetedLexer(tokenizer: Tokenizer, length: number): Lexer {
  const lexer = new Lexer({ ...getDefaults(), tokenizer, silent: false });
  const read = lexer.blockTokens.bind(lexer) as (src: string, tokens?: Token[], clipped?: boolean) => Token[];
  const budget = WORK_PER_CHAR * length + 4096;
  let work = 0;
  // Nested lists and quotes call the lexer's own blockTokens, so this sees every level.
  lexer.blockTokens = ((src: string, tokens?: Token[], clipped?: boolean) => {
    work += src.length;
    if (work > budget) {
      throw new NestingTooDeep();
    }
    return read(src, tokens, clipped);
  }) as Lexer['blockTokens'];
  return lexer;
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

function mapPrivacy(markdown: string, fold = true): PrivacyMap {
  // Lines as the editor and every other reader count them (see lines.ts): a lone \r ends a line.
  const unfolded = markdown.replace(/\r\n?/g, '\n');
  const lineCount = unfolded.split('\n').length;
  const everything: PrivacyMap = { lineCount, ranges: [{ start: 0, end: lineCount }], strayMarkers: [] };
  if (unfolded.length > MAX_PARSED_CHARS) {
    return everything;
  }
  // Folding runs of plain lines keeps marked linear (see plainRuns.ts); lines are mapped back below.
  const folded = fold ? foldPlainRuns(unfolded, ' ') : { text: unfolded, groupStarts: unfolded.split('\n').map((_, i) => i), originalLines: lineCount };
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
    const folded = foldPlainRuns(markdown.replace(/\r\n?/g, '\n'), '\u2028');
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
