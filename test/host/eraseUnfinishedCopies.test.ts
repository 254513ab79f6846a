/**
 * Delete Person when something besides the live note files cannot be changed: the note index
 * (which holds their notes' titles and open items), a copy of their note in a backup, a copy set
 * aside in the data folder. Each is said as not finished, never "Deleted", and the person stays
 * listed until a later try gets them all.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import type { Erased } from '../../src/host/team/erasePerson';
import { BACKUPS_FOLDER, NOTE_INDEX_FILE, noteBodyName, TEAM_FILE, undecodableOriginalName } from '../../src/shared/storageLayout';
import { activateTwoHats, eventually, filesHolding, filesUnder } from './helpers';

interface Person {
  readonly data: string;
  readonly backups: string;
  readonly id: string;
  readonly noteId: string;
}

async function personWithNote(name: string, noteText: string): Promise<Person> {
  const api = await activateTwoHats();
  const data = api.dataLocation()!.fsPath;
  const backups = path.join(data, '..', '..', '..', 'globalStorage', path.basename(data), BACKUPS_FOLDER);
  const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
  assert.ok(added?.ok);
  const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' });
  assert.ok(started);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  const body = path.join(data, 'notes', noteBodyName(started.noteId));
  writeFileSync(body, `${readFileSync(body, 'utf8')}\n${noteText}\n`);
  return { data, backups, id: added.person.id, noteId: started.noteId };
}

function deletePerson(id: string, name: string): Thenable<Erased | undefined> {
  return vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId: id, typedName: name });
}

function listed(data: string, name: string): boolean {
  return readFileSync(path.join(data, TEAM_FILE)).includes(Buffer.from(name));
}

/**
 * Makes a file impossible to delete or rewrite, as a program holding it does: immutable for root
 * (whom permissions do not stop), its folder read-only for anyone else. Answers how to let go.
 */
function hold(file: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', file]);
    return () => execFileSync('chattr', ['-i', file]);
  }
  chmodSync(path.dirname(file), 0o555);
  return () => chmodSync(path.dirname(file), 0o755);
}

describe('erasing a person when the note index, a backup copy or a set-aside copy cannot be changed', function () {
  this.timeout(120_000);
  const stamp = Date.now();

  it('the note index cannot be written: not finished, still listed; once it can, deleting again finishes and the index no longer names them', async () => {
    const name = `Indra Heldindex ${stamp}`;
    const person = await personWithNote(name, `Index words ${stamp}`);
    const index = path.join(person.data, NOTE_INDEX_FILE);
    await eventually(() => readFileSync(index).includes(Buffer.from(person.noteId)), 'the note in the index', 30_000);
    const kept = readFileSync(index);
    // A folder where the index is, with something in it: writing the index fails, as a held file does.
    rmSync(index);
    mkdirSync(index);
    writeFileSync(path.join(index, 'held'), kept);
    try {
      const first = await deletePerson(person.id, name);
      assert.ok(first && first.notFinished.length > 0, `says it is not finished: ${JSON.stringify(first)}`);
      assert.ok(listed(person.data, name), 'still listed, so a second try finds them');
    } finally {
      rmSync(index, { recursive: true, force: true });
      writeFileSync(index, kept);
    }
    const second = await deletePerson(person.id, name);
    assert.deepEqual(second?.notFinished, [], JSON.stringify(second));
    assert.ok(!listed(person.data, name));
    assert.ok(!readFileSync(index).includes(Buffer.from(person.noteId)), 'the index no longer holds their note');
    assert.deepEqual(filesHolding(person.data, name), [], 'no file in the data folder holds the name');
  });

  it('a copy of their note in a backup cannot be deleted: not finished, still listed; once it can, deleting again leaves nothing in the backups', async () => {
    const name = `Bodo Heldbackup ${stamp}`;
    const noteText = `Backup words ${stamp}`;
    const person = await personWithNote(name, noteText);
    const backupBody = await eventually(
      () => filesUnder(person.backups).find((file) => path.basename(file) === noteBodyName(person.noteId) && readFileSync(file).includes(Buffer.from(noteText))),
      'a backup of the note',
      100_000,
    );
    const blocker = path.join(path.dirname(backupBody), undecodableOriginalName(person.noteId, 1764410400000));
    mkdirSync(blocker);
    writeFileSync(path.join(blocker, 'held'), noteText);
    try {
      const first = await deletePerson(person.id, name);
      assert.ok(first && first.notFinished.length > 0, `says it is not finished: ${JSON.stringify(first)}`);
      assert.ok(listed(person.data, name), 'still listed, so a second try finds them');
    } finally {
      rmSync(blocker, { recursive: true, force: true });
    }
    writeFileSync(blocker, noteText);
    const second = await deletePerson(person.id, name);
    assert.deepEqual(second?.notFinished, [], JSON.stringify(second));
    assert.deepEqual(filesHolding([person.data, person.backups], name), [], 'no file holds the name');
    assert.deepEqual(filesHolding([person.data, person.backups], noteText), [], 'no file holds the note');
  });

  it('a copy set aside in the data folder cannot be deleted: not finished, still listed; once it can, deleting again deletes it', async () => {
    const name = `Sela Heldaside ${stamp}`;
    const person = await personWithNote(name, `Aside words ${stamp}`);
    const folder = path.join(person.data, `held-${stamp}`);
    mkdirSync(folder);
    // Damaged, so it cannot be rewritten without them: it must go.
    const copy = path.join(folder, 'team.corrupt-2026-11-02T10-00-00-000Z.json');
    writeFileSync(copy, `{"people":[{"name":"${name}"`);
    let release: (() => void) | undefined = hold(copy);
    try {
      const first = await deletePerson(person.id, name);
      assert.ok(first && first.notFinished.length > 0, `says it is not finished: ${JSON.stringify(first)}`);
      assert.ok(listed(person.data, name), 'still listed, so a second try finds them');
      release();
      release = undefined;
      const second = await deletePerson(person.id, name);
      assert.deepEqual(second?.notFinished, [], JSON.stringify(second));
      assert.deepEqual(filesHolding(person.data, name), [], 'no file in the data folder holds the name');
    } finally {
      release?.();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
