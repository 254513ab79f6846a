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

  it('matches where a word of the note begins, as search engines do, not inside a word', () => {
    const plans = [{ id: 'p', text: 'Write the onboarding guide; share the roadmap with the on-call rota.\n' }];
    const ids = (query: string) => searchNotes(plans, query).map((h) => h.id);
    assert.deepEqual(ids('onboard'), ['p'], 'the start of a word finds it');
    assert.deepEqual(ids('road'), ['p']);
    assert.deepEqual(ids('map'), [], 'the end of "roadmap" no longer finds it');
    assert.deepEqual(ids('boarding'), []);
    assert.deepEqual(ids('call'), ['p'], 'each part of "on-call" begins a word');
    assert.deepEqual(ids('on-call'), ['p']);
  });
});
