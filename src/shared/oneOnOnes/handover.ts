/**
 * What a person's next manager receives: their goals, the action items still open, and the
 * shareable part of every 1:1 note. Never a private part: each note passes `shareableAgenda`,
 * and open items are read from the shareable text only.
 */
import type { Goal } from '../team';
import { openActionItems } from './actionItems';
import { shareableAgenda } from './privacy';

export interface HandoverNote {
  readonly date: string;
  readonly title: string;
  /** The note as stored, private part included: it is taken out here. */
  readonly content: string;
}

export interface Handover {
  readonly name: string;
  readonly role: string;
  readonly goals: readonly Goal[];
  /** Oldest first. */
  readonly notes: readonly HandoverNote[];
  readonly today: string;
}

/** The summary: who, goals, open items; the notes follow in the one-file form. */
export function handoverSummary(handover: Handover): string {
  const latest = handover.notes.at(-1);
  const openItems = latest ? openActionItems(shareableAgenda(latest.content)) : [];
  const open = handover.goals.filter((goal) => !goal.reachedOn);
  const reached = handover.goals.filter((goal) => goal.reachedOn);
  return [
    `# ${handover.name}: notes for their next manager`,
    '',
    `${handover.role ? `${handover.role}. ` : ''}Handed over on ${handover.today}, from ${handover.notes.length === 1 ? '1 one-on-one' : `${handover.notes.length} one-on-ones`}. Private notes are left out.`,
    '',
    '## Growth goals',
    '',
    ...(open.length > 0 ? open.map((goal) => `- ${goal.text} (since ${goal.addedOn})`) : ['- None open.']),
    ...reached.map((goal) => `- Reached: ${goal.text} (${goal.reachedOn})`),
    '',
    '## Open action items',
    '',
    ...(openItems.length > 0 ? openItems.map((item) => `- [ ] ${item.text}`) : ['- None open.']),
    '',
  ].join('\n');
}

/** One note's shareable part, under a heading naming its date. */
export function handoverNote(note: HandoverNote): string {
  return [`## ${note.date} · ${note.title}`, '', demoteHeadings(shareableAgenda(note.content)).trim(), ''].join('\n');
}

/** Everything in one Markdown file, notes oldest first. */
export function handoverMarkdown(handover: Handover): string {
  return [handoverSummary(handover), '# 1:1 notes', '', ...handover.notes.map(handoverNote)].join('\n');
}

/** Each note's headings one level down, so they sit under its date heading. */
function demoteHeadings(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(?:```|~~~)/.test(line)) {
        inFence = !inFence;
      }
      return !inFence && /^#{1,5}\s/.test(line) ? `#${line}` : line;
    })
    .join('\n');
}
