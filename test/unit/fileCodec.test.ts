import * as assert from 'node:assert/strict';
import { encryptFile, isEnvelope } from '../../src/host/encryption/envelope';
import { FileCodec, LockedError, type FolderEncryption } from '../../src/host/encryption/fileCodec';
import { KeyHolder } from '../../src/host/encryption/keyHolder';
import { newDataKey, wrapDataKey } from '../../src/host/encryption/keyWrapping';
import { parseJournal } from '../../src/shared/encryption/conversionJournal';
import { Keychain } from './support/memoryKeychain';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const passphrase = 'tea kettle on a mountain bike';
const note = new TextEncoder().encode('# 1:1 with Sentinel Alice\n');

describe('file codec: what the one place for bytes stores and reads', () => {
  const dataKey = newDataKey();
  let keyfile: string | undefined;
  let folder: FolderEncryption;
  let holder: KeyHolder;
  let codec: FileCodec;

  beforeEach(async () => {
    keyfile = await wrapDataKey(passphrase, dataKey, CHEAP);
    folder = { keyfileExists: true, journal: undefined };
    holder = new KeyHolder(new Keychain().view(), async () => keyfile);
    await holder.refresh();
    codec = new FileCodec(holder, () => folder);
  });

  it('while locked, writes nothing and reads nothing, and says it is locked', () => {
    assert.equal(holder.state, 'locked');
    assert.throws(() => codec.encode('team.json', note), LockedError);
    const read = codec.decode('team.json', encryptFile(dataKey, 'team.json', note));
    assert.equal(read.ok ? '' : read.problem, 'locked');
  });

  it('once unlocked, stores only ciphertext and reads back exactly what was saved', async () => {
    await holder.unlock(passphrase);
    const stored = codec.encode('notes/p-1/2026-11-30.md', note);
    assert.ok(isEnvelope(stored));
    assert.equal(Buffer.from(stored).includes(Buffer.from('Alice')), false);
    const read = codec.decode('notes/p-1/2026-11-30.md', stored);
    assert.ok(read.ok);
    assert.deepEqual(Buffer.from(read.plaintext), Buffer.from(note));
  });

  it('refuses a plain file slipped into an encrypted folder, and an encrypted one in a plain folder', async () => {
    await holder.unlock(passphrase);
    const plain = codec.decode('team.json', note);
    assert.equal(plain.ok ? '' : plain.problem, 'unexpectedForm');
    folder = { keyfileExists: false, journal: undefined };
    const encrypted = codec.decode('team.json', encryptFile(dataKey, 'team.json', note));
    assert.equal(encrypted.ok ? '' : encrypted.problem, 'unexpectedForm');
    assert.deepEqual(codec.encode('team.json', note), note, 'a plain folder is written plain');
  });

  it('during a conversion, reads either form and writes the form the folder is heading to', async () => {
    await holder.unlock(passphrase);
    folder = { keyfileExists: true, journal: parseJournal(JSON.stringify({ schemaVersion: 1, direction: 'decrypt', keyId: '0123456789abcdef', doneThrough: null })) };
    assert.ok(codec.decode('team.json', note).ok);
    assert.ok(codec.decode('team.json', encryptFile(dataKey, 'team.json', note)).ok);
    assert.deepEqual(codec.encode('team.json', note), note);
  });
});
