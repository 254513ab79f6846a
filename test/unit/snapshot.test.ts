import * as assert from 'node:assert/strict';
import { buildSnapshot, HISTORY_LENGTH, type NoteSummary } from '../../src/host/sidebar/snapshot';
import type { Person } from '../../src/shared/team';

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
});
