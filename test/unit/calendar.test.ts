import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { eventUid, scheduleCalendar } from '../../src/shared/oneOnOnes/calendar';
import type { Person } from '../../src/shared/team';

const person = (id: string, name: string, cadence: Person['cadence'], lastOneOnOneOn: string, extra: Partial<Person> = {}): Person => ({
  id,
  name,
  role: 'Staff engineer, payments',
  cadence,
  archived: false,
  addedOn: '2025-01-01',
  lastOneOnOneOn,
  talkingPoints: [{ id: 'tp1', text: 'Worried about the reorg', standing: false, addedOn: '2026-01-01' }],
  goals: [{ id: 'g1', text: 'Lead the design review', addedOn: '2026-01-01' }],
  ...extra,
});

/** The export's moment, from which each event's SEQUENCE derives. */
const NOW = Date.UTC(2026, 0, 8, 9, 30);

const TEAM: Person[] = [
  person('ada', 'Ada Lovelace', 'weekly', '2026-01-05'),
  person('grace', 'Grace Hopper', 'biweekly', '2026-01-05'),
  person('edsger', 'Edsger Dijkstra', 'monthly', '2025-12-31'),
  person('barbara', 'Barbara Liskov', 'monthly', '2026-01-10', { archived: true }),
];

/** Occurrences of each event within a year of its start, as an independent parser expands them. */
function occurrencesInAYear(text: string): Map<string, { summary: string; days: string[]; status: string; sequence: number }> {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const found = new Map<string, { summary: string; days: string[]; status: string; sequence: number }>();
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const start = event.startDate;
    const until = start.clone();
    until.adjust(365, 0, 0, 0);
    const days: string[] = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next && next.compare(until) < 0; next = iterator.next()) {
      days.push(next.toString().slice(0, 10));
    }
    found.set(event.uid, { summary: event.summary, days, status: String(vevent.getFirstPropertyValue('status') ?? ''), sequence: event.sequence });
  }
  return found;
}

describe('the 1:1 schedule as an iCalendar file', () => {
  const today = '2026-01-08';

  it('has one recurring event per active person, recurring at their cadence over a year', () => {
    const result = scheduleCalendar(TEAM, today, NOW);
    assert.ok(result.ok);
    const events = occurrencesInAYear(result.text);
    const active = [...events].filter(([, event]) => event.status !== 'CANCELLED').map(([uid]) => uid);
    assert.deepEqual(active.sort(), ['ada', 'edsger', 'grace'].map(eventUid).sort(), 'archived people get no 1:1s');
    const weekly = events.get(eventUid('ada'))!;
    assert.equal(weekly.summary, '1:1 with Ada Lovelace');
    assert.equal(weekly.days[0], '2026-01-12', 'starts on the next due date');
    assert.equal(weekly.days.length, 53);
    assert.equal(events.get(eventUid('grace'))!.days.length, 27);
    assert.equal(events.get(eventUid('grace'))!.days[1], '2026-02-02');
  });

  it('puts a monthly 1:1 due on the 29th to 31st on each month’s last day', () => {
    const result = scheduleCalendar(TEAM, today, NOW);
    assert.ok(result.ok);
    const monthly = occurrencesInAYear(result.text).get(eventUid('edsger'))!;
    assert.equal(monthly.days.length, 12);
    assert.deepEqual(monthly.days.slice(0, 4), ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    const fromThe30th = scheduleCalendar([person('edsger', 'Edsger Dijkstra', 'monthly', '2025-12-30')], today, NOW);
    assert.ok(fromThe30th.ok);
    assert.deepEqual(occurrencesInAYear(fromThe30th.text).get(eventUid('edsger'))!.days.slice(0, 2), ['2026-01-31', '2026-02-28'], 'no double in the first month');
  });

  it('keeps a monthly 1:1 on its day of the month', () => {
    const result = scheduleCalendar([person('edsger', 'Edsger Dijkstra', 'monthly', '2025-12-15')], today, NOW);
    assert.ok(result.ok);
    const monthly = occurrencesInAYear(result.text).get(eventUid('edsger'))!;
    assert.equal(monthly.days.length, 12);
    assert.ok(monthly.days.every((day) => day.endsWith('-15')));
  });

  it('starts an overdue series today rather than in the past', () => {
    const result = scheduleCalendar([person('ada', 'Ada Lovelace', 'weekly', '2025-11-01')], today, NOW);
    assert.ok(result.ok);
    assert.equal(occurrencesInAYear(result.text).get(eventUid('ada'))!.days[0], today);
  });

  it('gives each person the same UID in every export, so a calendar updates its events', () => {
    const first = scheduleCalendar(TEAM, today, NOW);
    const later = scheduleCalendar(TEAM.map((p) => ({ ...p, lastOneOnOneOn: '2026-02-02' })), '2026-02-03', NOW + 26 * 24 * 60 * 60 * 1000);
    assert.ok(first.ok && later.ok);
    assert.deepEqual([...occurrencesInAYear(first.text).keys()], [...occurrencesInAYear(later.text).keys()]);
  });

  it('carries no note content: no role, talking point or goal', () => {
    const result = scheduleCalendar(TEAM, today, NOW);
    assert.ok(result.ok);
    for (const secret of ['reorg', 'Staff engineer', 'design review', 'DESCRIPTION']) {
      assert.ok(!result.text.includes(secret), `the calendar holds “${secret}”`);
    }
  });

  it('cancels an archived person’s series under the same UID, so a calendar drops it on re-import', () => {
    const before = scheduleCalendar(TEAM.map((p) => ({ ...p, archived: false })), today, NOW);
    const after = scheduleCalendar(TEAM, today, NOW + 60_000);
    assert.ok(before.ok && after.ok);
    const cancelled = occurrencesInAYear(after.text).get(eventUid('barbara'));
    assert.ok(cancelled, 'the archived person’s event is still written, under the same UID');
    assert.equal(cancelled.status, 'CANCELLED');
    assert.equal(cancelled.summary, '1:1 with Barbara Liskov');
    assert.equal(occurrencesInAYear(before.text).get(eventUid('barbara'))?.status, 'CONFIRMED');
    assert.ok(!after.text.includes('Staff engineer'));
    const onlyArchived = scheduleCalendar(TEAM.filter((p) => p.archived), today, NOW);
    assert.ok(onlyArchived.ok, 'a team of archived people still gets its cancellations');
    assert.equal(onlyArchived.events, 0);
    assert.equal(onlyArchived.cancelled, 1);
  });

  it('gives every event a SEQUENCE that grows from one export to a later one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * 365 * 24 * 60 }), fc.integer({ min: 1, max: 5 * 365 * 24 * 60 }), (startMinutes, laterBy) => {
        const at = Date.UTC(2026, 0, 1) + startMinutes * 60_000;
        const first = scheduleCalendar(TEAM, today, at);
        const later = scheduleCalendar(TEAM, today, at + laterBy * 60_000);
        assert.ok(first.ok && later.ok);
        const firstEvents = occurrencesInAYear(first.text);
        for (const [uid, event] of occurrencesInAYear(later.text)) {
          assert.ok(Number.isInteger(event.sequence) && event.sequence > 0 && event.sequence < 2 ** 31, `${uid} has a SEQUENCE`);
          assert.ok(event.sequence > firstEvents.get(uid)!.sequence, `${uid}: the later export has the greater SEQUENCE`);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('folds lines at 75 octets of UTF-8, never inside a character, for names in any script', () => {
    const piece = fc.constantFrom('a', 'Z', ' ', 'é', 'e\u0301', 'n\u0303\u0323', '日本語', '김', '👩‍💻', '🇩🇪', '🙂', 'Ω', 'ß', 'ك', '𝄞');
    const personName = fc.array(piece, { minLength: 1, maxLength: 60 }).map((pieces) => `X${pieces.join('')}Y`);
    fc.assert(
      fc.property(personName, (name) => {
        const result = scheduleCalendar([person('ada', name, 'weekly', '2026-01-05')], today, NOW);
        assert.ok(result.ok);
        assert.ok(result.text.endsWith('\r\n'));
        const physical = result.text.slice(0, -2).split('\r\n');
        for (const line of physical) {
          assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `a line of ${Buffer.byteLength(line, 'utf8')} octets: ${line}`);
          assert.equal(Buffer.from(line, 'utf8').toString('utf8'), line, 'no character split');
        }
        const unfolded = result.text.replace(/\r\n[ \t]/g, '');
        assert.ok(unfolded.split('\r\n').includes(`SUMMARY:1:1 with ${name}`), 'unfolding gives back the name');
        assert.equal(occurrencesInAYear(result.text).get(eventUid('ada'))?.summary, `1:1 with ${name}`);
      }),
    );
  });

  it('says so when there is no one to schedule', () => {
    const result = scheduleCalendar([], today, NOW);
    assert.equal(result.ok, false);
  });
});
