/**
 * The brief a lead reads before a 1:1: what changed since the last one, in Markdown. Pure, so
 * every rule is unit-tested; the host gathers the inputs and shows the result read-only.
 */
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
  const age = item.ageDays === 0 ? 'new today' : item.ageDays === 1 ? 'open 1 day' : `open ${item.ageDays} days`;
  return `- ${item.private ? '🔒 **private** · ' : ''}${inert(item.text)} _(${age})_`;
}

function cadenceLines(inputs: BriefInputs): string[] {
  const { person, today } = inputs;
  if (person.archived) {
    return [`${inert(person.name)} is archived: no 1:1 is due.`];
  }
  const status = dueStatus(person, today);
  const cadence = `${CADENCE_LABELS[person.cadence].toLowerCase()} cadence`;
  const last = person.lastOneOnOneOn ?? inputs.history[0]?.date;
  if (!last) {
    return [`No 1:1 yet (${cadence}); ${status.label}.`];
  }
  const days = daysBetween(last, today);
  return [`Last 1:1 on ${last}, **${days} ${days === 1 ? 'day' : 'days'} ago**, against a ${cadence}: ${status.label}.`];
}

function delegationLines(inputs: BriefInputs): string[] {
  const due = checkInsDue(inputs.delegation, inputs.person.id, inputs.today).map((item) => `- Check in: ${inert(item.title)}`);
  const since = inputs.person.lastOneOnOneOn ?? inputs.person.addedOn;
  const relapses = inputs.delegation
    .filter((item) => item.ownerId === inputs.person.id)
    .flatMap((item) => item.relapses.filter((r) => r.on >= since).map((r) => `- Relapse on ${r.on} (${inert(item.title)}): ${RELAPSE_LABELS[r.kind]}`));
  return [...due, ...relapses];
}

function trendLine(label: string, scores: readonly number[]): string {
  return `- ${label}: ${scores.join(', ')} (out of 10, oldest first) \`${sparkline(scores)}\``;
}

function trendLines(inputs: BriefInputs): string[] {
  const lines: string[] = [];
  const moods = trend(inputs.history, (note) => note.mood);
  if (moods.length > 0) {
    lines.push(trendLine('Check-in', moods));
  }
  for (const goal of (inputs.person.goals ?? []).filter((g) => !g.reachedOn)) {
    const key = normalize(goal.text);
    const scores = trend(inputs.history, (note) => note.goals?.find((g) => normalize(g.goal) === key)?.score);
    lines.push(scores.length > 0 ? trendLine(`Goal “${inert(goal.text)}”`, scores) : `- Goal “${inert(goal.text)}”: no progress scored yet`);
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
    `# Prepare: 1:1 with ${inert(person.name)}`,
    '',
    ...cadenceLines(inputs),
    '',
    '## Open action items',
    '',
    `### ${inert(person.name)}’s`,
    '',
    ...bullets(items.filter((i) => i.theirs).map(itemLine), 'Nothing open on their side.'),
    '',
    '### Yours',
    '',
    ...bullets(items.filter((i) => !i.theirs).map(itemLine), 'Nothing open on your side.'),
    '',
    '## Talking points',
    '',
    ...bullets(
      points.map((p) => `- ${inert(p.text.replace(/\s+/g, ' ').trim())}${p.standing ? ' _(standing)_' : ''}`),
      'No talking points queued.',
    ),
    '',
    '## Delegation',
    '',
    ...bullets(delegationLines(inputs), 'No check-ins due and no relapses since the last 1:1.'),
    '',
    '## Check-in and goals',
    '',
    ...bullets(trendLines(inputs), 'No check-in scores or goals yet.'),
    '',
  ];
  if (inputs.history[0]) {
    lines.push(
      `## From the last 1:1 (${inputs.history[0].date})`,
      '',
      '### Decisions',
      '',
      ...bullets(highlights.decisions.map((d) => `- ${inert(d)}`), 'No decisions noted.'),
      '',
      '### Open questions',
      '',
      ...bullets(highlights.openQuestions.map((q) => `- ${inert(q)}`), 'No open questions noted.'),
      '',
    );
  }
  lines.push(
    '## What the new note will carry',
    '',
    ...bullets(
      [...shared.map((item) => `- [ ] ${inert(item.text)}`), ...points.map((p) => `- ${inert(p.text.replace(/\s+/g, ' ').trim())}`)],
      'Nothing carries over.',
    ),
    ...(privateCount > 0 ? ['', `_${privateCount} private ${privateCount === 1 ? 'item stays' : 'items stay'} in your private notes._`] : []),
    '',
  );
  return lines.join('\n');
}
