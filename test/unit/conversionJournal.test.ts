import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { decryptFile, encryptFile, isEnvelope, keyIdOf } from '../../src/host/encryption/envelope';
import {
  formsToAccept,
  formToWrite,
  parseJournal,
  resumeConversion,
  startDecrypting,
  startEncrypting,
  type ConversionIo,
  type ConversionOutcome,
} from '../../src/shared/encryption/conversionJournal';

class Killed extends Error {}

/**
 * A data folder in memory whose every write is atomic, as the real one's are, and which can be
 * killed before its n-th write: everything up to it happened, nothing after.
 */
class MemoryFolder implements ConversionIo {
  readonly files = new Map<string, Buffer>();
  journal: string | undefined;
  keyfile: string | undefined;
  writes = 0;
  killBeforeWrite = Infinity;

  constructor(readonly dataKey: Buffer) {}

  private write(): void {
    if (this.writes >= this.killBeforeWrite) {
      throw new Killed();
    }
    this.writes++;
  }

  async listFiles() {
    return [...this.files.keys()];
  }
  async readFile(name: string) {
    return this.files.get(name);
  }
  async replaceFile(name: string, bytes: Uint8Array) {
    this.write();
    this.files.set(name, Buffer.from(bytes));
  }
  async readJournal() {
    return this.journal;
  }
  async writeJournal(text: string) {
    this.write();
    this.journal = text;
  }
  async removeJournal() {
    this.write();
    this.journal = undefined;
  }
  async keyfileExists() {
    return this.keyfile !== undefined;
  }
  async writeKeyfile() {
    this.write();
    this.keyfile = 'wrapped key';
  }
  async removeKeyfile() {
    this.write();
    this.keyfile = undefined;
  }
  formOf(bytes: Uint8Array) {
    return isEnvelope(bytes) ? ('encrypted' as const) : ('plain' as const);
  }
  convert(name: string, bytes: Uint8Array, direction: 'encrypt' | 'decrypt') {
    if (direction === 'encrypt') {
      return { ok: true as const, bytes: encryptFile(this.dataKey, name, bytes) };
    }
    const result = decryptFile(this.dataKey, name, bytes);
    return result.ok ? { ok: true as const, bytes: result.plaintext } : { ok: false as const, reason: result.reason };
  }

  /** What a reader gets for `name` right now, following the accepted forms, or why not. */
  read(name: string): string {
    const bytes = this.files.get(name)!;
    const journal = this.journal === undefined ? undefined : parseJournal(this.journal);
    const form = this.formOf(bytes);
    if (!formsToAccept(journal, this.keyfile !== undefined).includes(form)) {
      return `refused: ${form} where ${formsToAccept(journal, this.keyfile !== undefined).join('/')} expected`;
    }
    if (form === 'plain') {
      return bytes.toString('utf8');
    }
    const result = decryptFile(this.dataKey, name, bytes);
    return result.ok ? result.plaintext.toString('utf8') : `unreadable: ${result.reason}`;
  }
}

const notes: Record<string, string> = {
  'team.json': '{"people":[{"name":"Sentinel Alice"}]}',
  'delegation.json': '{"items":[]}',
  'notes/index.json': '{"notes":[]}',
  'notes/p-1/2026-11-02.md': '# 1:1 with Alice\nwants to lead the migration',
  'notes/p-1/2026-11-16.md': '# 1:1 with Alice\nfollow up on the migration',
  'notes/p-2/2026-11-09.md': '# 1:1 with Bob\n',
  'sidebarDraft.json': '',
};

function plainFolder(dataKey: Buffer): MemoryFolder {
  const folder = new MemoryFolder(dataKey);
  for (const [name, text] of Object.entries(notes)) {
    folder.files.set(name, Buffer.from(text, 'utf8'));
  }
  return folder;
}

function encryptedFolder(dataKey: Buffer): MemoryFolder {
  const folder = new MemoryFolder(dataKey);
  for (const [name, text] of Object.entries(notes)) {
    folder.files.set(name, encryptFile(dataKey, name, Buffer.from(text, 'utf8')));
  }
  folder.keyfile = 'wrapped key';
  return folder;
}

function assertEveryNoteReadable(folder: MemoryFolder, when: string): void {
  for (const [name, text] of Object.entries(notes)) {
    assert.equal(folder.read(name), text, `${name} ${when}`);
  }
}

/** Runs `start`, killed before write `killAt`, then restarts (killed again at `secondKillAt`), then restarts to the end. */
async function runWithKills(folder: MemoryFolder, start: () => Promise<ConversionOutcome>, killAt: number, secondKillAt: number): Promise<void> {
  folder.killBeforeWrite = killAt;
  await start().catch((error: unknown) => assert.ok(error instanceof Killed, String(error)));
  assertEveryNoteReadable(folder, `after a kill before write ${killAt}`);
  folder.writes = 0;
  folder.killBeforeWrite = secondKillAt;
  await resumeConversion(folder, 2).catch((error: unknown) => assert.ok(error instanceof Killed, String(error)));
  assertEveryNoteReadable(folder, `after a second kill before write ${secondKillAt} of the restart`);
  folder.writes = 0;
  folder.killBeforeWrite = Infinity;
  await resumeConversion(folder, 2);
  assertEveryNoteReadable(folder, 'once the next start finished');
  assert.equal(folder.journal, undefined, 'the journal is gone once the job is done');
}

describe('crash-safe conversion of the data folder', () => {
  const dataKey = randomBytes(32);
  const keyId = keyIdOf(dataKey).toString('hex');

  it('encrypts every file and leaves no plaintext, journal or plain form behind', async () => {
    const folder = plainFolder(dataKey);
    const outcome = await startEncrypting(folder, keyId, 2);
    assert.deepEqual(outcome, { outcome: 'finished', direction: 'encrypt', converted: 7, skipped: [], setAside: [] });
    assert.equal(folder.journal, undefined);
    for (const bytes of folder.files.values()) {
      assert.ok(isEnvelope(bytes));
      assert.equal(bytes.includes(Buffer.from('Alice')), false);
    }
    assertEveryNoteReadable(folder, 'after encrypting');
  });

  it('decrypts every file back to exactly what was written, and drops the key file', async () => {
    const folder = encryptedFolder(dataKey);
    const outcome = await startDecrypting(folder, keyId, 3);
    assert.deepEqual(outcome, { outcome: 'finished', direction: 'decrypt', converted: 7, skipped: [], setAside: [] });
    assert.equal(folder.keyfile, undefined);
    for (const [name, text] of Object.entries(notes)) {
      assert.equal(folder.files.get(name)!.toString('utf8'), text);
    }
  });

  it('killed at any write while encrypting, then again while finishing: every note readable, and encrypted in the end', async function () {
    this.timeout(30_000); // 165 kill pairs; well under a second on an idle machine.
    for (let killAt = 0; killAt <= 14; killAt++) {
      for (let secondKillAt = 0; secondKillAt <= 10; secondKillAt++) {
        const folder = plainFolder(dataKey);
        await runWithKills(folder, () => startEncrypting(folder, keyId, 2), killAt, secondKillAt);
        const encrypted = [...folder.files.values()].filter((bytes) => isEnvelope(bytes)).length;
        // Killed before the key file was written, the encryption is dropped: nothing changed.
        assert.equal(encrypted, folder.keyfile === undefined ? 0 : 7, `kills at ${killAt}, ${secondKillAt}`);
        assert.equal(folder.keyfile !== undefined, killAt > 1, `kills at ${killAt}, ${secondKillAt}`);
      }
    }
  });

  it('killed at any write while decrypting, then again while finishing: every note readable, and plain in the end', async function () {
    this.timeout(30_000);
    for (let killAt = 0; killAt <= 14; killAt++) {
      for (let secondKillAt = 0; secondKillAt <= 10; secondKillAt++) {
        const folder = encryptedFolder(dataKey);
        await runWithKills(folder, () => startDecrypting(folder, keyId, 2), killAt, secondKillAt);
        const plain = [...folder.files.values()].filter((bytes) => !isEnvelope(bytes)).length;
        assert.equal(plain, killAt === 0 ? 0 : 7, `kills at ${killAt}, ${secondKillAt}`);
        assert.equal(folder.keyfile === undefined, killAt > 0, `kills at ${killAt}, ${secondKillAt}`);
      }
    }
  });

  it('moves the cursor past a batch only once its renames are durable, so a power cut cannot undo a file the journal counts as done', async () => {
    /** Renames a power cut would undo: replaced, and not yet made durable by `filesReplaced`. */
    class PowerCutFolder extends MemoryFolder {
      readonly notDurable = new Set<string>();
      readonly cursorPassedUndurable: string[] = [];
      filesReplacedCalls = 0;
      override async replaceFile(name: string, bytes: Uint8Array) {
        await super.replaceFile(name, bytes);
        this.notDurable.add(name);
      }
      async filesReplaced() {
        this.filesReplacedCalls++;
        this.notDurable.clear();
      }
      override async writeJournal(text: string) {
        const doneThrough = parseJournal(text)?.doneThrough;
        this.cursorPassedUndurable.push(...[...this.notDurable].filter((name) => doneThrough !== null && doneThrough !== undefined && name <= doneThrough));
        await super.writeJournal(text);
      }
    }
    const folder = new PowerCutFolder(dataKey);
    for (const [name, text] of Object.entries(notes)) {
      folder.files.set(name, encryptFile(dataKey, name, Buffer.from(text, 'utf8')));
    }
    folder.keyfile = 'wrapped key';
    const outcome = await startDecrypting(folder, keyId, 3);
    assert.equal(outcome.converted, 7);
    assert.deepEqual(folder.cursorPassedUndurable, [], 'no journal write counted a file done before its rename was durable');
    assert.equal(folder.filesReplacedCalls, 3, 'one flush per batch of three files, not one per file');
    assert.equal(folder.writes, 1 + 7 + 2 + 1 + 1, 'journal, seven files, the cursor after two of the three batches, key file, journal removed');
  });

  it('keeps a file it cannot decrypt encrypted, with its key file and journal, and says which', async () => {
    const folder = encryptedFolder(dataKey);
    folder.files.get('notes/p-2/2026-11-09.md')![40]! ^= 1;
    const outcome = await startDecrypting(folder, keyId);
    assert.equal(outcome.converted, 6);
    assert.deepEqual(outcome.skipped.map((s) => s.name), ['notes/p-2/2026-11-09.md']);
    assert.notEqual(folder.keyfile, undefined);
    assert.notEqual(folder.journal, undefined);
    assert.equal(folder.read('notes/p-1/2026-11-02.md'), notes['notes/p-1/2026-11-02.md']);
  });

  it('a copy already set aside as damaged holds back neither direction: reported, and the run finishes', async () => {
    const folder = encryptedFolder(dataKey);
    const aside = 'delegation.corrupt-2026-11-30T10-00-00-000Z.json';
    const damaged = encryptFile(dataKey, 'delegation.json', Buffer.from('{"items":[]}'));
    damaged[damaged.length - 3]! ^= 1;
    folder.files.set(aside, damaged);
    const decrypted = await startDecrypting(folder, keyId);
    assert.deepEqual(decrypted.skipped, []);
    assert.deepEqual(decrypted.setAside.map((s) => s.name), [aside]);
    assert.equal(folder.keyfile, undefined, 'decrypted: the key file is gone');
    assert.equal(folder.journal, undefined, 'and the journal');
    assertEveryNoteReadable(folder, 'after decrypting past the set-aside copy');
    folder.keyfile = 'wrapped key';
    const encrypted = await startEncrypting(folder, keyId);
    assert.deepEqual(encrypted.skipped, []);
    assert.equal(folder.journal, undefined, 'encrypted to the end as well');
  });

  it('deletes a cache it cannot convert (one that only looks encrypted, one that will not decrypt), never a note', async () => {
    /** The memory folder, with the host's caches and a way to delete them. */
    class WithCaches extends MemoryFolder {
      isCache(name: string) {
        return name === 'notes-index.json' || name === 'search-index.json';
      }
      async removeFile(name: string) {
        this.files.delete(name);
      }
    }
    // Garbled: begins like an envelope, then note words in plain (a torn write, a stray program).
    const garbled = (words: string) => Buffer.concat([Buffer.from([0xff, 0xff, 0x32, 0x48, 0x41, 0x54, 0x53, 0xff, 1]), Buffer.from(words)]);
    const folder = new WithCaches(dataKey);
    folder.files.set('search-index.json', garbled('SentinelCacheWord'));
    folder.files.set('notes-index.json', Buffer.from('{"notes":[{"title":"SentinelIndexTitle"}]}'));
    folder.files.set('notes/p-1/garbled.md', garbled('SentinelNoteWord'));
    const encrypted = await startEncrypting(folder, keyId);
    assert.equal(folder.files.has('search-index.json'), false, 'the garbled search index is deleted, not left with its words in plain');
    assert.ok(isEnvelope(folder.files.get('notes-index.json')!), 'a cache that converts is converted, as before');
    assert.ok(folder.files.get('notes/p-1/garbled.md')!.includes(Buffer.from('SentinelNoteWord')), 'a note is never deleted, whatever its bytes');
    assert.equal(encrypted.cachesDropped, 1);

    // Decrypting: a damaged encrypted cache no longer holds the decryption back.
    const damaged = encryptFile(dataKey, 'search-index.json', Buffer.from('{"words":[]}'));
    damaged[damaged.length - 3]! ^= 1;
    folder.files.set('search-index.json', damaged);
    folder.files.delete('notes/p-1/garbled.md');
    const decrypted = await startDecrypting(folder, keyId);
    assert.deepEqual(decrypted.skipped, []);
    assert.equal(folder.files.has('search-index.json'), false);
    assert.equal(folder.keyfile, undefined, 'decrypted to the end: the key file is gone');
  });

  it('writes new files in the form the folder is heading to, and reads only the settled form when no journal is open', () => {
    const encrypting = parseJournal(JSON.stringify({ schemaVersion: 1, direction: 'encrypt', keyId, doneThrough: null }));
    const decrypting = parseJournal(JSON.stringify({ schemaVersion: 1, direction: 'decrypt', keyId, doneThrough: 'team.json' }));
    assert.ok(encrypting && decrypting);
    assert.equal(formToWrite(encrypting, false), 'plain');
    assert.equal(formToWrite(encrypting, true), 'encrypted');
    assert.equal(formToWrite(decrypting, true), 'plain');
    assert.equal(formToWrite(undefined, true), 'encrypted');
    assert.equal(formToWrite(undefined, false), 'plain');
    assert.deepEqual(formsToAccept(undefined, true), ['encrypted']);
    assert.deepEqual(formsToAccept(undefined, false), ['plain']);
    assert.deepEqual(formsToAccept(decrypting, true), ['plain', 'encrypted']);
    assert.equal(parseJournal('{"schemaVersion":1,"direction":"sideways"}'), undefined);
  });
});
