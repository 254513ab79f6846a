import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fc from 'fast-check';
import { journalMacKey, openJournal, sealJournal, unsealedText } from '../../src/host/encryption/journalSeal';

describe('the conversion journal, sealed with the data key', () => {
  const journal = JSON.stringify({ schemaVersion: 1, direction: 'decrypt', keyId: '0123456789abcdef', doneThrough: null });

  it('opens with the key it was sealed with, and with no other', () => {
    const key = journalMacKey(randomBytes(32));
    const sealed = sealJournal(key, journal);
    assert.equal(openJournal(key, sealed), journal);
    assert.equal(openJournal(journalMacKey(randomBytes(32)), sealed), undefined, 'another folder’s key');
    assert.equal(unsealedText(sealed), journal);
  });

  it('refuses a journal planted unsealed, or sealed and then edited', () => {
    const key = journalMacKey(randomBytes(32));
    assert.equal(openJournal(key, journal), undefined, 'a plain journal another program wrote');
    const edited = sealJournal(key, journal).replace('decrypt', 'encrypt');
    assert.equal(openJournal(key, edited), undefined);
  });

  it('never throws, and opens nothing, on arbitrary text', () => {
    const key = journalMacKey(randomBytes(32));
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        assert.equal(openJournal(key, text), undefined);
        assert.equal(openJournal(key, JSON.stringify({ sealedJournal: text, mac: '0'.repeat(64) })), undefined);
      }),
    );
  });
});
