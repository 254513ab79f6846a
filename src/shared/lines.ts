/**
 * A note's lines as the editor counts them. VS Code's text model ends a line at `\r\n`, `\n` and
 * a lone `\r` alike; every reader that reports or uses line numbers (action items, the private
 * part, check-ins) splits the same way, so a line number means the same line everywhere and a
 * heading after a lone `\r` is a heading to the privacy rule as it is to the eye.
 */
export const LINE_BREAK = /\r\n?|\n/;

export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** The text with line `index` (0-based) replaced, every line break kept as it was. */
export function replaceLine(text: string, index: number, replacement: string): string {
  let start = 0;
  for (let line = 0; line < index; line++) {
    const match = LINE_BREAK_FROM.exec(text.slice(start));
    if (!match) {
      return text;
    }
    start += match.index + match[0].length;
  }
  const rest = LINE_BREAK_FROM.exec(text.slice(start));
  const end = rest ? start + rest.index : text.length;
  return text.slice(0, start) + replacement + text.slice(end);
}

const LINE_BREAK_FROM = /\r\n?|\n/;

/** `text` up to the first of `stops` (all of it when none occurs): a scan, where `/[?#].*$/` rescans. */
export function beforeFirst(text: string, stops: string): string {
  for (let i = 0; i < text.length; i++) {
    if (stops.includes(text[i]!)) {
      return text.slice(0, i);
    }
  }
  return text;
}

/** `text` without the run of `char` at its end, by a scan. */
export function withoutTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) {
    end--;
  }
  return text.slice(0, end);
}
