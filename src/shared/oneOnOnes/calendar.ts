/**
 * The 1:1 schedule as an iCalendar file (RFC 5545): one recurring all-day event per active person,
 * from their cadence and next due date. It carries the person's name and nothing else: no role,
 * no notes, no talking points. Each event's UID derives from the person's id, so importing a
 * newer export updates the same events instead of adding twins.
 */
import * as l10n from '../l10n';
import { createEvents, type EventAttributes } from 'ics';
import { formatDay, nextDueOn, parseDay, type Cadence, type Person } from '../team';

const DAY_MS = 24 * 60 * 60 * 1000;

export function eventUid(personId: string): string {
  return `${personId}@two-hats`;
}

/**
 * The recurrence for a cadence starting on `day`. Monthly keeps the day of the month; a series
 * from the 29th, 30th or 31st falls on each month's last day instead (BYMONTHDAY=-1), because
 * calendars skip months without the day, and BYSETPOS, which could say "the 30th or the last
 * day", is not understood everywhere. `monthlyStart` moves such a series' start to match.
 */
export function recurrenceRule(cadence: Cadence, day: string): string {
  switch (cadence) {
    case 'weekly':
      return 'FREQ=WEEKLY;INTERVAL=1';
    case 'biweekly':
      return 'FREQ=WEEKLY;INTERVAL=2';
    case 'monthly': {
      const dayOfMonth = new Date(parseDay(day)).getUTCDate();
      return `FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=${dayOfMonth <= 28 ? dayOfMonth : -1}`;
    }
  }
}

/** A monthly series from the 29th on starts on that month's last day, its first occurrence. */
function monthlyStart(day: string): string {
  const date = new Date(parseDay(day));
  return date.getUTCDate() <= 28 ? day : formatDay(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
}

function dateArray(day: string): [number, number, number] {
  const date = new Date(parseDay(day));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/** Where a person's series starts: the next due date, or today when that has passed. */
export function seriesStart(person: Pick<Person, 'cadence' | 'addedOn' | 'lastOneOnOneOn'>, today: string): string {
  const due = nextDueOn(person);
  const start = due < today ? today : due;
  return person.cadence === 'monthly' ? monthlyStart(start) : start;
}

export type CalendarResult = { ok: true; text: string; events: number } | { ok: false; error: string };

export function scheduleCalendar(people: readonly Person[], today: string): CalendarResult {
  const events: EventAttributes[] = people
    .filter((person) => !person.archived)
    .map((person) => {
      const start = seriesStart(person, today);
      return {
        uid: eventUid(person.id),
        title: `1:1 with ${person.name}`,
        start: dateArray(start),
        end: dateArray(formatDay(parseDay(start) + DAY_MS)),
        recurrenceRule: recurrenceRule(person.cadence, start),
        productId: 'two-hats/schedule',
        calName: 'Two Hats 1:1s',
        busyStatus: 'FREE',
        transp: 'TRANSPARENT',
      } satisfies EventAttributes;
    });
  if (events.length === 0) {
    return { ok: false, error: l10n.t('There is no one on your team to schedule 1:1s with.') };
  }
  const { error, value } = createEvents(events);
  return error || !value ? { ok: false, error: l10n.t('The calendar could not be written: {0}', error?.message ?? 'no output') } : { ok: true, text: value, events: events.length };
}
