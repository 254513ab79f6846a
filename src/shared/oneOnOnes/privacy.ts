/**
 * PLACEHOLDER until the privacy branch lands: the lead takes that branch's version of this file
 * at merge. Only the two signatures other code needs, with a simple line-based body.
 */
import { shareableAgenda as lineBasedShareableAgenda } from './templates';

/** The lines of a note that are private: 0-based, `end` exclusive. */
export function privateLineRanges(markdown: string): { start: number; end: number }[] {
  const lines = markdown.split(/\r?\n/);
  const ranges: { start: number; end: number }[] = [];
  let start: number | undefined;
  lines.forEach((line, index) => {
    if (start === undefined && /^ {0,3}#{1,6}\s+\W*private/iu.test(line)) {
      start = index;
    } else if (start !== undefined && /^\s*<!--\s*end private\s*-->\s*$/iu.test(line)) {
      ranges.push({ start, end: index + 1 });
      start = undefined;
    }
  });
  if (start !== undefined) {
    ranges.push({ start, end: lines.length });
  }
  return ranges;
}

/** The part of a note that may be shared with the person. */
export function shareableAgenda(markdown: string): string {
  return lineBasedShareableAgenda(markdown);
}
