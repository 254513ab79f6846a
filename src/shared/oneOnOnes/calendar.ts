/**
 * The 1:1 schedule as an iCalendar file (RFC 5545): one recurring all-day event per active person,
 * from their cadence and next due date. It carries the person's name and nothing else: no role,
 * no notes, no talking points. Each event's UID derives from the person's id, so importing a
 * newer export updates the same events instead of adding twins; an archived person's series is
 * written again as cancelled, and every event's SEQUENCE grows with the export's time, because
 * calendars ignore an update whose SEQUENCE is not greater than the one they hold.
 */
import * as l10n from '../l10n';
import { createEvents, type EventAttributes } from 'ics';
import { formatDay, nextDueOn, parseDay, type Cadence, type Person } from '../team';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** SEQUENCE counts minutes from here: small enough to stay a 32-bit integer for four thousand years. */
const SEQUENCE_EPOCH_MS = Date.UTC(2026, 0, 1);
/** RFC 5545 3.1: a content line is at most 75 octets, CRLF not counted; a continuation starts with a space. */
const MAX_LINE_OCTETS = 75;

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

/** How many UTF-8 octets a code point takes (a lone surrogate is written as U+FFFD: three). */
function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** One content line folded at 75 octets of UTF-8, never inside a character (RFC 5545 3.1). */
export function foldContentLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Octets(character.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** The `ics` library folds at 75 characters, which is too long for any name beyond ASCII: fold again by octets. */
function refold(text: string): string {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => (line.length > 0 ? foldContentLine(line) : line))
    .join('\r\n');
}

export type CalendarResult = { ok: true; text: string; events: number; cancelled: number } | { ok: false; error: string };

/** The calendar for `people` as exported at `now` (ms): their series, an archived person's cancelled. */
export function scheduleCalendar(people: readonly Person[], today: string, now: number): CalendarResult {
  const sequence = Math.max(1, Math.floor((now - SEQUENCE_EPOCH_MS) / MINUTE_MS) + 1);
  const events: EventAttributes[] = people.map((person) => {
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
      status: person.archived ? 'CANCELLED' : 'CONFIRMED',
      sequence,
      lastModified: now,
    } satisfies EventAttributes;
  });
  const cancelled = people.filter((person) => person.archived).length;
  if (events.length === 0) {
    return { ok: false, error: l10n.t('There is no one on your team to schedule 1:1s with.') };
  }
  const { error, value } = createEvents(events);
  return error || !value
    ? { ok: false, error: l10n.t('The calendar could not be written: {0}', error?.message ?? 'no output') }
    : { ok: true, text: refold(value), events: events.length - cancelled, cancelled };
}
