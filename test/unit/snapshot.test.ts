import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { buildSnapshot, firstRowsOf, HISTORY_LENGTH, type NoteSummary } from '../../src/host/sidebar/snapshot';
import { FIRST_PAINT_ROWS } from '../../src/shared/pageData';
import { cachedTeamOf, parseCachedTeam } from '../../src/shared/cachedTeam';
import { CADENCES, daysBetween, nextDueOn, type Person } from '../../src/shared/team';
import { isoDay } from './support/storedArbitraries';

/** Any day the stored schema takes (four digits, two, two), month 00 and day 99 included. */
const storedDay = fc.tuple(fc.integer({ min: 0, max: 9998 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(
  ([year, month, day]) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
);

const people: Person[] = ['ada', 'grace', 'katherine'].map((id) => ({ id, name: id, role: '', cadence: 'weekly', archived: false, addedOn: '2026-01-05' }));

function notesOf(personId: string): NoteSummary[] {
  const count = personId === 'katherine' ? 0 : 12;
  return Array.from({ length: count }, (_, i) => ({
    id: `${personId}-${i}`,
    personId,
    date: `2026-10-${String(28 - i).padStart(2, '0')}`,
    templateId: 'weekly',
    title: `note ${i}`,
    openItems: [],
  }));
}

describe('the sidebar snapshot', () => {
  it('sends the latest note\'s private open items marked private, the shared ones unmarked', () => {
    const notes = (): NoteSummary[] => [
      { id: 'n1', title: 't', date: '2026-10-28', templateId: 'weekly', openItems: [{ line: 3, text: 'Shared' }, { line: 9, text: 'Talk to HR', private: true }] },
    ];
    const snapshot = buildSnapshot({ storage: { kind: 'ready', scope: 'workspace' }, people, hat: 'leader', notesOf: notes, today: '2026-11-01' });
    assert.deepEqual(snapshot.people[0]!.openItems, [
      { noteId: 'n1', line: 3, text: 'Shared' },
      { noteId: 'n1', line: 9, text: 'Talk to HR', private: true },
    ]);
  });

  it('lists the 1:1 history of the person whose history is open, newest first, and only theirs', () => {
    const snapshot = buildSnapshot({ storage: { kind: 'ready', scope: 'workspace' }, people, hat: 'leader', notesOf, today: '2026-11-01', historyOf: 'grace' });
    const byId = new Map(snapshot.people.map((person) => [person.id, person]));
    assert.deepEqual(
      byId.get('grace')?.history?.map((entry) => entry.date),
      Array.from({ length: HISTORY_LENGTH }, (_, i) => `2026-10-${String(28 - i).padStart(2, '0')}`),
    );
    assert.equal(byId.get('ada')?.history, undefined);
    assert.deepEqual(
      snapshot.people.map((person) => [person.id, person.historyCount]),
      [
        ['ada', HISTORY_LENGTH],
        ['grace', HISTORY_LENGTH],
        ['katherine', 0],
      ].sort(),
    );
  });

  it('holds no history at all when none is open', () => {
    const snapshot = buildSnapshot({ storage: { kind: 'ready', scope: 'workspace' }, people, hat: 'leader', notesOf, today: '2026-11-01' });
    assert.ok(snapshot.people.every((person) => person.history === undefined));
  });

  it('sends no stored-only field: not when a person was added, nor where a talking point\'s code lives', () => {
    const stored: Person = {
      id: 'ada',
      name: 'Ada',
      role: '',
      cadence: 'weekly',
      archived: false,
      addedOn: '2019-03-07',
      lastOneOnOneOn: '2026-10-28',
      talkingPoints: [
        { id: 'point-7f3a', text: 'Review the parser', standing: false, addedOn: '2026-10-30', source: { path: 'src/secret/parser.ts', startLine: 4, endLine: 9, commit: 'c0ffee1234' } },
      ],
      goals: [{ id: 'g1', text: 'Lead a review', addedOn: '2026-02-02' }],
    };
    const snapshot = buildSnapshot({ storage: { kind: 'ready', scope: 'workspace' }, people: [stored], hat: 'leader', notesOf: () => [], today: '2026-11-01' });
    const sent = JSON.stringify(snapshot);
    for (const storedOnly of ['2019-03-07', 'addedOn', 'lastOneOnOneOn', 'point-7f3a', 'src/secret/parser.ts', 'c0ffee1234']) {
      assert.ok(!sent.includes(storedOnly), `${storedOnly} reached the snapshot`);
    }
    assert.deepEqual(snapshot.people[0]!.talkingPoints, [{ text: 'Review the parser', standing: false, fromCode: true }]);
  });

  describe('painted from the cached team', () => {
    const team = fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z0-9]{1,12}$/),
        // Few names, so that people due the same day are often ordered by name.
        name: fc.constantFrom('Ada', 'ada', 'Åsa', 'Bo', 'Zoë', 'Émile', 'émile', '李', 'O’Neil'),
        role: fc.constant(''),
        cadence: fc.constantFrom(...CADENCES),
        archived: fc.boolean(),
        // A few days often (people due the same day), month ends (monthly cadence clamps to the
        // shorter month), leap days, year ends, and any day the stored schema takes.
        addedOn: fc.oneof(fc.constantFrom('2026-10-01', '2026-10-15', '2024-01-31', '2024-02-29', '2026-12-31', '0099-12-31', '0100-00-01'), storedDay),
        lastOneOnOneOn: fc.option(fc.oneof(fc.constantFrom('2026-11-01', '2026-11-20', '2026-01-31', '2023-03-31'), storedDay), { nil: undefined }),
      }),
      { selector: (person) => person.id, maxLength: 30 },
    ) as fc.Arbitrary<Person[]>;
    const snapshotOf = (people: readonly Person[], today: string, inDisplayOrder = false) =>
      buildSnapshot({ storage: { kind: 'ready', scope: 'workspace' }, people, inDisplayOrder, hat: 'leader', notesOf: () => [], today });
    const rows = (snapshot: ReturnType<typeof snapshotOf>) => snapshot.people.map((person) => `${person.id} ${person.dueLabel}`);

    it('shows the people in the order and with the due labels the loaded team shows, on any day it is shown', () => {
      fc.assert(
        fc.property(team, isoDay, (people, today) => {
          const kept = parseCachedTeam(JSON.parse(JSON.stringify(cachedTeamOf(people, 'file:///storage', 'workspace'))));
          assert.ok(kept, 'the kept team reads back');
          assert.deepEqual(rows(snapshotOf(kept.people as Person[], today, true)), rows(snapshotOf(people, today)));
        }),
      );
    });

    it('keeps the order of the day it is shown: soonest due first, then by name, archived last', () => {
      // The order as the sidebar defined it, counted in days from the day shown.
      const byDaysLeft = (people: readonly Person[], today: string) =>
        [...people]
          .sort((a, b) =>
            a.archived !== b.archived
              ? Number(a.archived) - Number(b.archived)
              : (a.archived ? 0 : daysBetween(today, nextDueOn(a)) - daysBetween(today, nextDueOn(b))) || a.name.localeCompare(b.name),
          )
          .map((person) => person.id);
      fc.assert(
        fc.property(team, isoDay, (people, today) => {
          assert.deepEqual(
            snapshotOf(people, today).people.map((person) => person.id),
            byDaysLeft(people, today),
          );
        }),
      );
    });
  });

  describe('on a fresh window\u2019s first page', () => {
    const teamOf = (active: number, archived: number): Person[] => [
      ...Array.from({ length: active }, (_, i) => ({ ...people[0]!, id: `a${i}`, name: `Active ${i}` })),
      ...Array.from({ length: archived }, (_, i) => ({ ...people[0]!, id: `r${i}`, name: `Archived ${i}`, archived: true })),
    ];

    it('carries the first rows only, in order, and counts everyone it leaves out', () => {
      fc.assert(
        fc.property(fc.nat(60), fc.nat(30), (active, archived) => {
          const whole = buildSnapshot({ storage: { kind: 'ready', scope: 'workspace' }, people: teamOf(active, archived), inDisplayOrder: true, hat: 'leader', notesOf: () => [], today: '2026-11-01' });
          const first = firstRowsOf(whole);
          assert.deepEqual(first.people, whole.people.slice(0, FIRST_PAINT_ROWS), 'the first rows, as the whole team shows them');
          const shownActive = first.people.filter((person) => !person.archived).length;
          const shownArchived = first.people.length - shownActive;
          assert.equal(shownActive + (first.leftOut?.active ?? 0), active, 'the active people counted');
          assert.equal(shownArchived + (first.leftOut?.archived ?? 0), archived, 'the archived people counted');
          assert.equal(first.leftOut === undefined, active + archived <= FIRST_PAINT_ROWS, 'a team that fits is carried whole');
          assert.deepEqual({ ...first, people: whole.people, leftOut: undefined }, { ...whole, leftOut: undefined }, 'nothing else changes');
        }),
      );
    });
  });
});
