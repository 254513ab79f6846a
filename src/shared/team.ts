/** Pure rules about the people a lead looks after: names, cadences, when the next 1:1 is due. */
import type { TalkingPoint } from './oneOnOnes/talkingPoints';

export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
};

export const NAME_MAX_LENGTH = 80;
export const ROLE_MAX_LENGTH = 120;

export interface Person {
  readonly id: string;
  readonly name: string;
  /** Role or team, free text; may be empty. */
  readonly role: string;
  readonly cadence: Cadence;
  readonly archived: boolean;
  /** ISO date (YYYY-MM-DD) the person was added; anchors the first due date. */
  readonly addedOn: string;
  /** ISO date of the last 1:1 held, when there has been one. */
  readonly lastOneOnOneOn?: string | undefined;
  /** Queued for the next 1:1; absent in files written before talking points existed. */
  readonly talkingPoints?: readonly TalkingPoint[] | undefined;
  /** A few growth goals; their progress is scored in 1:1 notes. */
  readonly goals?: readonly Goal[] | undefined;
}

export interface Goal {
  readonly id: string;
  readonly text: string;
  readonly addedOn: string;
  readonly reachedOn?: string | undefined;
}

export const GOAL_MAX_LENGTH = 200;
/** "A few" goals: more than this and none of them gets attention. */
export const MAX_OPEN_GOALS = 5;

export function goalProblem(raw: string, goals: readonly Goal[]): string | undefined {
  const text = raw.trim();
  if (text.length === 0) {
    return 'Describe the goal.';
  }
  if (text.length > GOAL_MAX_LENGTH) {
    return `Keep the goal under ${GOAL_MAX_LENGTH} characters.`;
  }
  // A line break would end the agenda line, and dashes before "progress:" would end the goal early.
  if (/[\p{Cc}\u2028\u2029]/u.test(text) || /[—–-]\s*progress:/iu.test(text)) {
    return 'The goal contains characters Two Hats uses to track progress.';
  }
  const open = goals.filter((g) => !g.reachedOn);
  if (open.some((g) => g.text.toLowerCase() === text.toLowerCase())) {
    return 'That goal is already on the list.';
  }
  if (open.length >= MAX_OPEN_GOALS) {
    return `Keep it to ${MAX_OPEN_GOALS} open goals; mark one reached first.`;
  }
  return undefined;
}

export interface PersonDraft {
  readonly name: string;
  readonly role: string;
  readonly cadence: Cadence;
}

/** Collapses runs of white space so "Ada  Lovelace " and "Ada Lovelace" are one name. */
export function normalizeName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function sameName(a: string, b: string): boolean {
  return normalizeName(a).localeCompare(normalizeName(b), undefined, { sensitivity: 'accent' }) === 0;
}

/**
 * Why a name cannot be used, or undefined when it can. `exceptId` lets a person keep their own
 * name while being edited. Archived people still count: bringing one back must not create a twin.
 */
export function nameProblem(raw: string, people: readonly Pick<Person, 'id' | 'name' | 'archived'>[], exceptId?: string): string | undefined {
  const name = normalizeName(raw);
  if (name.length === 0) {
    return 'Enter a name.';
  }
  if (name.length > NAME_MAX_LENGTH) {
    return `Keep the name under ${NAME_MAX_LENGTH} characters.`;
  }
  // Control characters would be invisible in the list and in file names of exports.
  if (/\p{Cc}/u.test(name)) {
    return 'The name contains a control character.';
  }
  const twin = people.find((p) => p.id !== exceptId && sameName(p.name, name));
  if (twin) {
    return twin.archived
      ? `${twin.name} is already on your team (archived). Unarchive them instead.`
      : `${twin.name} is already on your team.`;
  }
  return undefined;
}

export function roleProblem(raw: string): string | undefined {
  const role = raw.trim();
  if (role.length > ROLE_MAX_LENGTH) {
    return `Keep the role under ${ROLE_MAX_LENGTH} characters.`;
  }
  if (/\p{Cc}/u.test(role)) {
    return 'The role contains a control character.';
  }
  return undefined;
}

export function draftProblem(draft: PersonDraft, people: readonly Pick<Person, 'id' | 'name' | 'archived'>[], exceptId?: string): string | undefined {
  return nameProblem(draft.name, people, exceptId) ?? roleProblem(draft.role);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Parses a YYYY-MM-DD date as a UTC day; dates here are calendar days, not instants. */
export function parseDay(isoDay: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) {
    throw new RangeError(`Not a calendar day: ${isoDay}`);
  }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function formatDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Today as the user's local calendar day, so "due today" matches their wall clock. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function addCadence(isoDay: string, cadence: Cadence): string {
  const start = parseDay(isoDay);
  switch (cadence) {
    case 'weekly':
      return formatDay(start + 7 * DAY_MS);
    case 'biweekly':
      return formatDay(start + 14 * DAY_MS);
    case 'monthly': {
      // Same day next month, clamped to the month's end (31 Jan -> 28/29 Feb).
      const date = new Date(start);
      const targetMonth = date.getUTCMonth() + 1;
      const lastDay = new Date(Date.UTC(date.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate();
      return formatDay(Date.UTC(date.getUTCFullYear(), targetMonth, Math.min(date.getUTCDate(), lastDay)));
    }
  }
}

/**
 * The day the next 1:1 is due: one cadence after the last 1:1, or after the day the person was
 * added when there has been none yet.
 */
export function nextDueOn(person: Pick<Person, 'cadence' | 'addedOn' | 'lastOneOnOneOn'>): string {
  return addCadence(person.lastOneOnOneOn ?? person.addedOn, person.cadence);
}

export function daysBetween(fromIsoDay: string, toIsoDay: string): number {
  return Math.round((parseDay(toIsoDay) - parseDay(fromIsoDay)) / DAY_MS);
}

export interface DueStatus {
  readonly dueOn: string;
  /** Negative when overdue. */
  readonly daysLeft: number;
  readonly overdue: boolean;
  readonly label: string;
}

export function dueStatus(person: Pick<Person, 'cadence' | 'addedOn' | 'lastOneOnOneOn'>, today: string): DueStatus {
  const dueOn = nextDueOn(person);
  const daysLeft = daysBetween(today, dueOn);
  let label: string;
  if (daysLeft === 0) {
    label = 'next 1:1 due today';
  } else if (daysLeft === 1) {
    label = 'next 1:1 due tomorrow';
  } else if (daysLeft > 1) {
    label = `next 1:1 in ${daysLeft} days`;
  } else if (daysLeft === -1) {
    label = '1:1 overdue by 1 day';
  } else {
    label = `1:1 overdue by ${-daysLeft} days`;
  }
  return { dueOn, daysLeft, overdue: daysLeft < 0, label };
}

/** Active people first by who is due soonest, then by name; archived people by name. */
export function sortForDisplay(people: readonly Person[], today: string): Person[] {
  return [...people].sort((a, b) => {
    if (a.archived !== b.archived) {
      return a.archived ? 1 : -1;
    }
    if (!a.archived) {
      const byDue = daysBetween(today, nextDueOn(a)) - daysBetween(today, nextDueOn(b));
      if (byDue !== 0) {
        return byDue;
      }
    }
    return a.name.localeCompare(b.name);
  });
}

export function countOverdue(people: readonly Person[], today: string): number {
  return people.filter((p) => !p.archived && dueStatus(p, today).overdue).length;
}
