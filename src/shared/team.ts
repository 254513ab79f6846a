/** Pure rules about the people a lead looks after: names, cadences, when the next 1:1 is due. */
import * as l10n from './l10n';
import type { TalkingPoint } from './oneOnOnes/talkingPoints';
import { GOAL_MAX_LENGTH, PERSON_NAME_MAX_LENGTH, PERSON_ROLE_MAX_LENGTH } from './storageLayout';

export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

/** Getters, so each label is translated when read: the translator is installed after this module loads. */
export const CADENCE_LABELS: Readonly<Record<Cadence, string>> = {
  get weekly() {
    return l10n.t('Weekly');
  },
  get biweekly() {
    return l10n.t('Every two weeks');
  },
  get monthly() {
    return l10n.t('Monthly');
  },
};


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

export { GOAL_MAX_LENGTH };
/** "A few" goals: more than this and none of them gets attention. */
export const MAX_OPEN_GOALS = 5;

export function goalProblem(raw: string, goals: readonly Goal[]): string | undefined {
  const text = raw.trim();
  if (text.length === 0) {
    return l10n.t('Describe the goal.');
  }
  if (text.length > GOAL_MAX_LENGTH) {
    return l10n.t('Keep the goal under {0} characters.', GOAL_MAX_LENGTH);
  }
  // A line break would end the agenda line, and dashes before "progress:" would end the goal early.
  if (/[\p{Cc}\u2028\u2029]/u.test(text) || /[—–-]\s*progress:/iu.test(text)) {
    return l10n.t('The goal contains characters Two Hats uses to track progress.');
  }
  const open = goals.filter((g) => !g.reachedOn);
  if (open.some((g) => g.text.toLowerCase() === text.toLowerCase())) {
    return l10n.t('That goal is already on the list.');
  }
  if (open.length >= MAX_OPEN_GOALS) {
    return l10n.t('Keep it to {0} open goals; mark one reached first.', MAX_OPEN_GOALS);
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
    return l10n.t('Enter a name.');
  }
  if (name.length > PERSON_NAME_MAX_LENGTH) {
    return l10n.t('Keep the name under {0} characters.', PERSON_NAME_MAX_LENGTH);
  }
  // Control characters would be invisible in the list and in file names of exports.
  if (/\p{Cc}/u.test(name)) {
    return l10n.t('The name contains a control character.');
  }
  const twin = people.find((p) => p.id !== exceptId && sameName(p.name, name));
  if (twin) {
    return twin.archived
      ? l10n.t('{0} is already on your team (archived). Unarchive them instead.', twin.name)
      : l10n.t('{0} is already on your team.', twin.name);
  }
  return undefined;
}

export function roleProblem(raw: string): string | undefined {
  const role = raw.trim();
  if (role.length > PERSON_ROLE_MAX_LENGTH) {
    return l10n.t('Keep the role under {0} characters.', PERSON_ROLE_MAX_LENGTH);
  }
  if (/\p{Cc}/u.test(role)) {
    return l10n.t('The role contains a control character.');
  }
  return undefined;
}

/**
 * The draft as the sidebar sends it: the name and role as the rule reads them. The protocol bounds
 * the raw text, so a name the rule accepts ("Ada" and 400 spaces and "Lovelace") must not travel
 * raw and be rejected on the way, leaving the form waiting for an answer.
 */
export function draftForSaving(draft: PersonDraft): PersonDraft {
  return { name: normalizeName(draft.name), role: draft.role.trim(), cadence: draft.cadence };
}

export function draftProblem(draft: PersonDraft, people: readonly Pick<Person, 'id' | 'name' | 'archived'>[], exceptId?: string): string | undefined {
  return nameProblem(draft.name, people, exceptId) ?? roleProblem(draft.role);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Parses a YYYY-MM-DD date as a UTC day; dates here are calendar days, not instants. Also the
 * six-digit signed years formatDay gives past year 9999 (a due day one cadence after a
 * hand-edited 9999-12-30), so a day this module computed always reads back.
 */
export function parseDay(isoDay: string): number {
  const match = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) {
    throw new RangeError(`Not a calendar day: ${isoDay}`);
  }
  // Date.UTC reads years 0 to 99 as 1900 to 1999; setUTCFullYear takes the year as written, so a
  // later day is always a larger number and due days order the same as strings and as numbers.
  return new Date(0).setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function formatDay(epochMs: number): string {
  // Up to the time, not 10 characters: past year 9999 (or before year 0) the year has six digits and a sign.
  const iso = new Date(epochMs).toISOString();
  return iso.slice(0, iso.indexOf('T'));
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
    label = l10n.t('next 1:1 due today');
  } else if (daysLeft === 1) {
    label = l10n.t('next 1:1 due tomorrow');
  } else if (daysLeft > 1) {
    label = l10n.t('next 1:1 in {0} days', daysLeft);
  } else if (daysLeft === -1) {
    label = l10n.t('1:1 overdue by 1 day');
  } else {
    label = l10n.t('1:1 overdue by {0} days', -daysLeft);
  }
  return { dueOn, daysLeft, overdue: daysLeft < 0, label };
}

/**
 * Active people first by who is due soonest, then by name; archived people by name. The order
 * does not depend on the day it is shown (due days are compared, not days left), so a list
 * sorted once stays sorted: the cached team is kept in this order (cachedTeam.ts).
 */
export function sortForDisplay<P extends Pick<Person, 'name' | 'archived' | 'cadence' | 'addedOn' | 'lastOneOnOneOn'>>(people: readonly P[]): P[] {
  // Each person's due day once, not in every comparison.
  const dueAt = new Map(people.map((person) => [person, person.archived ? 0 : parseDay(nextDueOn(person))]));
  return [...people].sort((a, b) => {
    if (a.archived !== b.archived) {
      return a.archived ? 1 : -1;
    }
    return dueAt.get(a)! - dueAt.get(b)! || a.name.localeCompare(b.name);
  });
}

export function countOverdue(people: readonly Person[], today: string): number {
  return people.filter((p) => !p.archived && dueStatus(p, today).overdue).length;
}
