import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { decryptFile, encryptFile, isEnvelope } from '../../src/host/encryption/envelope';
import { newDataKey, unwrapDataKey, wrapDataKey } from '../../src/host/encryption/keyWrapping';
import { erasePersonFromBackups } from '../../src/host/storage/backupErasure';
import { listBackups, restoreBackupInto } from '../../src/host/storage/backupFolders';
import { useCodec, type ByteCodec } from '../../src/host/storage/dataFiles';
import { serializeBackupManifest } from '../../src/shared/backups';
import { BACKUP_MANIFEST_FILE, ENCRYPTION_KEY_FILE, NOTES_FOLDER, TEAM_FILE, noteBodyName } from '../../src/shared/storageLayout';
import { serializeTeamFile } from '../../src/shared/storedTeam';
import type { Person } from '../../src/shared/team';

/** Cheap scrypt for tests (the key file's lowest accepted cost). */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

function person(id: string, name: string): Person {
  return { id, name, role: '', cadence: 'weekly', archived: false, addedOn: '2026-01-05' };
}

/**
 * A backup folder as Two Hats writes one for a workspace: `files` by logical name, plain, or
 * encrypted with `dataKey` (its key file wrapped by `passphrase` beside them).
 */
async function writeBackupFolder(folder: string, files: Record<string, string>, encryption?: { dataKey: Buffer; passphrase: string }): Promise<void> {
  mkdirSync(path.join(folder, NOTES_FOLDER), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const plain = Buffer.from(text, 'utf8');
    writeFileSync(path.join(folder, ...name.split('/')), encryption ? encryptFile(encryption.dataKey, name, plain) : plain);
  }
  if (encryption) {
    writeFileSync(path.join(folder, ENCRYPTION_KEY_FILE), await wrapDataKey(encryption.passphrase, encryption.dataKey, CHEAP));
  }
}

function manifestText(workspaceName: string): string {
  return serializeBackupManifest({ workspaceName, workspacePath: `/home/lead/${workspaceName}`, storagePath: `/storage/${workspaceName}`, savedAt: Date.now(), people: 1, notes: 1, items: 0 });
}

describe('backups of other workspaces, each in its own form', function () {
  this.timeout(60_000);
  const stamp = Date.now();
  const name = `Ottoline Otherkey ${stamp}`;
  const sentinel = `OTHER-KEY-NOTE-${stamp}`;
  const noteId = `n${stamp}`;
  const passphrase = 'a lantern in the orchard at dusk';
  let root: string;
  let restored: string;
  let previousCodec: ByteCodec | undefined;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'two-hats-backups-'));
    restored = mkdtempSync(path.join(tmpdir(), 'two-hats-restored-'));
  });

  afterEach(() => {
    if (previousCodec) {
      useCodec(previousCodec);
      previousCodec = undefined;
    }
    rmSync(root, { recursive: true, force: true });
    rmSync(restored, { recursive: true, force: true });
  });

  it('lists a backup encrypted under another key as sealed (no name shown), and restores it to a folder its passphrase opens', async () => {
    const dataKey = newDataKey();
    await writeBackupFolder(
      path.join(root, 'sealed'),
      { [BACKUP_MANIFEST_FILE]: manifestText('moved-away'), [TEAM_FILE]: serializeTeamFile([person('p1', name)]), [`${NOTES_FOLDER}/${noteBodyName(noteId)}`]: `# 1:1\n- ${sentinel}\n` },
      { dataKey, passphrase },
    );
    await writeBackupFolder(path.join(root, 'plain'), { [BACKUP_MANIFEST_FILE]: manifestText('plain-one') });

    const listed = await listBackups(vscode.Uri.file(root));
    assert.equal(listed.length, 2, 'both backups are offered, the one under another key included');
    const sealed = listed.find((backup) => backup.sealed !== undefined);
    assert.ok(sealed, 'the encrypted one is listed as needing its passphrase');
    assert.equal(sealed.manifest, undefined, 'nothing read from inside it');
    assert.ok(Math.abs(sealed.sealed.savedAt - Date.now()) < 60_000, 'its date comes from its files');

    const copied = await restoreBackupInto(sealed, vscode.Uri.file(restored));
    assert.ok(copied >= 3, 'the key file, the team and the note were copied');
    const keyfile = readFileSync(path.join(restored, ENCRYPTION_KEY_FILE), 'utf8');
    assert.equal((await unwrapDataKey('not the passphrase at all', keyfile)).ok, false, 'a wrong passphrase opens nothing');
    const unwrapped = await unwrapDataKey(passphrase, keyfile);
    assert.ok(unwrapped.ok, 'the restored folder unlocks with the backup’s passphrase');
    const note = readFileSync(path.join(restored, NOTES_FOLDER, noteBodyName(noteId)));
    assert.ok(isEnvelope(note), 'the note was copied as it was, still encrypted');
    const decrypted = decryptFile(unwrapped.dataKey, `${NOTES_FOLDER}/${noteBodyName(noteId)}`, note);
    assert.ok(decrypted.ok && decrypted.plaintext.toString('utf8').includes(sentinel), 'and reads as written');
  });

  it('erases a person from a plain backup while the open folder is encrypted, and reports a backup it cannot open', async () => {
    // The open folder is encrypted: its codec turns away plain files, as the real one does.
    const windowKey = newDataKey();
    previousCodec = useCodec({
      encode: (plain, file) => Promise.resolve(encryptFile(windowKey, path.basename(file.fsPath), plain)),
      decode: (stored, file) => {
        const decrypted = decryptFile(windowKey, path.basename(file.fsPath), stored);
        return decrypted.ok ? Promise.resolve(decrypted.plaintext) : Promise.reject(new Error(decrypted.reason));
      },
    });
    const files = {
      [BACKUP_MANIFEST_FILE]: manifestText('plain-one'),
      [TEAM_FILE]: serializeTeamFile([person('p1', name), person('p2', `Keeper ${stamp}`)]),
      [`${NOTES_FOLDER}/${noteBodyName(noteId)}`]: `# 1:1 with ${name}\n- ${sentinel}\n`,
    };
    await writeBackupFolder(path.join(root, 'plain'), files);
    await writeBackupFolder(path.join(root, 'sealed'), files, { dataKey: newDataKey(), passphrase });
    const plainFiles = () => filesUnder(path.join(root, 'plain'));
    assert.ok(plainFiles().some((file) => readFileSync(file).includes(Buffer.from(name))), 'the name is in the plain backup before (so the check can fail)');

    const erased = await erasePersonFromBackups(vscode.Uri.file(root), 'p1', name, [noteId]);

    assert.deepEqual(
      plainFiles().filter((file) => readFileSync(file).includes(Buffer.from(name))),
      [],
      'no byte of the name is left in the plain backup',
    );
    assert.ok(readFileSync(path.join(root, 'plain', TEAM_FILE), 'utf8').includes(`Keeper ${stamp}`), 'everyone else stays');
    assert.equal(isEnvelope(readFileSync(path.join(root, 'plain', TEAM_FILE))), false, 'the plain backup stays plain');
    assert.equal(erased.touched, 1, 'the plain backup counts as cleaned');
    assert.deepEqual(
      erased.notCleaned.map((folder) => path.basename(folder.fsPath)),
      ['sealed'],
      'the backup under another key is reported as not cleaned',
    );
  });
});
