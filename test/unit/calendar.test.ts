import * as assert from 'node:assert/strict';
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

const TEAM: Person[] = [
  person('ada', 'Ada Lovelace', 'weekly', '2026-01-05'),
  person('grace', 'Grace Hopper', 'biweekly', '2026-01-05'),
  person('edsger', 'Edsger Dijkstra', 'monthly', '2025-12-31'),
  person('barbara', 'Barbara Liskov', 'monthly', '2026-01-10', { archived: true }),
];

/** Occurrences of each event within a year of its start, as an independent parser expands them. */
function occurrencesInAYear(text: string): Map<string, { summary: string; days: string[] }> {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const found = new Map<string, { summary: string; days: string[] }>();
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
    found.set(event.uid, { summary: event.summary, days });
  }
  return found;
}

describe('the 1:1 schedule as an iCalendar file', () => {
  const today = '2026-01-08';

  it('has one recurring event per active person, recurring at their cadence over a year', () => {
    const result = scheduleCalendar(TEAM, today);
    assert.ok(result.ok);
    const events = occurrencesInAYear(result.text);
    assert.deepEqual([...events.keys()].sort(), ['ada', 'edsger', 'grace'].map(eventUid).sort(), 'archived people get no event');
    const weekly = events.get(eventUid('ada'))!;
    assert.equal(weekly.summary, '1:1 with Ada Lovelace');
    assert.equal(weekly.days[0], '2026-01-12', 'starts on the next due date');
    assert.equal(weekly.days.length, 53);
    assert.equal(events.get(eventUid('grace'))!.days.length, 27);
    assert.equal(events.get(eventUid('grace'))!.days[1], '2026-02-02');
  });

  it('puts a monthly 1:1 due on the 29th to 31st on each month’s last day', () => {
    const result = scheduleCalendar(TEAM, today);
    assert.ok(result.ok);
    const monthly = occurrencesInAYear(result.text).get(eventUid('edsger'))!;
    assert.equal(monthly.days.length, 12);
    assert.deepEqual(monthly.days.slice(0, 4), ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    const fromThe30th = scheduleCalendar([person('edsger', 'Edsger Dijkstra', 'monthly', '2025-12-30')], today);
    assert.ok(fromThe30th.ok);
    assert.deepEqual(occurrencesInAYear(fromThe30th.text).get(eventUid('edsger'))!.days.slice(0, 2), ['2026-01-31', '2026-02-28'], 'no double in the first month');
  });

  it('keeps a monthly 1:1 on its day of the month', () => {
    const result = scheduleCalendar([person('edsger', 'Edsger Dijkstra', 'monthly', '2025-12-15')], today);
    assert.ok(result.ok);
    const monthly = occurrencesInAYear(result.text).get(eventUid('edsger'))!;
    assert.equal(monthly.days.length, 12);
    assert.ok(monthly.days.every((day) => day.endsWith('-15')));
  });

  it('starts an overdue series today rather than in the past', () => {
    const result = scheduleCalendar([person('ada', 'Ada Lovelace', 'weekly', '2025-11-01')], today);
    assert.ok(result.ok);
    assert.equal(occurrencesInAYear(result.text).get(eventUid('ada'))!.days[0], today);
  });

  it('gives each person the same UID in every export, so a calendar updates its events', () => {
    const first = scheduleCalendar(TEAM, today);
    const later = scheduleCalendar(TEAM.map((p) => ({ ...p, lastOneOnOneOn: '2026-02-02' })), '2026-02-03');
    assert.ok(first.ok && later.ok);
    assert.deepEqual([...occurrencesInAYear(first.text).keys()], [...occurrencesInAYear(later.text).keys()]);
  });

  it('carries no note content: no role, talking point or goal', () => {
    const result = scheduleCalendar(TEAM, today);
    assert.ok(result.ok);
    for (const secret of ['reorg', 'Staff engineer', 'design review', 'DESCRIPTION']) {
      assert.ok(!result.text.includes(secret), `the calendar holds “${secret}”`);
    }
  });

  it('says so when there is no one to schedule', () => {
    const result = scheduleCalendar(TEAM.filter((p) => p.archived), today);
    assert.equal(result.ok, false);
  });
});
