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
import { serializeNoteHeader } from '../../src/shared/oneOnOnes/noteIndex';
import { BACKUPS_FOLDER, isFileOfNote, noteBodyName, NOTES_FOLDER, TEAM_FILE, undecodableOriginalName } from '../../src/shared/storageLayout';
import { activateTwoHats, filesHolding } from './helpers';

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

/**
 * The reviewer's case: the file stays held past the first try. Until every file of the note is
 * gone its body stays, so the note stays listed and each Delete says it is not finished; an
 * earlier version deleted the body anyway, the note dropped out of the index, and the next Delete
 * said "Deleted" over a kept original holding the whole note.
 */
describe('erasing a person when a file of their note stays held after the first try', function () {
  this.timeout(90_000);
  const stamp = Date.now();
  const name = `Ines Stillheld ${stamp}`;
  const noteText = `Words only Ines said ${stamp}`;

  it('keeps the note listed and says not finished at every try while the file is held; once it is free, deleting finishes and no file holds the name or the note', async () => {
    const api = await activateTwoHats();
    const data = api.dataLocation()!.fsPath;
    const backups = path.join(data, '..', '..', '..', 'globalStorage', path.basename(data), BACKUPS_FOLDER);
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
    assert.ok(added?.ok);
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' });
    assert.ok(started);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const body = path.join(data, NOTES_FOLDER, noteBodyName(started.noteId));
    writeFileSync(body, `${readFileSync(body, 'utf8')}\n${noteText}\n`);
    const blocker = path.join(data, NOTES_FOLDER, undecodableOriginalName(started.noteId, 1764410400000));
    mkdirSync(blocker);
    writeFileSync(path.join(blocker, 'held'), noteText);
    try {
      const first = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId: added.person.id, typedName: name });
      assert.ok(first && first.notFinished.length > 0, `the first try says it is not finished: ${JSON.stringify(first)}`);
      // Long enough for the watcher (300 ms) to see what the first try deleted, and the index to be written.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.ok(existsSync(body), 'the body stays while a file of the note is left, so the note stays listed');
      const second = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId: added.person.id, typedName: name });
      assert.ok(second && second.notFinished.length > 0, `a second try, the file still held, is not finished either: ${JSON.stringify(second)}`);
      assert.ok(readFileSync(path.join(data, TEAM_FILE)).includes(Buffer.from(name)), 'the person is still listed');
    } finally {
      rmSync(blocker, { recursive: true, force: true });
    }
    // The holder lets go: what was held is the kept original itself, the whole note in it.
    writeFileSync(blocker, noteText);
    const third = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId: added.person.id, typedName: name });
    assert.deepEqual(third?.notFinished, [], JSON.stringify(third));
    assert.deepEqual(filesHolding([data, backups], name), [], 'no file holds the name');
    assert.deepEqual(filesHolding([data, backups], noteText), [], 'no file holds the note');
  });

  it('also deletes a header of theirs and a kept original that no listed note owns (left behind by an earlier version)', async () => {
    const api = await activateTwoHats();
    const data = api.dataLocation()!.fsPath;
    const orphanName = `Olaf Orphanheader ${stamp}`;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: orphanName });
    assert.ok(added?.ok);
    const notes = path.join(data, NOTES_FOLDER);
    const header = path.join(notes, `orphan-${stamp}.header.json`);
    writeFileSync(header, serializeNoteHeader({ id: `orphan-${stamp}`, personId: added.person.id, date: '2026-11-02', templateId: 'weekly', title: `1:1 with ${orphanName}`, createdAt: stamp }));
    const original = path.join(notes, undecodableOriginalName(`gone-${stamp}`, 1764410400000));
    writeFileSync(original, `# 1:1 with ${orphanName}\n${noteText}\n`);
    const erased = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId: added.person.id, typedName: orphanName });
    assert.deepEqual(erased?.notFinished, [], JSON.stringify(erased));
    assert.ok(!existsSync(header), 'the header naming them is gone');
    assert.ok(!existsSync(original), 'the kept original of a note no longer listed is gone');
    assert.deepEqual(filesHolding(data, orphanName), [], 'no file in the data folder holds the name');
  });
});
