import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { withPrivateLinesBlanked } from '../../src/shared/oneOnOnes/privacy';
import { foldForSearch, searchNotes, type SearchableNote } from '../../src/shared/oneOnOnes/search';
import { NoteSearchIndex } from '../../src/shared/oneOnOnes/searchIndex';
import { assertLinearEnough, knownHostileTexts } from './support/adversarial';

/**
 * `count` letters that stay distinct one-letter words once folded (CJK, Hangul, every script):
 * a note made of them gives the index as many distinct words as it has characters, each a
 * sibling of all the others where a tree of words branches on their first letter.
 */
function distinctLetters(count: number): string[] {
  const letters: string[] = [];
  const seen = new Set<string>();
  for (let code = 0xc0; letters.length < count && code < 0x30000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) {
      continue;
    }
    const letter = String.fromCodePoint(code);
    const folded = foldForSearch(letter);
    if (/^\p{L}$/u.test(letter) && /^\p{L}$/u.test(folded) && !seen.has(folded)) {
      seen.add(folded);
      letters.push(letter);
    }
  }
  assert.equal(letters.length, count);
  return letters;
}

function cjk(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    text += String.fromCodePoint(0x4e00 + (i % 20_992));
  }
  return text;
}

/** Long words made of letters from a seeded generator, so that few share a start. */
function distinctLongWords(count: number, length: number): string {
  let seed = 7;
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    let word = '';
    for (let k = 0; k < length; k++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      word += String.fromCharCode(97 + (seed % 26));
    }
    words.push(word);
  }
  return words.join(' ');
}

interface Hostile {
  readonly text: string;
  readonly description: string;
}

function hostileNotes(): Hostile[] {
  const letters = distinctLetters(40_000);
  return [
    { text: letters.join(' '), description: '40k distinct one-letter words' },
    { text: letters.slice(0, 20_000).join('\n- '), description: '20k distinct one-letter list items' },
    { text: Array.from(letters.slice(0, 20_000), (letter, i) => `${letter}${letters[(i * 7) % 20_000]}`).join(' '), description: '20k distinct two-letter words' },
    { text: cjk(20_992).split('').join(' '), description: 'every CJK ideograph, one a word' },
    { text: cjk(500_000), description: 'half a million CJK ideographs, no spaces (one word)' },
    { text: 'x'.repeat(1_000_000), description: 'a word of a million letters' },
    { text: distinctLongWords(50_000, 12), description: '50k distinct 12-letter words' },
    ...knownHostileTexts(),
  ];
}

/** What a session does with a note: indexes it, saves it again, searches, writes the file, loads it, deletes the note. */
function indexLifeOf(text: string): number {
  const index = NoteSearchIndex.empty();
  index.set({ id: 'other', text: 'The roadmap and the budget', shareable: 'The roadmap and the budget', updatedAt: 1 });
  index.set({ id: 'n', text, shareable: withPrivateLinesBlanked(text), updatedAt: 1 });
  index.set({ id: 'n', text: `${text} saved again`, shareable: withPrivateLinesBlanked(text), updatedAt: 2 });
  const order = ['n', 'other'];
  const hits = index.find('map', { order }).length + index.find('x a', { order }).length;
  const back = NoteSearchIndex.parse(index.serialize())!;
  back.remove('n');
  return hits + back.find('budget', { order }).length + back.serialize().length;
}

describe('the persisted search index on hostile notes', () => {
  it('indexes, saves again, searches, writes and loads hostile notes in linear time', () => {
    for (const { text, description } of hostileNotes()) {
      assertLinearEnough(`the index of ${description}`, text.length, () => indexLifeOf(text));
    }
  });

  it('takes a store of many notes of distinct letters in linear time', () => {
    // Ten thousand notes of four distinct words each: forty thousand words in all.
    const letters = distinctLetters(40_000);
    const notes = Array.from({ length: 10_000 }, (_, i) => letters.slice(i * 4, i * 4 + 4).join(' '));
    const length = notes.reduce((sum, text) => sum + text.length, 0);
    assertLinearEnough('the index of 10,000 notes of distinct letters', length, () => {
      const index = NoteSearchIndex.empty();
      notes.forEach((text, i) => index.set({ id: `n${i}`, text, shareable: text, updatedAt: i }));
      return NoteSearchIndex.parse(index.serialize())!.find(letters[123]!, { order: ['n30'] });
    });
  });

  it('finds in hostile notes every note the plain scan finds', () => {
    const letters = distinctLetters(3_000);
    const letterRun = fc.array(fc.constantFrom(...letters.slice(0, 40)), { minLength: 1, maxLength: 4 }).map((run) => run.join(''));
    const word = fc.oneof(letterRun, fc.stringMatching(/^[a-zé]{1,4}$/), fc.constantFrom('roadmap', 'map', '一二', 'Ärger', 'x'.repeat(300)));
    const separator = fc.constantFrom(' ', '\n', '-', ', ', '\n## Private notes\n', '');
    const text = fc.oneof(
      fc.array(fc.tuple(word, separator), { maxLength: 30 }).map((parts) => parts.flat().join('')),
      // Thousands of distinct one-letter words, with a few ordinary ones among them.
      fc.tuple(fc.nat(2_000), word, word).map(([n, a, b]) => `${letters.slice(0, 1_000 + n).join(' ')} ${a} ${b}`),
    );
    const query = fc.oneof(
      fc.array(word, { minLength: 1, maxLength: 3 }).map((terms) => terms.join(' ')),
      fc.constantFrom(...letters.slice(0, 60)),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), query, fc.boolean(), fc.boolean(), (texts, q, presenting, roundTrip) => {
        const all: SearchableNote[] = texts.map((t, i) => ({ id: `n${i}`, text: t }));
        const built = NoteSearchIndex.empty();
        all.forEach((note, i) => built.set({ ...note, shareable: withPrivateLinesBlanked(note.text), updatedAt: i }));
        const index = roundTrip ? NoteSearchIndex.parse(built.serialize())! : built;
        const shown = presenting ? all.map((note) => ({ ...note, text: withPrivateLinesBlanked(note.text) })) : all;
        const shareableOf = presenting ? (_id: string, t: string) => withPrivateLinesBlanked(t) : undefined;
        const found = index.find(q, { order: all.map((note) => note.id), ...(shareableOf ? { shareableOf } : {}), limit: 1000 });
        assert.deepEqual(found, searchNotes(shown, q, 1000));
      }),
      { numRuns: 150 },
    );
  });
});
