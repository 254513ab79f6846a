/**
 * Delete Person when a file cannot be deleted (held by another program, no permission): the user
 * is told it is not finished, never "Deleted", and the person stays listed so that running it
 * again, once the file is free, finishes the job.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import type { Erased } from '../../src/host/team/erasePerson';
import { isFileOfNote, NOTES_FOLDER, TEAM_FILE, undecodableOriginalName } from '../../src/shared/storageLayout';
import { activateTwoHats } from './helpers';

describe('erasing a person when a file of theirs cannot be deleted', function () {
  this.timeout(60_000);
  const name = `Ines Unfinished ${Date.now()}`;

  it('says it is not finished and keeps them listed; once the file is free, deleting again finishes', async () => {
    const api = await activateTwoHats();
    const data = api.dataLocation()!.fsPath;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
    assert.ok(added?.ok);
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' });
    assert.ok(started);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // A file of the note that cannot be deleted: a folder with something in it, where the kept
    // original of a note would be (deleting it without "recursive" fails, as a held file does).
    const blocker = path.join(data, NOTES_FOLDER, undecodableOriginalName(started.noteId, 1764410400000));
    mkdirSync(blocker);
    writeFileSync(path.join(blocker, 'held'), 'held');
    const noteFiles = () => readdirSync(path.join(data, NOTES_FOLDER)).filter((file) => isFileOfNote(file, started.noteId));
    try {
      const first = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId: added.person.id, typedName: name });
      assert.ok(first && first.notFinished.length > 0, `the erasure says it is not finished: ${JSON.stringify(first)}`);
      assert.ok(readFileSync(path.join(data, TEAM_FILE)).includes(Buffer.from(name)), 'the person stays on the team, so a second try finds them');
    } finally {
      rmSync(blocker, { recursive: true, force: true });
    }
    const second = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId: added.person.id, typedName: name });
    assert.deepEqual(second?.notFinished, [], JSON.stringify(second));
    assert.ok(!readFileSync(path.join(data, TEAM_FILE)).includes(Buffer.from(name)), 'the person is gone from the team file');
    assert.deepEqual(noteFiles(), [], 'no file of their note is left');
    assert.ok(!existsSync(blocker));
  });
});
