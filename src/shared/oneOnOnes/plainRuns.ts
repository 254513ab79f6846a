/**
 * marked's block lexer is quadratic in the number of lines of one paragraph that continues a list
 * item lazily (`- a` followed by thousands of unindented lines: 16,000 lines took seconds). The
 * privacy rule needs only where headings and end markers are, so before lexing, each run of
 * "plain" lines is folded into fewer physical lines: its lines after the first are joined onto the
 * line before, except the run's last line, which stays on its own. The lexer then sees the same
 * blocks in linear time, and line numbers are mapped back through `groupStarts`.
 *
 * A plain line is one that can neither start nor end any block, nor underline a setext heading:
 * not blank, indented less than four spaces (no tab), not starting like a heading (hash signs of
 * any width after any blanks or invisible characters included), quote, fence,
 * HTML block, link definition, list item, thematic break or setext underline, and holding none
 * of the strings that end an HTML block (`-->`, `?>`, `]]>`, `</`; and no `>` at all in a note
 * that has a `<!X` declaration, which ends at any `>`). Joining such lines never moves a block
 * boundary, nor where a paragraph starts: they are paragraph continuations, or content inside a
 * fence or an HTML block. Keeping the run's last line apart keeps a setext heading's text. A line
 * with a `|` is never plain: marked lets a table interrupt a paragraph (a differential test found
 * a setext heading that folding such lines hid).
 *
 * Lines that are not plain are not folded, so a list item continued by thousands of them would
 * still cost quadratic time: `longestRun` lets the caller refuse such a note (fail safe).
 */

export interface FoldedText {
  readonly text: string;
  /** The first original line of each folded line, in order. */
  readonly groupStarts: readonly number[];
  readonly originalLines: number;
}

/** Spaces of any width, invisible characters and control characters a paste leaves at a line's start. */
const LEADING_BLANKS = /^[\p{Zs}\p{Cf}\t\f\v]*/u;
/** `#`, and the full-width and small forms an input method types for it. */
const HASH_SIGNS = new Set(['#', '\uff03', '\ufe5f']);

/**
 * Where a line's run of hash signs ends, after whatever blanks precede it; undefined when it has
 * none. A line a reader may take for a heading (the privacy rule's look-alikes) starts so.
 */
export function afterHashSigns(line: string): number | undefined {
  let at = LEADING_BLANKS.exec(line)![0].length;
  const first = at;
  while (at < line.length && HASH_SIGNS.has(line[at]!)) {
    at++;
  }
  return at > first ? at : undefined;
}

const LIST_OR_BREAK_START = new Set(['-', '*', '+', '_', '=']);
const BLOCK_START = new Set(['#', '>', '`', '~', '<', '[']);
/** A line with a pipe may start a table, which marked lets interrupt a paragraph. */
const TABLE_CELL = '|';
const HTML_BLOCK_ENDS = ['-->', '?>', ']]>', '</'];

/** `anyAngleEnds`: the note has a `<!X` declaration, an HTML block that ends at any `>`. */
export function isPlainLine(line: string, anyAngleEnds = false): boolean {
  if (line.includes('\t') || line.includes(TABLE_CELL) || HTML_BLOCK_ENDS.some((end) => line.includes(end)) || (anyAngleEnds && line.includes('>'))) {
    return false;
  }
  // A line that only looks like a heading (`\u00a0## Private`, `\uff03\uff03 Private`) keeps a line
  // of its own, so the privacy rule sees it at a line's start.
  if (afterHashSigns(line) !== undefined) {
    return false;
  }
  let indent = 0;
  while (indent < line.length && line[indent] === ' ') {
    indent++;
  }
  if (indent === line.length || indent >= 4) {
    return false;
  }
  const first = line[indent]!;
  if (BLOCK_START.has(first)) {
    return false;
  }
  if (LIST_OR_BREAK_START.has(first)) {
    const next = line[indent + 1];
    if (next === undefined || next === ' ') {
      return false; // a list item, or a one-character underline
    }
    // Only that character and spaces: a thematic break or a setext underline.
    let onlyMarks = true;
    for (let i = indent; i < line.length && onlyMarks; i++) {
      onlyMarks = line[i] === first || line[i] === ' ';
    }
    return !onlyMarks;
  }
  if (first >= '0' && first <= '9') {
    let end = indent;
    while (end < line.length && end - indent < 10 && line[end]! >= '0' && line[end]! <= '9') {
      end++;
    }
    const after = line[end];
    return !((after === '.' || after === ')') && (line[end + 1] === undefined || line[end + 1] === ' '));
  }
  return true;
}

/** Folds runs of plain lines of `text` (lines split by `\n` alone), joining with `joiner`. */
export function foldPlainRuns(text: string, joiner: string): FoldedText {
  const lines = text.split('\n');
  const anyAngleEnds = /<![a-z]/i.test(text);
  const plain = lines.map((line) => isPlainLine(line, anyAngleEnds));
  const out: string[] = [];
  const groupStarts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const joinsPrevious = i > 0 && plain[i - 1] && plain[i] && plain[i + 1] === true && groupStarts.length > 0;
    if (joinsPrevious) {
      out[out.length - 1] += joiner + lines[i]!;
    } else {
      out.push(lines[i]!);
      groupStarts.push(i);
    }
  }
  return { text: out.join('\n'), groupStarts, originalLines: lines.length };
}

/** The most consecutive non-blank lines in `text` (lines split by `\n`). */
export function longestRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const line of text.split('\n')) {
    run = line.trim() === '' ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** The original line where folded line `folded` starts (the line count for one past the end). */
export function originalLine(folded: FoldedText, line: number): number {
  return line >= folded.groupStarts.length ? folded.originalLines : folded.groupStarts[line]!;
}
