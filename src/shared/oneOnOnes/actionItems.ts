/**
 * Action items are ordinary Markdown task lines in a note: `- [ ] text`, optionally with an owner
 * (`@name`) and a due date (`due:YYYY-MM-DD`). Parsing them from the text keeps the note the one
 * source of truth.
 */
import { replaceLine, splitLines } from '../lines';
import { INDEXED_ITEM_TEXT_MAX_LENGTH } from '../storageLayout';

export interface ActionItem {
  /** 0-based line in the note. */
  readonly line: number;
  readonly text: string;
  readonly done: boolean;
  readonly owner?: string;
  readonly due?: string;
}

// The body starts at the first non-space after "]": letting `\s+` and `.*` share the spaces
// made a long run of them cost quadratic time when the line did not match (issue #12).
const TASK = /^(\s*[-*+]\s+\[)([ x])(\]\s+)((?:\S.*)?)$/i;

/** The `@owner` an item's text names, if any: the one rule for notes and for the note index's items. */
export function ownerInItemText(text: string): string | undefined {
  return /(?:^|\s)@([\p{L}\p{N}_.-]+)/u.exec(text)?.[1];
}

export function parseActionItems(markdown: string): ActionItem[] {
  const items: ActionItem[] = [];
  const lines = splitLines(markdown);
  let inFence = false;
  lines.forEach((raw, line) => {
    if (/^\s*(?:```|~~~)/.test(raw)) {
      inFence = !inFence;
      return;
    }
    const match = inFence ? null : TASK.exec(raw);
    if (!match) {
      return;
    }
    const body = match[4]!.trim();
    if (body.length === 0) {
      return;
    }
    const owner = ownerInItemText(body);
    const due = /(?:^|\s)due:(\d{4}-\d{2}-\d{2})\b/.exec(body)?.[1];
    items.push({
      line,
      text: body,
      done: match[2] !== ' ',
      ...(owner ? { owner } : {}),
      ...(due ? { due } : {}),
    });
  });
  return items;
}

export function openActionItems(markdown: string): ActionItem[] {
  return parseActionItems(markdown).filter((item) => !item.done);
}

/**
 * Ticks or unticks the task on `line`, provided it still reads `expectedText` (the note may have
 * changed since the sidebar showed it). The note index keeps only the start of a very long item,
 * so text of exactly that length also matches a line that begins with it. Returns the new text,
 * or undefined if nothing matched.
 */
export function setActionItemDone(markdown: string, line: number, expectedText: string, done: boolean): string | undefined {
  const match = TASK.exec(splitLines(markdown)[line] ?? '');
  if (!match || !readsAs(match[4]!.trim(), expectedText)) {
    return undefined;
  }
  return replaceLine(markdown, line, `${match[1]}${done ? 'x' : ' '}${match[3]}${match[4]}`);
}

function readsAs(body: string, expectedText: string): boolean {
  if (body === expectedText) {
    return true;
  }
  const indexedPrefix = expectedText.length === INDEXED_ITEM_TEXT_MAX_LENGTH && body.length > INDEXED_ITEM_TEXT_MAX_LENGTH;
  return indexedPrefix && body.startsWith(expectedText);
}
