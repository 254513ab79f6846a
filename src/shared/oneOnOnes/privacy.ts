/**
 * PLACEHOLDER so the brief can build before the privacy rule lands; the lead takes the privacy
 * helper's version of this file at merge. Same signatures, simple line-based body.
 */

/** Private lines: from a heading named "Private…" to `<!-- end private -->` or the end (0-based, end exclusive). */
export function privateLineRanges(markdown: string): { start: number; end: number }[] {
  const lines = markdown.split(/\r?\n/);
  const ranges: { start: number; end: number }[] = [];
  let start: number | undefined;
  lines.forEach((line, index) => {
    if (start === undefined && /^ {0,3}#{1,6}\s+\W*private/i.test(line)) {
      start = index;
    } else if (start !== undefined && /^\s*<!--\s*end\s+private\s*-->\s*$/i.test(line)) {
      ranges.push({ start, end: index + 1 });
      start = undefined;
    }
  });
  if (start !== undefined) {
    ranges.push({ start, end: lines.length });
  }
  return ranges;
}

/** The note without its private parts. */
export function shareableAgenda(markdown: string): string {
  const ranges = privateLineRanges(markdown);
  const kept = markdown.split(/\r?\n/).filter((_, index) => !ranges.some((r) => index >= r.start && index < r.end));
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
