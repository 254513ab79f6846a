/** Builds a new 1:1 note: the template filled in, with what carries over from last time. */
import type { ActionItem } from './actionItems';
import { PRIVATE_HEADING, privateLineRanges } from './privacy';
import { fillTemplate, templateAsMarkdown, type Template } from './templates';
import { splitLines } from '../lines';
import { clippedTo, STORED_NOTE_TITLE_MAX_LENGTH } from '../storageLayout';

/** An open item from the last note; a private one was typed in that note's private part. */
export type CarriedItem = ActionItem & { readonly private?: boolean };

export interface NoteInputs {
  readonly person: string;
  readonly date: string;
  /**
   * Open items from the person's previous note; they carry into this one: shared ones into the
   * follow-ups, private ones into the private part.
   */
  readonly carriedItems: readonly CarriedItem[];
  readonly talkingPoints: readonly string[];
  /** Agenda lines for delegated work whose check-in is due (see delegation/items). */
  readonly delegationCheckIns?: readonly string[];
  /** The person's growth goals, one agenda line each. */
  readonly goals?: readonly string[];
  readonly principleTitle: (id: string) => string | undefined;
}

function bullets(lines: readonly string[], empty: string): string {
  return lines.length > 0 ? lines.join('\n') : `_${empty}_`;
}

export function composeNote(template: Template, inputs: NoteInputs): string {
  return composeFromMarkdown(templateAsMarkdown(template, inputs.principleTitle), inputs);
}

/** Fills any template's Markdown, built-in or the user's own, with what this 1:1 carries. */
export function composeFromMarkdown(markdown: string, inputs: Omit<NoteInputs, 'principleTitle'>): string {
  const filled = fillTemplate(markdown, {
    person: inputs.person,
    date: inputs.date,
    openActionItems: bullets(
      inputs.carriedItems.filter((item) => !item.private).map((item) => `- [ ] ${item.text}`),
      'Nothing open from last time.',
    ),
    talkingPoints: bullets(
      inputs.talkingPoints.map((point) => `- ${point}`),
      'No talking points queued.',
    ),
    goals: bullets(inputs.goals ?? [], 'No growth goals yet. What would they like to get better at?'),
    delegationCheckIns: bullets(inputs.delegationCheckIns ?? [], 'No delegation check-ins due.'),
  });
  return withPrivateItems(
    filled,
    inputs.carriedItems.filter((item) => item.private).map((item) => `- [ ] ${item.text}`),
  );
}

/**
 * Puts the lead's private open items at the end of the note's first private part (before its end
 * marker, if it has one), or under a new private heading at the end of the note.
 */
function withPrivateItems(note: string, items: readonly string[]): string {
  if (items.length === 0) {
    return note;
  }
  const underNewHeading = `${note.trimEnd()}\n\n## ${PRIVATE_HEADING}\n\n${items.join('\n')}\n`;
  const first = privateLineRanges(note)[0];
  if (!first) {
    return underNewHeading;
  }
  const lines = splitLines(note);
  const eol = note.includes('\r\n') ? '\r\n' : '\n';
  const part = lines.slice(first.start, first.end);
  // A part that ends before the note does ends with its end marker: the items go above it.
  const markerLines = first.end < lines.length ? markerLength(part) : 0;
  const body = part.slice(0, part.length - markerLines);
  while (body.length > 1 && body.at(-1)!.trim() === '') {
    body.pop();
  }
  const rebuilt = [...body, '', ...items, '', ...part.slice(part.length - markerLines)];
  const composed = [...lines.slice(0, first.start), ...rebuilt, ...lines.slice(first.end)].join(eol);
  // Checked, not assumed: wherever the end marker sits (last line, spread over lines), every
  // item placed must read as private; if one does not, they go under a new heading at the end.
  const placedFrom = first.start + body.length + 1;
  const ranges = privateLineRanges(composed);
  const allPrivate = items.every((_, i) => ranges.some((range) => placedFrom + i >= range.start && placedFrom + i < range.end));
  return allPrivate ? composed : underNewHeading;
}

/** How many lines at the end of a private part its end marker takes (a comment may span lines). */
function markerLength(part: readonly string[]): number {
  for (let i = part.length - 1; i >= 0; i--) {
    if (part[i]!.includes('<!--')) {
      return part.length - i;
    }
  }
  return 0;
}

const TITLE_SEPARATOR = ' · ';

/**
 * "Name · date · template", within what a note's header keeps: a long name (the team file keeps up
 * to 400 characters) or a long own template's title is cut, the date never is. When both are long,
 * each keeps at least half the room.
 */
export function noteTitle(person: string, date: string, template: Pick<Template, 'title'>): string {
  const room = STORED_NOTE_TITLE_MAX_LENGTH - date.length - 2 * TITLE_SEPARATOR.length;
  const templateTitle = clippedTo(Math.max(room - person.length, Math.floor(room / 2)), template.title);
  return [clippedTo(room - templateTitle.length, person), date, templateTitle].join(TITLE_SEPARATOR);
}
