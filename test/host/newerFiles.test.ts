import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { ItemResult } from '../../src/host/storage/delegationStore';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { activateTwoHats, eventually, readText } from './helpers';
import { BACKUPS_FOLDER, TEAM_FILE } from '../../src/shared/storageLayout';

const encoder = new TextEncoder();

/** A window running an older Two Hats meets a team file written by a newer one. */
describe('a data file from a newer Two Hats', () => {
  let folder: vscode.Uri;
  let team: vscode.Uri;
  let good: string;

  before(async () => {
    folder = (await activateTwoHats()).dataLocation()!;
    team = vscode.Uri.joinPath(folder, TEAM_FILE);
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Hedy ${Date.now()}` });
    assert.ok(added?.ok);
    good = (await readText(team))!;
  });

  after(async () => {
    // Leaves the window as the other tests expect it: the good file back, read-only lifted.
    await vscode.workspace.fs.writeFile(team, encoder.encode(good));
    await vscode.commands.executeCommand(COMMANDS.reloadData);
  });

  /** `<user data>/User/workspaceStorage/<id>/<extension>` → this workspace's backup copy of team.json. */
  function backupOfTeam(): string | undefined {
    const backups = path.join(folder.fsPath, '..', '..', '..', 'globalStorage', path.basename(folder.fsPath), BACKUPS_FOLDER);
    let workspaces: string[];
    try {
      workspaces = readdirSync(backups);
    } catch {
      return undefined; // No backup yet.
    }
    for (const workspace of workspaces) {
      const copy = path.join(backups, workspace, TEAM_FILE);
      try {
        statSync(copy);
        return copy;
      } catch {
        // Not this workspace's backup.
      }
    }
    return undefined;
  }

  it('is left in place byte for byte; the window turns read-only, refuses every change and backs nothing up', async () => {
    const copy = await eventually(() => {
      const found = backupOfTeam();
      return found && readFileSync(found, 'utf8') === good ? found : undefined;
    }, 'a backup of the good team file');
    const newer = `${JSON.stringify({ schemaVersion: 99, people: [{ id: 'from-the-future', name: 'Future Ada' }], somethingNew: true }, null, 2)}\n`;
    const listing = async () => (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
    const before = new Set(await listing());
    await vscode.workspace.fs.writeFile(team, encoder.encode(newer));

    const refused = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Too late ${Date.now()}` });
    assert.equal(refused?.ok, false, 'the change is refused');
    assert.match(!refused?.ok ? refused!.error : '', /updated elsewhere.*newer version.*read-only until it is reloaded/);
    const item = await vscode.commands.executeCommand<ItemResult>(COMMANDS.addDelegationItem, { title: 'Not now' });
    assert.equal(item?.ok, false, 'the delegation list is read-only too');
    assert.match(!item?.ok ? item!.error : '', /read-only/);

    // Loading again (what a reload of the data does) meets the same file and stays read-only.
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // Longer than the backup's delay.
    assert.equal(await readText(team), newer, 'the newer file is where it was, unchanged');
    assert.deepEqual(
      (await listing()).filter((name) => !before.has(name)),
      [],
      'nothing was set aside or written beside it',
    );
    assert.equal(readFileSync(copy, 'utf8'), good, 'the backup still holds the good file');
    // Now known to be read-only before the change is tried: the command shows why and returns nothing.
    const again = await vscode.commands.executeCommand<MutationResult | undefined>(COMMANDS.addPerson, { name: `Still too late ${Date.now()}` });
    assert.ok(again === undefined || !again.ok, 'still refused after the data was loaded again');
    assert.equal(await readText(team), newer);

    // Once the file is one this version reads, a reload lifts the read-only state.
    await vscode.workspace.fs.writeFile(team, encoder.encode(good));
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Back ${Date.now()}` });
    assert.ok(added?.ok, JSON.stringify(added));
  });
});
