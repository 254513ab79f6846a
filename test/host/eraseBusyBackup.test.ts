import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import { withDataLock } from '../../src/host/storage/dataLock';
import { encodePack } from '../../src/host/storage/notePackFormat';
import type { MutationResult } from '../../src/host/storage/teamStore';
import type { Erased } from '../../src/host/team/erasePerson';
import { serializeBackupManifest } from '../../src/shared/backups';
import { BACKUP_MANIFEST_FILE, BACKUPS_FOLDER, isFileOfNote, NOTE_PACK_FILE, NOTES_FOLDER, TEAM_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats, filesUnder } from './helpers';

/**
 * Another window holds the data lock of a workspace whose backup holds the person's notes in a
 * pack (Encrypt My Notes over a large store takes longer than a lock is waited for): the erasure
 * cannot remove that pack. Busy is not damaged: the backup is never offered for deletion, the
 * person stays listed, and the next Delete Person finishes.
 */
describe('erasing a person while another window is busy with a backup that holds their notes', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const name = `Busy Backupperson ${stamp}`;
  const otherData = mkdtempSync(path.join(tmpdir(), 'two-hats-busy-data-'));
  let data: string;
  let busyBackup: string;

  before(async () => {
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    const globalStorage = path.join(data, '..', '..', '..', 'globalStorage', path.basename(data));
    busyBackup = path.join(globalStorage, BACKUPS_FOLDER, `busy-${stamp}`);
  });

  after(() => {
    rmSync(busyBackup, { recursive: true, force: true });
    rmSync(otherData, { recursive: true, force: true });
  });

  it('says the backup is in use, never offers to delete it, keeps the person listed, and the next try cleans it', async () => {
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
    assert.ok(added?.ok);
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' });
    assert.ok(started);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const theirFiles = readdirSync(path.join(data, NOTES_FOLDER)).filter((file) => isFileOfNote(file, started.noteId));
    assert.ok(theirFiles.length >= 2, 'their note is on disk');
    // Another workspace's backup (its data folder is on this machine), their note in its pack.
    mkdirSync(busyBackup, { recursive: true });
    const manifest = { workspaceName: 'busy', workspacePath: '/busy', storagePath: otherData, savedAt: Date.now(), people: 1, notes: 1, items: 0 };
    writeFileSync(path.join(busyBackup, BACKUP_MANIFEST_FILE), serializeBackupManifest(manifest));
    writeFileSync(path.join(busyBackup, TEAM_FILE), readFileSync(path.join(data, TEAM_FILE)));
    const pack = path.join(busyBackup, NOTE_PACK_FILE);
    writeFileSync(pack, encodePack(theirFiles.map((file) => ({ name: file, bytes: readFileSync(path.join(data, NOTES_FOLDER, file)) }))));
    const namedAfterTheirNote = () => filesUnder(busyBackup).filter((file) => isFileOfNote(path.basename(file), started.noteId));

    let first: Erased | undefined;
    // Longer than a lock is waited for (ten seconds): the other window holds it all the while.
    await withDataLock(vscode.Uri.file(otherData), async () => {
      first = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId: added.person.id, typedName: name });
    });
    assert.ok(first, 'the erasure ran');
    assert.equal(first.backupsInUse, 1, `the backup is reported in use: ${JSON.stringify(first)}`);
    assert.equal(first.backupsNotCleaned, 0, 'a busy backup is never taken for an unreadable one (that would offer to delete it)');
    assert.ok(readFileSync(path.join(data, TEAM_FILE)).includes(Buffer.from(name)), 'the person stays listed, so the next try finds them');
    assert.ok(existsSync(pack), 'the pack that holds their note stays while the lock is held');

    const second = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId: added.person.id, typedName: name });
    assert.ok(second);
    assert.equal(second.backupsInUse, 0);
    assert.equal(second.backupsNotCleaned, 0);
    assert.ok(!readFileSync(path.join(data, TEAM_FILE)).includes(Buffer.from(name)), 'the person is gone from the team');
    assert.equal(existsSync(pack), false, 'the pack went');
    assert.deepEqual(namedAfterTheirNote(), [], 'no file of their note is left in that backup');
    assert.ok(!readFileSync(path.join(busyBackup, TEAM_FILE)).includes(Buffer.from(name)), 'nor their name in its team copy');
  });
});
