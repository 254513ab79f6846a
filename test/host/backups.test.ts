import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { activateTwoHats, eventually, readText } from './helpers';
import { noteBodyUri } from '../../src/host/storage/layout';
import { BACKUPS_FOLDER, BACKUP_MANIFEST_FILE, NOTES_FOLDER, noteBodyName } from '../../src/shared/storageLayout';

/** The rolling backup in global storage, which outlives a moved workspace folder. */
describe('the rolling backup of a workspace’s notes', () => {
  let folder: vscode.Uri;
  let personId: string;

  before(async () => {
    const api = await activateTwoHats();
    folder = api.dataLocation()!;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Chien-Shiung ${Date.now()}` });
    assert.ok(added?.ok);
    personId = added.person.id;
  });

  /** `<user data>/User/workspaceStorage/<id>/<extension>` → `<user data>/User/globalStorage/<extension>/backups`. */
  function backupCopyOf(noteId: string): string | undefined {
    const backups = path.join(folder.fsPath, '..', '..', '..', 'globalStorage', path.basename(folder.fsPath), BACKUPS_FOLDER);
    // Not there before the workspace's first backup (when this file runs first): no copy yet.
    for (const workspace of existsSync(backups) ? readdirSync(backups) : []) {
      const copy = path.join(backups, workspace, NOTES_FOLDER, noteBodyName(noteId));
      try {
        statSync(copy);
        return copy;
      } catch {
        // Not this workspace's backup.
      }
    }
    return undefined;
  }

  async function startNote(): Promise<string> {
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' });
    assert.ok(started);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    return started.noteId;
  }

  it('fills in a note missing from the backup at the next load, and leaves the copies of unchanged notes alone', async () => {
    const [missing, untouched] = [await startNote(), await startNote()];
    const missingCopy = await eventually(() => backupCopyOf(missing), 'a backup copy of the new note');
    const untouchedCopy = await eventually(() => backupCopyOf(untouched), 'a backup copy of the other new note');
    const manifest = path.join(path.dirname(path.dirname(untouchedCopy)), BACKUP_MANIFEST_FILE);
    const untouchedWritten = statSync(untouchedCopy).mtimeMs;
    rmSync(missingCopy);

    const reloadedAt = Date.now();
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    // Every load backs up the whole workspace: wait for that backup to finish.
    await eventually(() => ((JSON.parse(readFileSync(manifest, 'utf8')) as { savedAt: number }).savedAt >= reloadedAt ? true : undefined), 'a backup after the reload');

    assert.equal(readFileSync(missingCopy, 'utf8'), await readText(noteBodyUri(folder, missing)), 'the missing copy is back, whole');
    assert.equal(statSync(untouchedCopy).mtimeMs, untouchedWritten, 'the unchanged note’s copy was not written again');
  });

  it('copies a note changed outside Two Hats at the next load, though an older copy of it exists', async () => {
    const changed = await startNote();
    const copy = await eventually(() => backupCopyOf(changed), 'a backup copy of the new note');
    await eventually(() => (readFileSync(copy, 'utf8').length > 0 ? true : undefined), 'the copy written');
    const source = path.join(folder.fsPath, NOTES_FOLDER, noteBodyName(changed));
    // Edited by hand or by a sync tool while the window was closed: a newer file, same header.
    const edited = `${readFileSync(source, 'utf8')}\n- Added outside Two Hats ${Date.now()}\n`;
    writeFileSync(source, edited);

    await vscode.commands.executeCommand(COMMANDS.reloadData);
    await eventually(() => (readFileSync(copy, 'utf8') === edited ? true : undefined), 'the edited note in the backup');
  });
});
