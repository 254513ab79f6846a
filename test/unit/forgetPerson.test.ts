import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ERASED_NAME, eraseName, mentionsName, nameParts, withoutPerson } from '../../src/shared/delegation/forgetPerson';
import { assign, newItem } from '../../src/shared/delegation/items';
import { parseDelegationFile, serializeDelegationFile } from '../../src/shared/delegation/storedDelegation';
import { asStoredBound, DELEGATION_TITLE_MAX_LENGTH, STEP_NOTE_MAX_LENGTH } from '../../src/shared/storageLayout';

describe('erasing a person’s name from what the lead wrote', () => {
  it('replaces the full name in any case, and each part of it alone as a whole word', () => {
    const name = 'Zenobia Quill';
    assert.equal(eraseName('Pair zenobia QUILL with Otto', name), `Pair ${ERASED_NAME} with Otto`);
    assert.equal(eraseName('Ask Zenobia about the migration', name), `Ask ${ERASED_NAME} about the migration`);
    assert.equal(eraseName('Quill owns it now', name), `${ERASED_NAME} owns it now`);
    assert.equal(eraseName('ping @zenobia and @ZENOBIA', name), `ping ${ERASED_NAME} and ${ERASED_NAME}`);
    assert.equal(eraseName('Zenobia’s review', name), `${ERASED_NAME}’s review`);
  });

  it('leaves words that only contain a part, other cases of a plain part, and numbers', () => {
    const name = 'Grace Ada 2';
    assert.deepEqual(nameParts(name), ['Grace', 'Ada']);
    assert.equal(eraseName('a grace period for Canada, Adam and Ada2, item 2', name), 'a grace period for Canada, Adam and Ada2, item 2');
    assert.equal(mentionsName('Adaptive', name), false);
    assert.equal(mentionsName('ask Ada.', name), true);
  });

  it('takes the name out of other people’s items, and drops the items the person owns', () => {
    const today = '2026-11-30';
    const owned = assign(newItem('a', 'Release train', today), 'p1', 3, 5, today);
    const others = assign(newItem('b', 'Ask Zenobia about on-call', today), 'p2', 3, 5, today);
    const kept = withoutPerson([owned, others, newItem('c', 'Plan the offsite', today)], 'p1', 'Zenobia Quill');
    assert.deepEqual(
      kept.map((i) => i.title),
      [`Ask ${ERASED_NAME} about on-call`, 'Plan the offsite'],
    );
  });

  it('never leaves a part of the name in any text (property)', () => {
    const letters = fc.stringMatching(/^[A-Z][a-z]{1,8}$/);
    fc.assert(
      fc.property(letters, letters, fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (first, last, before, after) => {
        const name = `${first} ${last}`;
        const erased = eraseName(`${before} ${first} and @${last.toLowerCase()}, ${name}. ${after}`, name);
        const words = erased.split(/[^\p{L}\p{N}_@]+/u);
        return !words.includes(first) && !words.includes(last) && !words.includes(`@${last.toLowerCase()}`);
      }),
    );
  });
});

describe('erasing a person keeps the delegation file readable', () => {
  const today = '2026-11-30';
  const titleBound = asStoredBound(DELEGATION_TITLE_MAX_LENGTH);
  const noteBound = asStoredBound(STEP_NOTE_MAX_LENGTH);

  it('a title full of a short name part stays within the stored bound, and the list loads again', () => {
    const title = Array.from({ length: 67 }, () => 'Al').join(',').slice(0, DELEGATION_TITLE_MAX_LENGTH);
    const kept = withoutPerson([newItem('a', title, today)], 'p1', 'Al Smith');
    assert.ok(kept[0]!.title.length <= titleBound, `title is ${kept[0]!.title.length} characters`);
    assert.equal(parseDelegationFile(serializeDelegationFile(kept)).ok, true);
  });

  it('for any item within the bounds and any name, the file stays one the reader accepts (property)', () => {
    const part = fc.string({ unit: fc.constantFrom(...'abcAB'), minLength: 1, maxLength: 4 });
    // Text made of words, many of them the name's own parts, so that erasing has plenty to replace.
    const word = (parts: string[]) => fc.tuple(fc.oneof(fc.constantFrom(...parts), part), fc.constantFrom(' ', ',', ' @', '. '));
    const textOf = (parts: string[], max: number) =>
      fc.array(word(parts), { maxLength: Math.floor(max / 3), size: 'max' }).map((words) => words.flat().join('').slice(0, max));
    const case_ = fc
      .array(part, { minLength: 1, maxLength: 3 })
      .chain((parts) => fc.tuple(fc.constant(parts.join(' ')), textOf(parts, titleBound), textOf(parts, noteBound)));
    fc.assert(
      fc.property(case_, ([name, rawTitle, note]) => {
        const item = { ...newItem('a', 'x', today), title: rawTitle || 'x', steps: [{ stepId: 'why', on: today, note }] };
        assert.equal(parseDelegationFile(serializeDelegationFile([item])).ok, true, 'the item is within the bounds to begin with');
        return parseDelegationFile(serializeDelegationFile(withoutPerson([item], 'someone-else', name))).ok;
      }),
      { numRuns: 60 },
    );
  });
});
