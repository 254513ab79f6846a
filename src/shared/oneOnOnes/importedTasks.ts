/**
 * Tasks as other Markdown tools write them, turned into the task lines Two Hats reads
 * (actionItems.ts): a numbered task (`1. [ ] …`) becomes `- [ ] …`; Obsidian's "in progress"
 * (`[/]`) is open, its "forwarded" (`[>]`) and "cancelled" (`[-]`) are closed, so they are not
 * carried into the next 1:1 as work still to do. Only the list marker and the box change; the
 * rest of the line, code fences and everything else stay as written. Linear: every pattern is
 * anchored at the line's start and reads a bounded prefix.
 */

const ORDERED_TASK = /^([ \t]*)\d{1,9}[.)]([ \t]+)\[([ x/>-])\](?=[ \t]|$)/i;
const BULLET_TASK = /^([ \t]*[-*+][ \t]+)\[([/>-])\](?=[ \t]|$)/;
const FENCE = /^\s*(?:```|~~~)/;

/** The box Two Hats reads for another tool's: open stays open, anything finished or moved on is closed. */
function box(state: string): string {
  return state === ' ' || state === '/' ? ' ' : 'x';
}

function taskLine(line: string): string {
  const ordered = ORDERED_TASK.exec(line);
  if (ordered) {
    return `${ordered[1]}-${ordered[2]}[${box(ordered[3]!)}]${line.slice(ordered[0].length)}`;
  }
  const bullet = BULLET_TASK.exec(line);
  return bullet ? `${bullet[1]}[${box(bullet[2]!)}]${line.slice(bullet[0].length)}` : line;
}

/** The note's text with other tools' task lines as Two Hats' own, every line break kept. */
export function normalizeImportedTasks(markdown: string): string {
  // Odd entries are the line breaks themselves, kept as they were.
  const parts = markdown.split(/(\r\n?|\n)/);
  let inFence = false;
  for (let index = 0; index < parts.length; index += 2) {
    const line = parts[index]!;
    if (FENCE.test(line)) {
      inFence = !inFence;
    } else if (!inFence) {
      parts[index] = taskLine(line);
    }
  }
  return parts.join('');
}
