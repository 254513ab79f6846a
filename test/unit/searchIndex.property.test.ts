import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { withPrivateLinesBlanked } from '../../src/shared/oneOnOnes/privacy';
import { searchNotes, type SearchableNote } from '../../src/shared/oneOnOnes/search';
import { NoteSearchIndex, SEARCH_INDEX_VERSION } from '../../src/shared/oneOnOnes/searchIndex';

function indexOf(notes: readonly SearchableNote[]): NoteSearchIndex {
  const index = NoteSearchIndex.empty();
  notes.forEach((note, i) => index.set({ ...note, shareable: withPrivateLinesBlanked(note.text), updatedAt: i }));
  return index;
}

const notes: SearchableNote[] = [
  { id: 'a', text: '# 1:1 with Ada\n\nThe roadmap, the on-call rota and the Café budget.\n\n## Private notes\n\nShe mentioned a PIP.\n' },
  { id: 'b', text: '# 1:1 with Bo\n\nBudget review next week; roadmaps later.\n' },
  { id: 'c', text: '# 1:1 with Cy\n\nNothing about money. #management @owner\n' },
];
const order = ['c', 'b', 'a'];

describe('the persisted search index', () => {
  it('finds what the plain scan finds, newest first, with the same snippet and line', () => {
    const index = indexOf(notes);
    for (const query of ['budget', 'ROAD', 'cafe budget', 'on-call', 'pip', '#management', '@owner', '1:1', 'map', 'nowhere', '  ']) {
      assert.deepEqual(index.find(query, { order }), searchNotes(order.map((id) => notes.find((n) => n.id === id)!), query), query);
    }
    assert.deepEqual(index.find('road', { order }).map((hit) => hit.id), ['b', 'a'], 'a word finds the words it begins');
    assert.deepEqual(index.find('map', { order }).map((hit) => hit.id), ['b', 'a'], 'and the words it ends');
    assert.deepEqual(index.find('oadma', { order }).map((hit) => hit.id), ['b', 'a'], 'and the inside of words');
    assert.deepEqual(index.find('n-ca', { order }).map((hit) => hit.id), ['a'], 'across a separator');
  });

  it('while presenting, never finds a note by a word of its private part', () => {
    const index = indexOf(notes);
    const shareableOf = (_id: string, text: string) => withPrivateLinesBlanked(text);
    assert.deepEqual(index.find('pip', { order }).map((hit) => hit.id), ['a']);
    assert.deepEqual(index.find('pip', { order, shareableOf }), []);
    assert.deepEqual(index.find('budget', { order, shareableOf }).map((hit) => hit.id), ['b', 'a']);
  });

  it('comes back from its file as it was, saves and removals included', () => {
    const index = indexOf(notes);
    index.set({ id: 'b', text: 'Rewritten: quarterly planning', shareable: 'Rewritten: quarterly planning', updatedAt: 42 });
    index.remove('c');
    const back = NoteSearchIndex.parse(index.serialize());
    assert.ok(back);
    assert.deepEqual(back.ids().sort(), ['a', 'b']);
    assert.ok(back.isCurrent('b', 42) && !back.isCurrent('b', 1) && !back.isCurrent('c', 2));
    assert.deepEqual(back.find('quarterly', { order }).map((hit) => hit.id), ['b']);
    assert.deepEqual(back.find('arterl', { order }).map((hit) => hit.id), ['b'], 'inside a word, read back');
    assert.deepEqual(back.find('budget', { order }).map((hit) => hit.id), ['a'], 'the old text of b is gone');
    assert.deepEqual(back.find('money', { order }), []);
  });

  it('leaves a removed note’s words out of its file', () => {
    const index = indexOf([...notes, { id: 'd', text: 'Zanzibarian xylophonist' }]);
    index.remove('d');
    const text = index.serialize();
    assert.ok(!text.includes('zanzibarian') && !text.includes('Zanzibarian') && !text.includes('xylophonist'));
  });

  it('never finds a note saved again under its old words, or deleted, and lets their words go at once', () => {
    const index = indexOf(notes);
    const before = index.footprint();
    index.set({ id: 'd', text: 'Zanzibarian xylophonist budget', shareable: 'Zanzibarian xylophonist budget', updatedAt: 9 });
    index.set({ id: 'd', text: 'Quarterly budget', shareable: 'Quarterly budget', updatedAt: 10 });
    assert.deepEqual(index.find('xylophon', { order: ['d', ...order] }), [], 'the words of the note before it was saved again');
    index.remove('d');
    assert.deepEqual(index.find('quarterly', { order: ['d', ...order] }), []);
    assert.deepEqual(index.find('budget', { order: ['d', ...order] }).map((hit) => hit.id), ['b', 'a']);
    const after = index.footprint();
    assert.deepEqual({ ...after, numbers: 0 }, { ...before, numbers: 0 }, 'the words of d are out of memory before any write');
  });

  it('holds no more in memory, and writes no longer a file, after thousands of saves and deletes', () => {
    const index = indexOf(notes);
    const note = (i: number) => `Week ${i}: word${i} and the budget, #tag${i % 7}\n## Private notes\nsecret${i}`;
    const cycle = (from: number) => {
      for (let i = from; i < from + 400; i++) {
        index.set({ id: 'kept', text: note(i), shareable: withPrivateLinesBlanked(note(i)), updatedAt: i });
        index.set({ id: `gone${i}`, text: note(i), shareable: withPrivateLinesBlanked(note(i)), updatedAt: i });
        index.remove(`gone${i}`);
      }
      index.set({ id: 'kept', text: note(0), shareable: withPrivateLinesBlanked(note(0)), updatedAt: 0 });
      return { footprint: index.footprint(), bytes: index.serialize().length };
    };
    const first = cycle(1);
    const later = cycle(401);
    // Numbers given out to notes and holes: bounded, closed now and then, never growing with the saves.
    const held = ({ footprint: { numbers, ...rest }, bytes }: typeof first) => (assert.ok(numbers <= 2 * 256 + 2, `numbers given out: ${numbers}`), { ...rest, bytes });
    assert.deepEqual(held(later), held(first));
    assert.deepEqual(index.find('word500', { order: ['kept', 'gone500', ...order] }), []);
    assert.deepEqual(index.find('word0', { order: ['kept', 'gone500', ...order] }).map((hit) => hit.id), ['kept']);
  });

  it('gives the plain scan’s hits over the notes left after any saves and deletes', () => {
    const command = fc.oneof(
      fc.record({ set: fc.nat(5), text: fc.array(fc.constantFrom('ab', 'abc', 'b', 'ca', 'cé', 'Ab', '\n## Private notes\n', ' ', '-'), { maxLength: 12 }).map((p) => p.join(' ')) }),
      fc.record({ remove: fc.nat(5) }),
      fc.constant({ roundTrip: true }),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), fc.constantFrom('ab', 'b', 'a c', 'ca', 'ce', 'bc'), fc.boolean(), (commands, q, presenting) => {
        let index = NoteSearchIndex.empty();
        const live = new Map<string, string>();
        commands.forEach((c, time) => {
          if ('set' in c) {
            index.set({ id: `n${c.set}`, text: c.text, shareable: withPrivateLinesBlanked(c.text), updatedAt: time });
            live.set(`n${c.set}`, c.text);
          } else if ('remove' in c) {
            index.remove(`n${c.remove}`);
            live.delete(`n${c.remove}`);
          } else {
            index = NoteSearchIndex.parse(index.serialize())!;
          }
        });
        const ids = [0, 1, 2, 3, 4, 5].map((k) => `n${k}`);
        const shown = [...live].map(([id, text]) => ({ id, text: presenting ? withPrivateLinesBlanked(text) : text }));
        const shareableOf = presenting ? (_id: string, t: string) => withPrivateLinesBlanked(t) : undefined;
        const found = index.find(q, { order: ids, ...(shareableOf ? { shareableOf } : {}) });
        assert.deepEqual(found, searchNotes(ids.flatMap((id) => shown.filter((note) => note.id === id)), q));
        const words = index.footprint().words;
        assert.equal(words, NoteSearchIndex.parse(index.serialize())!.footprint().words, 'no word of a note no longer there');
      }),
      { numRuns: 300 },
    );
  });

  it('takes a damaged file or one of another version for none, to be rebuilt', () => {
    const text = indexOf(notes).serialize();
    const file = JSON.parse(text) as Record<string, unknown>;
    for (const damaged of [
      '',
      text.slice(0, text.length / 2),
      'null',
      '[]',
      JSON.stringify({ ...file, version: SEARCH_INDEX_VERSION + 1 }),
      JSON.stringify({ ...file, format: 'something else' }),
      JSON.stringify({ ...file, notes: [['a', 'not a number', 'text']] }),
      JSON.stringify({ ...file, shared: [['word']] }),
      JSON.stringify({ ...file, private: {} }),
      JSON.stringify({ ...file, shared: [['budget', [0]], ['budget', [1]]] }),
    ]) {
      assert.equal(NoteSearchIndex.parse(damaged), undefined, damaged.slice(0, 60));
    }
  });

  it('gives the plain scan’s hits for any notes and query', () => {
    // Words from a small alphabet, so that queries often hit; separators of every kind, accents
    // and capitals, so that folding and word starts are put to the test.
    const word = fc.stringMatching(/^[abcAÁé1]{1,5}$/);
    const separator = fc.constantFrom(' ', '\n', '-', ':', '#', '@', '. ', '\n## Private notes\n', '—');
    const text = fc.array(fc.tuple(word, separator), { maxLength: 30 }).map((parts) => parts.flat().join(''));
    const query = fc.oneof(fc.array(fc.oneof(word, fc.tuple(word, separator, word).map((parts) => parts.join(''))), { maxLength: 3 }).map((terms) => terms.join(' ')), fc.string({ unit: 'grapheme', maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), query, fc.boolean(), fc.boolean(), (texts, q, presenting, roundTrip) => {
        const all = texts.map((t, i) => ({ id: `n${i}`, text: t }));
        const built = indexOf(all);
        const index = roundTrip ? NoteSearchIndex.parse(built.serialize())! : built;
        const newestFirst = [...all].reverse();
        const shown = presenting ? newestFirst.map((note) => ({ ...note, text: withPrivateLinesBlanked(note.text) })) : newestFirst;
        const shareableOf = presenting ? (_id: string, t: string) => withPrivateLinesBlanked(t) : undefined;
        assert.deepEqual(index.find(q, { order: newestFirst.map((note) => note.id), ...(shareableOf ? { shareableOf } : {}), limit: 5 }), searchNotes(shown, q, 5));
      }),
      { numRuns: 400 },
    );
  });

  it('finds every note the search before the index found, for random substrings of their words', () => {
    // Today's notes (anything a user types: accents, capitals, digits, punctuation) and queries made
    // of pieces cut from their words, across the word's edges too.
    const word = fc.stringMatching(/^[a-zA-Z0-9éÉüßİ]{1,9}$/);
    const separator = fc.constantFrom(' ', '\n', '-', ', ', '#', '@', '/', '_', '\n## Private notes\n');
    const text = fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 25 }).map((parts) => parts.flat().join(''));
    const notesAndQuery = fc.array(text, { minLength: 1, maxLength: 10 }).chain((texts) => {
      const piece = fc.tuple(fc.nat(texts.length - 1), fc.nat(), fc.nat(), fc.nat(12)).map(([k, seed, start, length]) => {
        const source = texts[k]!;
        const from = (seed + start) % source.length;
        return source.slice(from, from + 1 + length).trim();
      });
      return fc.tuple(fc.constant(texts), fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(' ')));
    });
    fc.assert(
      fc.property(notesAndQuery, fc.boolean(), ([texts, query], roundTrip) => {
        const all = texts.map((t, i) => ({ id: `n${i}`, text: t }));
        const built = indexOf(all);
        const index = roundTrip ? NoteSearchIndex.parse(built.serialize())! : built;
        const found = index.find(query, { order: all.map((note) => note.id), limit: 1000 }).map((hit) => hit.id);
        assert.deepEqual(found, searchedBeforeTheIndex(all, query), query);
      }),
      { numRuns: 500 },
    );
  });
});

/** The search of 1:1 notes as it was before the index (main's search.ts), kept here as the reference. */
function searchedBeforeTheIndex(notes: readonly SearchableNote[], query: string): string[] {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const terms = fold(query)
    .split(/\s+/)
    .filter((term) => term.length > 0);
  return terms.length === 0 ? [] : notes.filter((note) => terms.every((term) => fold(note.text).includes(term))).map((note) => note.id);
}
