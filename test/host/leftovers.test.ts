import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { activateTwoHats, eventually, readText } from './helpers';
import { notesFolder } from '../../src/host/storage/layout';
import { LOCK_FILE, NOTE_INDEX_FILE, TEAM_FILE, noteBodyName, tempName } from '../../src/shared/storageLayout';

const encoder = new TextEncoder();

describe('temporary files left by an interrupted save', () => {
  let folder: vscode.Uri;

  before(async () => {
    folder = (await activateTwoHats()).dataLocation()!;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Leftover ${Date.now()}` });
    assert.ok(added?.ok);
  });

  async function names(dir: vscode.Uri): Promise<string[]> {
    return (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name);
  }

  it('are resolved on the next load: the newest complete team file wins when the save never landed, nothing is left behind', async () => {
    const team = vscode.Uri.joinPath(folder, TEAM_FILE);
    const saved = (await readText(team))!;
    // A save cut off after writing its temporary file, before the rename: the target is gone.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, `${TEAM_FILE}.0123456789ab.tmp`), encoder.encode(saved));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, `${TEAM_FILE}.ba9876543210.tmp`), encoder.encode(saved.slice(0, 20)));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(notesFolder(folder), `${noteBodyName('abc')}.00112233aabb.tmp`), encoder.encode('half a no'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, `${NOTE_INDEX_FILE}.00112233aabb.tmp`), encoder.encode('{"sche'));
    await vscode.workspace.fs.delete(team);

    await vscode.commands.executeCommand(COMMANDS.reloadData);
    assert.equal(await readText(team), saved, 'the complete temporary file took the target’s place');
    assert.deepEqual((await names(folder)).filter((n) => n.endsWith('.tmp')), []);
    assert.deepEqual((await names(notesFolder(folder))).filter((n) => n.endsWith('.tmp')), []);
  });

  it('are left alone while their window still runs: another window’s save in flight survives this one’s start', async () => {
    const notes = notesFolder(folder);
    // A process that has come and gone: its pid names a window that crashed mid-save.
    const gone = spawnSync(process.execPath, ['-e', ''], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }).pid;
    const inFlight = vscode.Uri.joinPath(notes, tempName(noteBodyName('abc'), process.pid, '00112233aabb'));
    const teamInFlight = vscode.Uri.joinPath(folder, tempName(TEAM_FILE, process.pid, '00112233aabb'));
    const crashed = vscode.Uri.joinPath(notes, tempName(noteBodyName('abc'), gone, 'ffeeddccbbaa'));
    await vscode.workspace.fs.writeFile(inFlight, encoder.encode('half a note being written'));
    await vscode.workspace.fs.writeFile(teamInFlight, encoder.encode('{"schemaVersion"'));
    await vscode.workspace.fs.writeFile(crashed, encoder.encode('half a no'));

    await vscode.commands.executeCommand(COMMANDS.reloadData);
    await eventually(async () => !(await names(notes)).includes(crashed.path.split('/').pop()!), 'the crashed window’s temporary file to be removed');
    assert.equal(await readText(inFlight), 'half a note being written', 'the live window’s note temp is untouched');
    assert.equal(await readText(teamInFlight), '{"schemaVersion"', 'the live window’s team temp is neither adopted nor removed');
    assert.ok(!(await names(folder)).includes(LOCK_FILE), 'the lock is released after the start');
    await vscode.workspace.fs.delete(inFlight);
    await vscode.workspace.fs.delete(teamInFlight);
  });
});
