/**
 * The delegation inventory: technical work the lead still holds, and the life cycle of handing
 * each piece over. Pure functions; the host's store saves what they return.
 */
import * as l10n from '../l10n';
import type { CodeReference } from '../oneOnOnes/talkingPoints';
import { daysBetween, formatDay, parseDay } from '../team';
import { CHECKLIST, findStep } from './checklist';
import { checkInIntervalDays, type Level } from './levels';

export const STATUSES = ['holding', 'handingOver', 'delegated', 'takenBack'] as const;
export type Status = (typeof STATUSES)[number];

/** Getters, so each label is translated when read: the translator is installed after this module loads. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  get holding() {
    return l10n.t('Holding');
  },
  get handingOver() {
    return l10n.t('Handing over');
  },
  get delegated() {
    return l10n.t('Delegated');
  },
  get takenBack() {
    return l10n.t('Taken back');
  },
};

export const RELAPSE_KINDS = ['tookBack', 'rewrote', 'redecided'] as const;
export type RelapseKind = (typeof RELAPSE_KINDS)[number];

export const RELAPSE_LABELS: Readonly<Record<RelapseKind, string>> = {
  get tookBack() {
    return l10n.t('I took it back');
  },
  get rewrote() {
    return l10n.t('I rewrote their work');
  },
  get redecided() {
    return l10n.t('I re-decided a call that was theirs');
  },
};

/** Technical work leads typically keep holding; offered when adding an item (translated when asked). */
export function commonHoldings(): readonly string[] {
  return [
    l10n.t('Reviewing every pull request'),
    l10n.t('Architecture calls'),
    l10n.t('Estimates'),
    l10n.t('Release go/no-go'),
    l10n.t('Incident command'),
    l10n.t('Dependency upgrades'),
    l10n.t('The system only I know'),
  ];
}

// The limits live with the others in storageLayout; these names stay for the modules that use them.
import { DELEGATION_TITLE_MAX_LENGTH as TITLE_MAX_LENGTH, STEP_NOTE_MAX_LENGTH } from '../storageLayout';
export { STEP_NOTE_MAX_LENGTH, TITLE_MAX_LENGTH };

export interface LevelChange {
  readonly on: string;
  readonly from?: Level | undefined;
  readonly to: Level;
}

export interface StepDone {
  readonly stepId: string;
  readonly on: string;
  readonly note?: string | undefined;
}

export interface Relapse {
  readonly on: string;
  readonly kind: RelapseKind;
}

export interface DelegationItem {
  readonly id: string;
  readonly title: string;
  readonly createdOn: string;
  readonly status: Status;
  /** The one accountable owner once it is handed over: a person on the team. */
  readonly ownerId?: string | undefined;
  /** Today's level and the level the hand-over aims for, once an owner is chosen. */
  readonly level?: Level | undefined;
  readonly targetLevel?: Level | undefined;
  readonly levelHistory: readonly LevelChange[];
  readonly steps: readonly StepDone[];
  readonly relapses: readonly Relapse[];
  /** When the lead next looks in; due check-ins go into the owner's next 1:1 agenda. */
  readonly nextCheckInOn?: string | undefined;
  readonly source?: CodeReference | undefined;
}

export function titleProblem(raw: string): string | undefined {
  const title = raw.trim();
  if (title.length === 0) {
    return l10n.t('Say what the work is.');
  }
  if (title.length > TITLE_MAX_LENGTH) {
    return l10n.t('Keep it under {0} characters.', TITLE_MAX_LENGTH);
  }
  if (/\p{Cc}/u.test(title)) {
    return l10n.t('The text contains a control character.');
  }
  return undefined;
}

export function newItem(id: string, title: string, today: string, source?: CodeReference): DelegationItem {
  return {
    id,
    title: title.trim().replace(/\s+/gu, ' '),
    createdOn: today,
    status: 'holding',
    levelHistory: [],
    steps: [],
    relapses: [],
    ...(source ? { source } : {}),
  };
}

function addDays(isoDay: string, days: number): string {
  return formatDay(parseDay(isoDay) + days * 24 * 60 * 60 * 1000);
}

/**
 * Hands the item to a person at a level, aiming for a target level. The first check-in is booked
 * one interval out at the current level, and the item moves from holding to handing over.
 */
export function assign(item: DelegationItem, ownerId: string, level: Level, targetLevel: Level, today: string): DelegationItem {
  return {
    ...withLevel(item, level, today),
    ownerId,
    targetLevel,
    status: item.status === 'delegated' ? 'delegated' : 'handingOver',
    nextCheckInOn: item.nextCheckInOn ?? addDays(today, checkInIntervalDays(level)),
  };
}

/** Moves today's level; every change is kept so the lead can see the trend. */
export function withLevel(item: DelegationItem, level: Level, today: string): DelegationItem {
  if (item.level === level) {
    return item;
  }
  return { ...item, level, levelHistory: [...item.levelHistory, { on: today, ...(item.level ? { from: item.level } : {}), to: level }] };
}

export function setStatus(item: DelegationItem, status: Status): DelegationItem {
  return { ...item, status };
}

/** Ticks or unticks a checklist step; a note may be kept with a ticked step. */
export function tickStep(item: DelegationItem, stepId: string, done: boolean, today: string, note?: string): DelegationItem {
  if (!findStep(stepId)) {
    return item;
  }
  const others = item.steps.filter((s) => s.stepId !== stepId);
  if (!done) {
    return { ...item, steps: others };
  }
  const existing = item.steps.find((s) => s.stepId === stepId);
  const kept = note?.trim() || existing?.note;
  return { ...item, steps: [...others, { stepId, on: existing?.on ?? today, ...(kept ? { note: kept } : {}) }] };
}

/**
 * Records the lead taking the work back in some form. Taking it back outright changes the
 * status; rewriting or re-deciding is recorded without changing who owns it.
 */
export function recordRelapse(item: DelegationItem, kind: RelapseKind, today: string): DelegationItem {
  return {
    ...item,
    relapses: [...item.relapses, { on: today, kind }],
    ...(kind === 'tookBack' ? { status: 'takenBack' as const } : {}),
  };
}

/** A check-in was held (it went into a 1:1 note): the next one is one interval later. */
export function checkInHeld(item: DelegationItem, on: string): DelegationItem {
  return { ...item, nextCheckInOn: addDays(on, checkInIntervalDays(item.level ?? 1)) };
}

export function isActive(item: DelegationItem): boolean {
  return item.status === 'handingOver' || item.status === 'delegated';
}

/**
 * The owner's items to look at in a 1:1 held on `day`: everything still being handed over (each
 * 1:1 checks in during a hand-over), and delegated work whose check-in has fallen due.
 */
export function checkInsDue(items: readonly DelegationItem[], ownerId: string, day: string): DelegationItem[] {
  return items.filter(
    (item) =>
      item.ownerId === ownerId &&
      (item.status === 'handingOver' || (item.status === 'delegated' && item.nextCheckInOn !== undefined && item.nextCheckInOn <= day)),
  );
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export function progress(item: DelegationItem): Progress {
  const known = new Set(CHECKLIST.map((s) => s.id));
  return { done: item.steps.filter((s) => known.has(s.stepId)).length, total: CHECKLIST.length };
}

export type Filter = 'all' | 'holding' | 'handingOver' | 'delegated';

export function matchesFilter(item: Pick<DelegationItem, 'status'>, filter: Filter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'holding':
      // Work taken back is held again; it belongs with what the lead still holds.
      return item.status === 'holding' || item.status === 'takenBack';
    case 'handingOver':
      return item.status === 'handingOver';
    case 'delegated':
      return item.status === 'delegated';
  }
}

export interface SelfCheck {
  readonly holding: number;
  readonly handingOver: number;
  readonly delegated: number;
  /** Relapses in the last 30 days. */
  readonly recentRelapses: number;
  /** The items held longest, oldest first, with how many days they have been held. */
  readonly oldestHeld: readonly { readonly id: string; readonly title: string; readonly days: number }[];
}

/** The weekly Peter-Principle self-check: what is held versus handed over, and what is oldest. */
export function selfCheck(items: readonly DelegationItem[], today: string): SelfCheck {
  const held = items.filter((item) => matchesFilter(item, 'holding'));
  const monthAgo = addDays(today, -30);
  return {
    holding: held.length,
    handingOver: items.filter((item) => item.status === 'handingOver').length,
    delegated: items.filter((item) => item.status === 'delegated').length,
    recentRelapses: items.flatMap((item) => item.relapses).filter((r) => r.on >= monthAgo).length,
    oldestHeld: [...held]
      .sort((a, b) => a.createdOn.localeCompare(b.createdOn))
      .slice(0, 3)
      .map((item) => ({ id: item.id, title: item.title, days: daysBetween(item.createdOn, today) })),
  };
}

/** The Monday that starts the ISO week of `day`, which names the week for "done this week". */
export function weekOf(day: string): string {
  const epoch = parseDay(day);
  const weekday = (new Date(epoch).getUTCDay() + 6) % 7;
  return formatDay(epoch - weekday * 24 * 60 * 60 * 1000);
}

/** One line per check-in for a 1:1 agenda. */
export function checkInAgendaLines(items: readonly DelegationItem[], levelName: (level: Level) => string): string[] {
  return items.map((item) => {
    const progressNow = progress(item);
    const level = item.level ? ` (level ${levelName(item.level)}${item.targetLevel && item.targetLevel !== item.level ? `, aiming for ${levelName(item.targetLevel)}` : ''})` : '';
    return `- Check in: ${item.title}${level}. Checklist ${progressNow.done}/${progressNow.total}. How is it going, and what do you need from me?`;
  });
}
