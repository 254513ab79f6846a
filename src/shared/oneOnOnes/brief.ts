/**
 * The brief a lead reads before a 1:1: what changed since the last one, in Markdown. Pure, so
 * every rule is unit-tested; the host gathers the inputs and shows the result read-only.
 */
import * as l10n from '../l10n';
import { checkInsDue, RELAPSE_LABELS, type DelegationItem } from '../delegation/items';
import { CADENCE_LABELS, daysBetween, dueStatus, type Person } from '../team';
import { openActionItems, ownerInItemText } from './actionItems';
import { sparkline, trend } from './checkIns';
import { noteHighlights } from './lastNoteHighlights';
import { privateLineRanges } from './privacy';

/** What the brief needs from a past note's index entry. */
export interface BriefHistoryNote {
  readonly date: string;
  readonly openItems: readonly { readonly text: string; readonly private?: boolean }[];
  readonly mood?: number | undefined;
  readonly goals?: readonly { readonly goal: string; readonly score: number }[] | undefined;
}

export interface BriefInputs {
  readonly person: Pick<Person, 'id' | 'name' | 'cadence' | 'archived' | 'addedOn' | 'lastOneOnOneOn' | 'talkingPoints' | 'goals'>;
  readonly today: string;
  /** The person's notes, newest first. */
  readonly history: readonly BriefHistoryNote[];
  /** The text of the newest note, when it could be read. */
  readonly lastNoteText?: string | undefined;
  /** Every delegation item; the brief picks the person's own. */
  readonly delegation: readonly DelegationItem[];
}

export interface BriefOpenItem {
  readonly text: string;
  readonly ageDays: number;
  readonly theirs: boolean;
  /** In the note's private part: the lead's own to-do, never carried into a shared section. */
  readonly private: boolean;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Whether an `@owner` names this person: their whole name without spaces, or any one of their names. */
export function ownerIsPerson(owner: string, personName: string): boolean {
  const wanted = owner.toLowerCase();
  const names = personName.toLowerCase().split(/\s+/).filter((n) => n.length > 0);
  return wanted === names.join('') || wanted === names.join('.') || wanted === names.join('_') || names.includes(wanted);
}

/** Open items of the newest note, with how long each has been open (it carries from note to note). */
export function briefOpenItems(inputs: Pick<BriefInputs, 'person' | 'today' | 'history' | 'lastNoteText'>): BriefOpenItem[] {
  const [latest] = inputs.history;
  if (!latest) {
    return [];
  }
  const fromText = inputs.lastNoteText === undefined ? undefined : openActionItems(inputs.lastNoteText);
  const ranges = inputs.lastNoteText === undefined ? [] : privateLineRanges(inputs.lastNoteText);
  // Without the note's text, the index says which items are private, and the item's own text whose.
  const items: readonly { text: string; owner?: string | undefined; line: number; private?: boolean }[] =
    fromText ?? latest.openItems.map((item) => ({ text: item.text, owner: ownerInItemText(item.text), line: -1, private: item.private === true }));
  return items.map((item) => {
    let since = latest.date;
    for (const note of inputs.history.slice(1)) {
      if (!note.openItems.some((other) => normalize(other.text) === normalize(item.text))) {
        break;
      }
      since = note.date;
    }
    return {
      text: item.text,
      ageDays: Math.max(0, daysBetween(since, inputs.today)),
      theirs: item.owner !== undefined && ownerIsPerson(item.owner, inputs.person.name),
      private: item.private === true || ranges.some((range) => item.line >= range.start && item.line < range.end),
    };
  });
}

/**
 * Text from notes, names and items, made inert for the brief's Markdown preview: no image, link or
 * HTML in it comes alive, so opening a brief loads nothing from the network (an imported
 * `![](https://…)` would) and shows the words as they were typed.
 */
export function inert(text: string): string {
  return text.replace(/[\\`*_[\]()<>!&#|~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

function bullets(lines: readonly string[], empty: string): string[] {
  return lines.length > 0 ? [...lines] : [`_${empty}_`];
}

function itemLine(item: BriefOpenItem): string {
  const age = item.ageDays === 0 ? l10n.t('new today') : item.ageDays === 1 ? l10n.t('open 1 day') : l10n.t('open {0} days', item.ageDays);
  return `- ${item.private ? `🔒 **${l10n.t('private')}** · ` : ''}${inert(item.text)} _(${age})_`;
}

function cadenceLines(inputs: BriefInputs): string[] {
  const { person, today } = inputs;
  if (person.archived) {
    return [l10n.t('{0} is archived: no 1:1 is due.', inert(person.name))];
  }
  const status = dueStatus(person, today);
  // Only the first letter: German nouns in a label ("Alle zwei Wochen") keep their capital.
  const label = CADENCE_LABELS[person.cadence];
  const cadence = label.charAt(0).toLowerCase() + label.slice(1);
  const last = person.lastOneOnOneOn ?? inputs.history[0]?.date;
  if (!last) {
    return [l10n.t('No 1:1 yet ({0} cadence); {1}.', cadence, status.label)];
  }
  const days = daysBetween(last, today);
  const ago = days === 1 ? l10n.t('1 day ago') : l10n.t('{0} days ago', days);
  return [l10n.t('Last 1:1 on {0}, {1}, against a {2} cadence: {3}.', last, `**${ago}**`, cadence, status.label)];
}

function delegationLines(inputs: BriefInputs): string[] {
  const due = checkInsDue(inputs.delegation, inputs.person.id, inputs.today).map((item) => `- ${l10n.t('Check in: {0}', inert(item.title))}`);
  const since = inputs.person.lastOneOnOneOn ?? inputs.person.addedOn;
  const relapses = inputs.delegation
    .filter((item) => item.ownerId === inputs.person.id)
    .flatMap((item) => item.relapses.filter((r) => r.on >= since).map((r) => `- ${l10n.t('Relapse on {0} ({1}): {2}', r.on, inert(item.title), RELAPSE_LABELS[r.kind])}`));
  return [...due, ...relapses];
}

function trendLine(label: string, scores: readonly number[]): string {
  return `- ${l10n.t('{0}: {1} (out of 10, oldest first)', label, scores.join(', '))} \`${sparkline(scores)}\``;
}

function trendLines(inputs: BriefInputs): string[] {
  const lines: string[] = [];
  const moods = trend(inputs.history, (note) => note.mood);
  if (moods.length > 0) {
    lines.push(trendLine(l10n.t('Check-in'), moods));
  }
  for (const goal of (inputs.person.goals ?? []).filter((g) => !g.reachedOn)) {
    const key = normalize(goal.text);
    const scores = trend(inputs.history, (note) => note.goals?.find((g) => normalize(g.goal) === key)?.score);
    const label = l10n.t('Goal “{0}”', inert(goal.text));
    lines.push(scores.length > 0 ? trendLine(label, scores) : `- ${l10n.t('{0}: no progress scored yet', label)}`);
  }
  return lines;
}

/** The brief as Markdown. */
export function composeBrief(inputs: BriefInputs): string {
  const { person } = inputs;
  const items = briefOpenItems(inputs);
  const points = person.talkingPoints ?? [];
  const highlights = inputs.lastNoteText === undefined ? { decisions: [], openQuestions: [] } : noteHighlights(inputs.lastNoteText);
  const shared = items.filter((item) => !item.private);
  const privateCount = items.length - shared.length;
  const lines = [
    `# ${l10n.t('Prepare: 1:1 with {0}', inert(person.name))}`,
    '',
    ...cadenceLines(inputs),
    '',
    `## ${l10n.t('Open action items')}`,
    '',
    `### ${l10n.t('{0}’s', inert(person.name))}`,
    '',
    ...bullets(items.filter((i) => i.theirs).map(itemLine), l10n.t('Nothing open on their side.')),
    '',
    `### ${l10n.t('Yours')}`,
    '',
    ...bullets(items.filter((i) => !i.theirs).map(itemLine), l10n.t('Nothing open on your side.')),
    '',
    `## ${l10n.t('Talking points')}`,
    '',
    ...bullets(
      points.map((p) => `- ${inert(p.text.replace(/\s+/g, ' ').trim())}${p.standing ? ` _(${l10n.t('standing')})_` : ''}`),
      l10n.t('No talking points queued.'),
    ),
    '',
    `## ${l10n.t('Delegation')}`,
    '',
    ...bullets(delegationLines(inputs), l10n.t('No check-ins due and no relapses since the last 1:1.')),
    '',
    `## ${l10n.t('Check-in and goals')}`,
    '',
    ...bullets(trendLines(inputs), l10n.t('No check-in scores or goals yet.')),
    '',
  ];
  if (inputs.history[0]) {
    lines.push(
      `## ${l10n.t('From the last 1:1 ({0})', inputs.history[0].date)}`,
      '',
      `### ${l10n.t('Decisions')}`,
      '',
      ...bullets(highlights.decisions.map((d) => `- ${inert(d)}`), l10n.t('No decisions noted.')),
      '',
      `### ${l10n.t('Open questions')}`,
      '',
      ...bullets(highlights.openQuestions.map((q) => `- ${inert(q)}`), l10n.t('No open questions noted.')),
      '',
    );
  }
  lines.push(
    `## ${l10n.t('What the new note will carry')}`,
    '',
    ...bullets(
      [...shared.map((item) => `- [ ] ${inert(item.text)}`), ...points.map((p) => `- ${inert(p.text.replace(/\s+/g, ' ').trim())}`)],
      l10n.t('Nothing carries over.'),
    ),
    ...(privateCount > 0 ? ['', `_${privateCount === 1 ? l10n.t('1 private item stays in your private notes.') : l10n.t('{0} private items stay in your private notes.', privateCount)}_`] : []),
    '',
  );
  return lines.join('\n');
}
