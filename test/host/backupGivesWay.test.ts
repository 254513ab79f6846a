/**
 * The first backup of a large store is background work: a save in the same window that wants the
 * data lock while the pack is being written gets it after a few reads, not after the pass's whole
 * locked step (2,048 note files), and before the pass's next step.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { copyNoteFiles } from '../../src/host/storage/backupNoteCopies';
import { BackupKeeper } from '../../src/host/storage/backups';
import { withDataLock } from '../../src/host/storage/dataLock';
import { DelegationStore } from '../../src/host/storage/delegationStore';
import { backupFolderFor } from '../../src/host/storage/layout';
import { NoteStore } from '../../src/host/storage/noteStore';
import { readPackNames } from '../../src/host/storage/notePack';
import { TeamStore } from '../../src/host/storage/teamStore';
import { BACKUPS_FOLDER, LOCK_FILE, NOTE_PACK_FILE, TEMP_TAIL } from '../../src/shared/storageLayout';
import { seedStorage } from '../bench/seed';

describe('a save while the first backup of a large store is packed', function () {
  this.timeout(120_000);
  const root = mkdtempSync(path.join(tmpdir(), 'two-hats-backup-gives-way-'));
  const data = vscode.Uri.file(path.join(root, 'data'));
  const identity = { workspaceName: 'gives-way', workspacePath: '/gives-way', storagePath: data.fsPath };
  const team = new TeamStore();
  const delegation = new DelegationStore();
  const notes = new NoteStore();
  const log = vscode.window.createOutputChannel('Two Hats backup gives way test', { log: true });
  const backupsRoot = vscode.Uri.file(path.join(root, BACKUPS_FOLDER));
  const keeper = new BackupKeeper(backupsRoot, { team, delegation, notes }, log);
  const backupFolder = backupFolderFor(backupsRoot, identity.storagePath).fsPath;
  const NOTES = 3000;

  after(() => {
    [keeper, team, delegation, notes, log].forEach((d) => d.dispose());
    rmSync(root, { recursive: true, force: true });
  });

  /** The pack being written, under its temporary name, once the pass has begun it. */
  const packUnderWay = () => (existsSync(backupFolder) ? readdirSync(backupFolder).find((name) => name.startsWith(`${NOTE_PACK_FILE}.`) && TEMP_TAIL.test(name)) : undefined);

  it('takes the data lock after at most a hundred of the 6,000 note files are read, then the pass goes on and packs them all', async () => {
    const seeded = seedStorage(data.fsPath, 1, NOTES);
    const location = { kind: 'folder' as const, uri: data, scope: 'workspace' as const };
    await Promise.all([team.open(location), delegation.open(location), notes.open(data)]);
    assert.equal(notes.all.length, NOTES);
    const noteFiles = readdirSync(path.join(data.fsPath, 'notes'));
    const bytesPerFile = noteFiles.reduce((sum, name) => sum + statSync(path.join(data.fsPath, 'notes', name)).size, 0) / noteFiles.length;

    await keeper.follow(data, identity);
    const pass = keeper.flush();
    // The save arrives as the pass holds the lock for its pack's first step: the old pass read
    // 2,048 files before it let go.
    const lockHeld = () => existsSync(path.join(data.fsPath, LOCK_FILE));
    let temp: string | undefined;
    for (let waited = 0; !((temp = packUnderWay()) && lockHeld()); waited++) {
      assert.ok(waited < 60_000, 'the pass began a pack and took the lock for it');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const packed = () => {
      try {
        return statSync(path.join(backupFolder, temp)).size;
      } catch {
        return Number.NaN;
      }
    };
    const whenAsked = packed();
    const whenHeld = await withDataLock(data, () => Promise.resolve(packed()));
    const filesReadMeanwhile = (whenHeld - whenAsked) / bytesPerFile;
    assert.ok(Number.isFinite(whenHeld), 'the pack was still being written when the save held the lock (the check could not fail otherwise)');
    assert.ok(filesReadMeanwhile <= 3 * 32, `the save waited while ${Math.round(filesReadMeanwhile)} note files were read into the pack`);

    await pass;
    const names = await readPackNames(vscode.Uri.file(backupFolder));
    assert.equal(names?.size, noteFiles.length, 'every note file is in the pack');
    assert.ok(seeded.notes.every((note) => names.has(`${note.id}.md`)));
  });

  it('copies file by file a few at a time once a save waits, and every copy in full when none does', async () => {
    const from = path.join(root, 'copy-from');
    mkdirSync(from, { recursive: true });
    const names = Array.from({ length: 40 }, (_, i) => `note-${String(i).padStart(2, '0')}.md`);
    names.forEach((name, i) => writeFileSync(path.join(from, name), `note ${i}\n`.repeat(50)));
    const jobs = names.map((name) => ({ name, kind: 'new' as const }));
    const copy = async () => undefined;

    const waitedFor = path.join(root, 'copy-to-while-a-save-waits');
    mkdirSync(waitedFor);
    const begun = await copyNoteFiles(jobs, vscode.Uri.file(from), vscode.Uri.file(waitedFor), copy, () => true);
    const copied = readdirSync(waitedFor).filter((name) => names.includes(name)).sort();
    assert.ok(begun >= 1 && begun < names.length, `some copies and not all (${begun} of ${names.length})`);
    assert.deepEqual(copied, names.slice(0, begun), 'the first ones, each counted: the next step goes on from there');

    const whole = path.join(root, 'copy-to-at-rest');
    mkdirSync(whole);
    assert.equal(await copyNoteFiles(jobs, vscode.Uri.file(from), vscode.Uri.file(whole), copy), names.length);
    for (const name of names) {
      assert.equal(readFileSync(path.join(whole, name), 'utf8'), readFileSync(path.join(from, name), 'utf8'));
    }
  });
});
