/**
 * Another window's Encrypt or Decrypt My Notes, met by this window's background writes: the search
 * index it writes and the rolling backup it keeps. The other window's conversion is the product's
 * own (FolderConversion and the journal's run), run here inside the data lock as
 * EncryptionAtRest runs it, with the lock taken by the test first: so the moment this window's
 * write starts, before the conversion writes its first byte, is the same at every run. This window
 * is built from the parts the product composes (EncryptionAtRest, the follower, the stores, the
 * backup keeper), on folders of its own, as encryptionOwnChange.test.ts does.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EncryptionAtRest } from '../../src/host/encryption/encryptionAtRest';
import { ENVELOPE_MAGIC, isEnvelope, keyIdOf } from '../../src/host/encryption/envelope';
import { FolderConversion, type FolderMarkers } from '../../src/host/encryption/folderConversion';
import { FolderFormFollower } from '../../src/host/encryption/folderForm';
import { journalMacKey } from '../../src/host/encryption/journalSeal';
import { newDataKey, wrapDataKey } from '../../src/host/encryption/keyWrapping';
import { BackupKeeper } from '../../src/host/storage/backups';
import { identityCodec, useCodec } from '../../src/host/storage/dataFiles';
import { DelegationStore } from '../../src/host/storage/delegationStore';
import { dataFolderLock, withFileLock } from '../../src/host/storage/fileLock';
import { backupFolderFor } from '../../src/host/storage/layout';
import { NoteIndexWriter } from '../../src/host/storage/noteIndexFile';
import { indexFiles } from '../../src/host/storage/noteSearchIndexFile';
import { NoteStore } from '../../src/host/storage/noteStore';
import { TeamStore } from '../../src/host/storage/teamStore';
import { startDecrypting, startEncrypting } from '../../src/shared/encryption/conversionJournal';
import { deriveNoteMeta } from '../../src/shared/oneOnOnes/noteIndex';
import { BACKUPS_FOLDER, SEARCH_INDEX_FILE, TEAM_FILE } from '../../src/shared/storageLayout';
import { Keychain } from '../unit/support/memoryKeychain';
import { filesHolding } from './helpers';

/** Cheap scrypt for tests (the key file's lowest accepted cost). */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const passphrase = 'kettles on the winter platform';
const markers: FolderMarkers = { journalWritten: () => undefined, journalRemoved: () => undefined, keyfileWritten: () => undefined, keyfileRemoved: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** Another window's Encrypt My Notes, its conversion only (the caller holds the data lock, as EncryptionAtRest does). */
async function encryptAsAnotherWindow(dataFolder: vscode.Uri, backupFolder: vscode.Uri | undefined): Promise<void> {
  const dataKey = newDataKey();
  const keyfileText = await wrapDataKey(passphrase, dataKey, CHEAP);
  const io = new FolderConversion({ dataFolder, backupFolder, dataKey: () => dataKey, journalMacKey: () => journalMacKey(dataKey), keyfileText, markers });
  const outcome = await startEncrypting(io, keyIdOf(dataKey).toString('hex'));
  assert.deepEqual(outcome.skipped, []);
}

/** Another window's Decrypt My Notes, its conversion only, with the key of the folder. */
async function decryptAsAnotherWindow(dataFolder: vscode.Uri, dataKey: Buffer): Promise<void> {
  const io = new FolderConversion({ dataFolder, backupFolder: undefined, dataKey: () => dataKey, journalMacKey: () => journalMacKey(dataKey), markers });
  const outcome = await startDecrypting(io, keyIdOf(dataKey).toString('hex'));
  assert.deepEqual(outcome.skipped, []);
}

describe('encrypted at rest: this window’s background writes during another window’s conversion', function () {
  this.timeout(60_000);
  const root = mkdtempSync(path.join(tmpdir(), 'two-hats-conversion-races-'));
  const log = vscode.window.createOutputChannel('Two Hats conversion races test', { log: true });
  const stamp = Date.now();
  let folders = 0;
  const disposables: vscode.Disposable[] = [];

  /** This window on a fresh data folder: its encryption and the follower of other windows' changes. */
  async function thisWindow(): Promise<{ data: vscode.Uri; encryption: EncryptionAtRest }> {
    const data = vscode.Uri.file(path.join(root, `data-${++folders}`));
    mkdirSync(data.fsPath, { recursive: true });
    const encryption = new EncryptionAtRest(new Keychain().view(), vscode.Uri.file(path.join(root, BACKUPS_FOLDER)), log, { scrypt: CHEAP });
    const follower = new FolderFormFollower({
      encryption,
      reopen: async () => {
        await encryption.open(data, undefined);
        await follower.follow(data);
      },
      log,
    });
    await encryption.open(data, undefined);
    await follower.follow(data);
    disposables.push(follower, encryption);
    return { data, encryption };
  }

  afterEach(() => {
    disposables.splice(0).forEach((d) => d.dispose());
    useCodec(identityCodec);
  });

  after(() => {
    log.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('a search index written while another window encrypts waits for it, then is refused: no plain index in the encrypted folder', async () => {
    const { data } = await thisWindow();
    const sentinel = `IndexRaceWord${stamp}`;
    let writing: Promise<unknown> | undefined;
    await withFileLock(dataFolderLock(data.fsPath), async () => {
      // Started while the folder is still plain: its last look at the form saw a plain folder.
      writing = indexFiles.write(data, bytesOf(`{"words":["${sentinel}"]}`)).then(() => 'written', (error: unknown) => error);
      await sleep(700);
      assert.deepEqual(filesHolding(data.fsPath, sentinel), [], 'no index lands while the other window converts');
      await encryptAsAnotherWindow(data, undefined);
    });
    const written = await writing;
    assert.ok(written instanceof Error, `the write is refused once it sees the folder encrypted (${String(written)})`);
    assert.deepEqual(filesHolding(data.fsPath, sentinel), [], 'no raw file holds the index’s words');
  });

  it('a note index written while another window encrypts waits for it, then is refused: no plain titles or items in the encrypted folder', async () => {
    const { data } = await thisWindow();
    const sentinel = `NoteIndexRaceItem${stamp}`;
    const meta = deriveNoteMeta({ id: 'n1', personId: 'p1', date: '2026-12-01', templateId: 'weekly', title: `1:1 ${sentinel}`, createdAt: stamp }, `# 1:1\n\n- [ ] ${sentinel}\n`, stamp);
    const writer = new NoteIndexWriter(() => ({ folder: data, notes: [meta] }));
    let writing: Promise<boolean> | undefined;
    await withFileLock(dataFolderLock(data.fsPath), async () => {
      // Asked for while the folder is still plain, as a save's index write in this window would be.
      writing = writer.writeNow();
      await sleep(700);
      assert.deepEqual(filesHolding(data.fsPath, sentinel), [], 'no note index lands while the other window converts');
      await encryptAsAnotherWindow(data, undefined);
    });
    assert.equal(await writing, false, 'the write is refused once it sees the folder encrypted');
    assert.deepEqual(filesHolding(data.fsPath, sentinel), [], 'no raw file holds the note’s title or item');
  });

  it('a search index written while another window decrypts is refused after it: no encrypted index in the plain folder', async () => {
    const { data, encryption } = await thisWindow();
    assert.equal((await encryption.encrypt(passphrase)).outcome, 'finished');
    const dataKey = Buffer.from(encryption.holder.dataKey!);
    const index = path.join(data.fsPath, SEARCH_INDEX_FILE);
    let writing: Promise<unknown> | undefined;
    await withFileLock(dataFolderLock(data.fsPath), async () => {
      writing = indexFiles.write(data, bytesOf('{"words":[]}')).then(() => 'written', (error: unknown) => error);
      await sleep(700);
      assert.equal(existsSync(index), false, 'no index lands while the other window converts');
      await decryptAsAnotherWindow(data, dataKey);
    });
    const written = await writing;
    assert.ok(written instanceof Error, `the write is refused once it sees the folder plain (${String(written)})`);
    assert.ok(!existsSync(index) || !isEnvelope(readFileSync(index)), 'no encrypted index in a plain folder');
  });

  it('Encrypt My Notes deletes a garbled search index it cannot convert: its words are in no raw file afterwards', async () => {
    const { data, encryption } = await thisWindow();
    const sentinel = `GarbledIndexWord${stamp}`;
    // Begins like an envelope (a torn write, another program's), its words in plain after it.
    writeFileSync(path.join(data.fsPath, SEARCH_INDEX_FILE), Buffer.concat([ENVELOPE_MAGIC, Buffer.from([1]), Buffer.from(`{"words":["${sentinel}"]}`)]));
    writeFileSync(path.join(data.fsPath, TEAM_FILE), `{"schemaVersion":1,"people":[]}`);
    const outcome = await encryption.encrypt(passphrase);
    assert.equal(outcome.outcome, 'finished');
    assert.deepEqual(outcome.skipped, []);
    assert.deepEqual(filesHolding(data.fsPath, sentinel), [], 'the garbled index is gone, not left in plain beside encrypted notes');
    assert.ok(isEnvelope(readFileSync(path.join(data.fsPath, TEAM_FILE))), 'the user’s files are encrypted, not deleted');
  });

  it('a backup pass that starts while another window encrypts waits for it: the backup holds no plain copy afterwards', async () => {
    const { data } = await thisWindow();
    const backupsRoot = vscode.Uri.file(path.join(root, `backups-${folders}`));
    const identity = { workspaceName: 'races', workspacePath: '/races', storagePath: data.fsPath };
    const backup = backupFolderFor(backupsRoot, identity.storagePath);
    const team = new TeamStore();
    const delegation = new DelegationStore();
    const notes = new NoteStore();
    const keeper = new BackupKeeper(backupsRoot, { team, delegation, notes }, log);
    disposables.push(keeper, team, delegation, notes);
    const location = { kind: 'folder' as const, uri: data, scope: 'workspace' as const };
    await Promise.all([team.open(location), delegation.open(location), notes.open(data)]);
    assert.equal((await team.add({ name: 'Bertha Before', role: 'Engineer', cadence: 'weekly' })).ok, true);
    await keeper.follow(data, identity);
    await keeper.flush();
    assert.ok(readFileSync(path.join(backup.fsPath, TEAM_FILE), 'utf8').includes('Bertha Before'), 'the backup is kept before the conversion');

    const sentinel = `BackupRaceName${stamp}`;
    assert.equal((await team.add({ name: sentinel, role: 'Engineer', cadence: 'weekly' })).ok, true);
    let passing: Promise<void> | undefined;
    await withFileLock(dataFolderLock(data.fsPath), async () => {
      // The pass begins before the conversion has written anything: the data is still plain.
      passing = keeper.flush();
      await sleep(700);
      assert.deepEqual(filesHolding(backup.fsPath, sentinel), [], 'no copy is made while the other window converts');
      await encryptAsAnotherWindow(data, backup);
    });
    await passing;
    assert.deepEqual(filesHolding([data.fsPath, backup.fsPath], sentinel), [], 'no raw file, in the data or its backup, holds the new name');
    assert.ok(isEnvelope(readFileSync(path.join(backup.fsPath, TEAM_FILE))), 'the backup’s copy of the team is encrypted');
  });
});
