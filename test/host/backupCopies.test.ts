import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { BACKUPS_FOLDER, NOTES_FOLDER, noteBodyName } from '../../src/shared/storageLayout';
import { activateTwoHats, eventually, saveOrExplain } from './helpers';

/**
 * Backups are copied by the operating system (issue #15), and each copy is a file of its own:
 * a hard link would share the note's file, so a program writing into the note in place, or
 * damage to either file, would reach the other.
 */
describe('a backup copy of a note', () => {
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

  it('is separate from the note: damage to the backup leaves the note alone, and a write into the note leaves the backup alone', async function () {
    this.timeout(60_000);
    const stamp = Date.now();
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Backup Copy ${stamp}` });
    assert.ok(added?.ok);
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' });
    assert.ok(started);
    const editor = vscode.window.activeTextEditor!;
    const first = `Backed up version ${stamp}`;
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 0), `${first}\n`)));
    await saveOrExplain(editor.document);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const source = path.join(data, NOTES_FOLDER, noteBodyName(started.noteId));
    const copy = await eventually(() => {
      const found = backupCopyOf(started.noteId);
      return found && readFileSync(found, 'utf8').includes(first) ? found : undefined;
    }, 'the backup of the note', 40_000);
    const note = readFileSync(source);
    const backedUp = readFileSync(copy);
    assert.deepEqual(backedUp, note, 'the backup holds the note’s bytes');

    // Damage on disk to the backup, written into its file in place.
    writeFileSync(copy, `damaged ${stamp}`);
    assert.deepEqual(readFileSync(source), note, 'the note is unchanged by damage to its backup');
    writeFileSync(copy, backedUp);

    // Another program writes into the note's file in place, not through a rename.
    const outside = `Written by another program ${stamp}`;
    writeFileSync(source, Buffer.concat([note, Buffer.from(`\n${outside}\n`)]));
    assert.deepEqual(readFileSync(copy), backedUp, 'the backup keeps what it held when the note is written into');

    // The rolling backup then takes the new version, as a file of its own again.
    await eventually(() => (readFileSync(copy, 'utf8').includes(outside) ? true : undefined), 'the backup of the note written outside', 40_000);
    assert.notEqual(statSync(copy).ino, statSync(source).ino, 'the backup is a file of its own');
  });
});
