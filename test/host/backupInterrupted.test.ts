import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BackupKeeper } from '../../src/host/storage/backups';
import { DelegationStore } from '../../src/host/storage/delegationStore';
import { backupFolderFor } from '../../src/host/storage/layout';
import { NoteStore } from '../../src/host/storage/noteStore';
import { TeamStore } from '../../src/host/storage/teamStore';
import { BACKUPS_FOLDER, BACKUP_MANIFEST_FILE, NOTES_FOLDER, noteBodyName, noteHeaderName } from '../../src/shared/storageLayout';

/**
 * The first backup of a store copies every note (issue #15). A backup that did not finish is not
 * one: it is never listed for restore, not even after later changes are copied into it, and the
 * next pass finishes it. Real stores and a real keeper on folders of their own.
 */
describe('a first backup that did not finish', function () {
  this.timeout(60_000);
  const root = mkdtempSync(path.join(tmpdir(), 'two-hats-backup-interrupted-'));
  const data = vscode.Uri.file(path.join(root, 'data'));
  const backupsRoot = vscode.Uri.file(path.join(root, BACKUPS_FOLDER));
  const identity = { workspaceName: 'interrupted', workspacePath: '/interrupted', storagePath: path.join(root, 'data') };
  const team = new TeamStore();
  const delegation = new DelegationStore();
  const notes = new NoteStore();
  const log = vscode.window.createOutputChannel('Two Hats interrupted backup test', { log: true });
  const keeper = new BackupKeeper(backupsRoot, { team, delegation, notes }, log);
  const backupNotes = path.join(backupFolderFor(backupsRoot, identity.storagePath).fsPath, NOTES_FOLDER);
  const noteIds: string[] = [];

  before(async () => {
    const location = { kind: 'folder' as const, uri: data, scope: 'workspace' as const };
    await Promise.all([team.open(location), delegation.open(location), notes.open(data)]);
    const added = await team.add({ name: 'Ida Interrupted', role: 'Engineer', cadence: 'weekly' });
    assert.ok(added.ok);
    for (let i = 0; i < 40; i++) {
      const note = await notes.create({ personId: added.person.id, date: '2026-11-30', templateId: 'weekly', title: `Note ${i}`, content: `# Note ${i}\n\nSaid ${i}.\n` });
      noteIds.push(note.id);
    }
    // A note written by another program, readable by everyone: its backup copy is still private.
    chmodSync(path.join(data.fsPath, NOTES_FOLDER, noteBodyName(noteIds[0]!)), 0o644);
  });

  after(() => {
    [keeper, team, delegation, notes, log].forEach((d) => d.dispose());
    rmSync(root, { recursive: true, force: true });
  });

  const listed = async () => (await keeper.list()).filter((backup) => backup.manifest?.storagePath === identity.storagePath);

  it('is not listed for restore, even after a later change is copied, and the next pass completes it', async () => {
    // A folder where one copy must go stops the pass part-way, as a crash would.
    const inTheWay = path.join(backupNotes, noteBodyName(noteIds[20]!));
    mkdirSync(path.join(inTheWay, 'blocked'), { recursive: true });
    await keeper.follow(data, identity);
    await keeper.flush();
    assert.ok(readdirSync(backupNotes).length > 2, 'the pass copied some notes before it stopped');
    assert.deepEqual(await listed(), [], 'a backup that stopped part-way is not offered');

    // A change after it: a pass over that note alone must not make the half backup look whole.
    await notes.write(noteIds[1]!, '# Note 1\n\nChanged.\n');
    await keeper.flush();
    assert.deepEqual(await listed(), [], 'still not offered after a change was copied into it');

    rmSync(inTheWay, { recursive: true, force: true });
    await notes.write(noteIds[2]!, '# Note 2\n\nChanged too.\n');
    await keeper.flush();
    const [backup] = await listed();
    assert.ok(backup, 'the backup is offered once every note is copied');
    assert.equal(backup.manifest?.notes, 40);
    for (const id of noteIds) {
      for (const name of [noteBodyName(id), noteHeaderName(id)]) {
        const copy = path.join(backupNotes, name);
        assert.deepEqual(readFileSync(copy), readFileSync(path.join(data.fsPath, NOTES_FOLDER, name)), name);
        assert.equal((statSync(copy).mode & 0o777).toString(8), '600', `${name} is for the user's eyes only`);
      }
    }
    assert.ok(readdirSync(path.dirname(backupNotes)).includes(BACKUP_MANIFEST_FILE));
    assert.deepEqual(
      readdirSync(backupNotes).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary copies left behind',
    );
  });
});
