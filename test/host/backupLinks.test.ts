import * as assert from 'node:assert/strict';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { BACKUPS_FOLDER, NOTES_FOLDER, noteBodyName } from '../../src/shared/storageLayout';
import { activateTwoHats, eventually, saveOrExplain } from './helpers';

/** Reads a whole file through a descriptor opened earlier: what that file held, whatever its name holds now. */
function readOpened(fd: number): string {
  const size = 1 << 20;
  const buffer = Buffer.alloc(size);
  const read = readSync(fd, buffer, 0, size, 0);
  return buffer.subarray(0, read).toString('utf8');
}

/** Backups link unchanged notes instead of copying them (issue #15); a save must never reach into a backup. */
describe('a backup made of links to the notes', () => {
  let data: string;

  before(async () => {
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
  });

  function backupCopyOf(noteId: string): string | undefined {
    const backups = path.join(data, '..', '..', '..', 'globalStorage', path.basename(data), BACKUPS_FOLDER);
    return readdirSync(backups)
      .map((workspace) => path.join(backups, workspace, NOTES_FOLDER, noteBodyName(noteId)))
      .find((copy) => statSync(copy, { throwIfNoEntry: false })?.isFile());
  }

  it('keeps the backup’s copy as it was when a note is saved afterwards, then takes the new version', async function () {
    this.timeout(60_000);
    const stamp = Date.now();
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Linked Backup ${stamp}` });
    assert.ok(added?.ok);
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' });
    assert.ok(started);
    const editor = vscode.window.activeTextEditor!;
    const first = `First version ${stamp}`;
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 0), `${first}\n`)));
    await saveOrExplain(editor.document);
    const source = path.join(data, NOTES_FOLDER, noteBodyName(started.noteId));
    const copy = await eventually(() => {
      const found = backupCopyOf(started.noteId);
      return found && readFileSync(found, 'utf8').includes(first) ? found : undefined;
    }, 'the backup of the first version');
    assert.equal(statSync(copy).ino, statSync(source).ino, 'on this disk the backup is a second name of the note, not a copy');

    const fd = openSync(copy, 'r');
    try {
      const backedUp = readOpened(fd);
      const second = `Second version ${stamp}`;
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 0), `${second}\n`)));
      await saveOrExplain(editor.document);
      assert.ok(readFileSync(source, 'utf8').includes(second), 'the note holds the new version');
      assert.equal(readOpened(fd), backedUp, 'the file the backup held was not changed by the save');
      assert.ok(!readOpened(fd).includes(second));
      // The rolling backup then takes the new version, as a link again.
      await eventually(() => (readFileSync(copy, 'utf8').includes(second) ? true : undefined), 'the backup of the second version');
      assert.equal(statSync(copy).ino, statSync(source).ino);
    } finally {
      closeSync(fd);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
