import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { activateTwoHats, readText } from './helpers';

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
    const team = vscode.Uri.joinPath(folder, 'team.json');
    const saved = (await readText(team))!;
    // A save cut off after writing its temporary file, before the rename: the target is gone.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'team.json.0123456789ab.tmp'), encoder.encode(saved));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'team.json.ba9876543210.tmp'), encoder.encode(saved.slice(0, 20)));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'notes', 'abc.md.00112233aabb.tmp'), encoder.encode('half a no'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'notes-index.json.00112233aabb.tmp'), encoder.encode('{"sche'));
    await vscode.workspace.fs.delete(team);

    await vscode.commands.executeCommand(COMMANDS.reloadData);
    assert.equal(await readText(team), saved, 'the complete temporary file took the target’s place');
    assert.deepEqual((await names(folder)).filter((n) => n.endsWith('.tmp')), []);
    assert.deepEqual((await names(vscode.Uri.joinPath(folder, 'notes'))).filter((n) => n.endsWith('.tmp')), []);
  });
});
