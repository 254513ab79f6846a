import * as assert from 'node:assert/strict';
import { canonicalName } from '../../src/shared/encryption/logicalNames';
import { fileStamp, keptBeforeSetAsideName, setAsideName, tempName } from '../../src/shared/storageLayout';

describe('the name a stored file is encrypted under', () => {
  const stamp = fileStamp(new Date('2026-11-30T08:15:42.123Z'));

  it('is its path inside the data folder', () => {
    assert.equal(canonicalName('notes/n-1.md'), 'notes/n-1.md');
    assert.equal(canonicalName('team.json'), 'team.json');
  });

  it('of a temporary file is its target’s, which it is renamed over', () => {
    assert.equal(canonicalName(tempName('team.json', 4242, '0123456789ab')), 'team.json');
    assert.equal(canonicalName(`notes/${tempName('n-1.md', 7, 'abcdef012345')}`), 'notes/n-1.md');
  });

  it('of a set-aside copy is its original’s, whose bytes it keeps', () => {
    assert.equal(canonicalName(setAsideName('team.json', 'corrupt', stamp)), 'team.json');
    assert.equal(canonicalName(setAsideName('delegation.json', 'newer', stamp)), 'delegation.json');
    assert.equal(canonicalName(keptBeforeSetAsideName('team.json', stamp)), 'team.json');
    assert.equal(canonicalName(`notes/${setAsideName('notes-index.json', 'corrupt', stamp)}`), 'notes/notes-index.json');
  });

  it('keeps a name that only looks alike', () => {
    assert.equal(canonicalName('notes/corrupt-notes.md'), 'notes/corrupt-notes.md');
    assert.equal(canonicalName('team.corrupt-yesterday.json'), 'team.corrupt-yesterday.json');
  });
});
