import * as assert from 'node:assert/strict';
import type { NoteMeta } from '../../src/shared/oneOnOnes/noteIndex';
import { NotesByPerson } from '../../src/shared/oneOnOnes/notesByPerson';

function note(id: string, personId: string, date: string, createdAt = 0): NoteMeta {
  return { id, personId, date, templateId: 'weekly', title: id, createdAt, updatedAt: createdAt, openItems: [] };
}

describe('notes grouped by person', () => {
  const notes = new NotesByPerson([note('a1', 'ada', '2026-11-01'), note('b1', 'bo', '2026-11-03'), note('a2', 'ada', '2026-11-08'), note('a3', 'ada', '2026-11-08', 5)]);

  it('finds each person’s latest note, the later of two on the same day winning', () => {
    assert.equal(notes.latest('ada')?.id, 'a3');
    assert.equal(notes.latest('bo')?.id, 'b1');
    assert.equal(notes.latest('nobody'), undefined);
    assert.deepEqual(notes.forPerson('ada').map((n) => n.id), ['a3', 'a2', 'a1']);
  });

  it('adds, replaces and removes notes in place', () => {
    const next = new NotesByPerson(notes.all);
    next.put(note('a4', 'ada', '2026-11-15'));
    next.put({ ...note('b1', 'bo', '2026-11-03'), title: 'edited' });
    assert.equal(next.latest('ada')?.id, 'a4');
    assert.equal(next.find('b1')?.title, 'edited');
    assert.equal(next.size, 5);
    next.put({ ...note('a4', 'bo', '2026-11-15') });
    assert.deepEqual(next.forPerson('bo').map((n) => n.id), ['a4', 'b1']);
    assert.equal(next.latest('ada')?.id, 'a3');
    next.remove('b1');
    next.remove('a4');
    assert.equal(next.latest('bo'), undefined);
    assert.equal(next.size, 3);
    assert.equal(notes.size, 4, 'the original is untouched');
  });
});
