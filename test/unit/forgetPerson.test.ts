import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ERASED_NAME, eraseName, mentionsName, nameParts, withoutPerson } from '../../src/shared/delegation/forgetPerson';
import { assign, newItem } from '../../src/shared/delegation/items';

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
