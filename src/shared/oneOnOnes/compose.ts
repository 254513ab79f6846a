/** Builds a new 1:1 note: the template filled in, with what carries over from last time. */
import type { ActionItem } from './actionItems';
import { fillTemplate, templateAsMarkdown, type Template } from './templates';

export interface NoteInputs {
  readonly person: string;
  readonly date: string;
  /** Open items from the person's previous note; they carry into this one. */
  readonly carriedItems: readonly ActionItem[];
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
  return fillTemplate(markdown, {
    person: inputs.person,
    date: inputs.date,
    openActionItems: bullets(
      inputs.carriedItems.map((item) => `- [ ] ${item.text}`),
      'Nothing open from last time.',
    ),
    talkingPoints: bullets(
      inputs.talkingPoints.map((point) => `- ${point}`),
      'No talking points queued.',
    ),
    goals: bullets(inputs.goals ?? [], 'No growth goals yet. What would they like to get better at?'),
    delegationCheckIns: bullets(inputs.delegationCheckIns ?? [], 'No delegation check-ins due.'),
  });
}

export function noteTitle(person: string, date: string, template: Pick<Template, 'title'>): string {
  return `${person} · ${date} · ${template.title}`;
}
