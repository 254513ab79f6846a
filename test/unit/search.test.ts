import * as assert from 'node:assert/strict';
import { searchNotes } from '../../src/shared/oneOnOnes/search';

const notes = [
  { id: 'a', text: '# 1:1 with Ada\n\n## Topics\nWe discussed the Café migration plan and the budget.\n' },
  { id: 'b', text: '# 1:1 with Bo\n\nBudget review next week.\n' },
  { id: 'c', text: '# 1:1 with Cy\n\nNothing about money.\n' },
];

describe('searching 1:1 notes', () => {
  it('finds notes holding every word, ignoring case and accents', () => {
    assert.deepEqual(searchNotes(notes, 'BUDGET').map((h) => h.id), ['a', 'b']);
    assert.deepEqual(searchNotes(notes, 'cafe budget').map((h) => h.id), ['a']);
    assert.deepEqual(searchNotes(notes, 'budget nowhere'), []);
  });

  it('gives a one-line snippet and the line of the first match', () => {
    const [hit] = searchNotes(notes, 'migration');
    assert.equal(hit?.line, 3);
    assert.match(hit?.snippet ?? '', /Café migration plan/);
    assert.doesNotMatch(hit?.snippet ?? '', /\n/);
  });

  it('returns nothing for an empty query and stops at the limit', () => {
    assert.deepEqual(searchNotes(notes, '   '), []);
    assert.equal(searchNotes(notes, '1:1', 2).length, 2);
  });

  it('matches anywhere in the note, inside a word too, as it always did', () => {
    const plans = [{ id: 'p', text: 'Write the onboarding guide; share the roadmap with the on-call rota.\n' }];
    const ids = (query: string) => searchNotes(plans, query).map((h) => h.id);
    assert.deepEqual(ids('onboard'), ['p'], 'the start of a word finds it');
    assert.deepEqual(ids('map'), ['p'], 'the end of "roadmap" finds it');
    assert.deepEqual(ids('boarding'), ['p']);
    assert.deepEqual(ids('n-ca'), ['p'], 'a piece across a hyphen');
    assert.deepEqual(ids('roadmaps'), []);
  });
});
