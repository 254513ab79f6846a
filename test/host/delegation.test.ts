import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { ItemResult } from '../../src/host/storage/delegationStore';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { parseDelegationFile } from '../../src/shared/delegation/storedDelegation';
import { activateTwoHats, eventually, isSetAsideName, readText } from './helpers';
import { noteBodyUri } from '../../src/host/storage/layout';
import { DELEGATION_FILE, TEAM_FILE } from '../../src/shared/storageLayout';

describe('delegation in the real host', () => {
  let folder: vscode.Uri;
  let personId: string;

  before(async () => {
    const api = await activateTwoHats();
    folder = api.dataLocation()!;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Ines ${Date.now()}` });
    assert.ok(added?.ok);
    personId = added.person.id;
  });

  async function savedItems() {
    const parsed = parseDelegationFile((await readText(vscode.Uri.joinPath(folder, DELEGATION_FILE))) ?? '');
    assert.ok(parsed.ok, 'delegation.json parses');
    return parsed.value;
  }

  it('adds held work, hands it over at a level, and saves it atomically', async () => {
    const added = await vscode.commands.executeCommand<ItemResult>(COMMANDS.addDelegationItem, { title: 'Release go/no-go' });
    assert.ok(added?.ok);
    const assigned = await vscode.commands.executeCommand<ItemResult>(COMMANDS.assignDelegation, {
      itemId: added.result.id,
      personId,
      level: 3,
      targetLevel: 6,
      quiet: true,
    });
    assert.ok(assigned?.ok);
    const saved = (await savedItems()).find((item) => item.id === added.result.id);
    assert.equal(saved?.status, 'handingOver');
    assert.equal(saved?.ownerId, personId);
    assert.equal(saved?.level, 3);
    const entries = await vscode.workspace.fs.readDirectory(folder);
    assert.deepEqual(entries.filter(([name]) => name.endsWith('.tmp')), []);
  });

  it('puts the hand-over into the owner’s next 1:1 agenda', async () => {
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' });
    const text = await readText(noteBodyUri(folder, started!.noteId));
    assert.match(text ?? '', /## Delegated work[\s\S]*- Check in: Release go\/no-go \(level 3 · Consult, aiming for 6 · Inquire\)/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('deletes an item and brings it back with undo', async () => {
    const added = await vscode.commands.executeCommand<ItemResult>(COMMANDS.addDelegationItem, { title: 'Incident command' });
    assert.ok(added?.ok);
    const before = (await savedItems()).map((item) => item.id);
    const removed = await vscode.commands.executeCommand<ItemResult>(COMMANDS.deleteDelegationItem, { itemId: added.result.id, quiet: true });
    assert.ok(removed?.ok);
    assert.ok(!(await savedItems()).some((item) => item.id === added.result.id));
    const restored = await vscode.commands.executeCommand<ItemResult>(COMMANDS.undoDeleteDelegationItem, { itemId: added.result.id });
    assert.ok(restored?.ok);
    assert.deepEqual((await savedItems()).map((item) => item.id), before, 'back in its old place');
  });

  it('records a relapse without scolding or losing the owner', async () => {
    const before = (await savedItems()).map((item) => item.id);
    await vscode.commands.executeCommand(COMMANDS.recordRelapse, { itemId: before[0], kind: 'rewrote' });
    const relapsed = (await savedItems()).find((item) => item.id === before[0]);
    assert.deepEqual(relapsed?.relapses.map((r) => r.kind), ['rewrote']);
    assert.equal(relapsed?.ownerId, personId);
  });

  it('sets a damaged delegation file aside and keeps working', async () => {
    const target = vscode.Uri.joinPath(folder, DELEGATION_FILE);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('{"schemaVersion": 1, "items": [ {"id": "x"'));
    await eventually(async () => {
      const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
      return names.some((name) => isSetAsideName(name, DELEGATION_FILE, 'corrupt')) || undefined;
    }, 'the damaged file to be set aside');
    const added = await vscode.commands.executeCommand<ItemResult>(COMMANDS.addDelegationItem, { title: 'Estimates' });
    assert.ok(added?.ok);
    assert.deepEqual((await savedItems()).map((item) => item.title), ['Estimates']);
  });
});

describe('a data file Two Hats cannot read at all', () => {
  it('is set aside, not overwritten, and the rest keeps working', async () => {
    const folder = (await activateTwoHats()).dataLocation()!;
    const target = vscode.Uri.joinPath(folder, DELEGATION_FILE);
    // A folder where the file should be: no read succeeds, whoever runs the test.
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    await vscode.workspace.fs.createDirectory(target);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, 'keep.txt'), new TextEncoder().encode('precious'));
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
    const aside = names.find((name) => isSetAsideName(name, DELEGATION_FILE, 'corrupt') && !name.endsWith('.tmp'));
    assert.ok(aside, `set aside: ${names.join(', ')}`);
    const kept = names.filter((name) => isSetAsideName(name, DELEGATION_FILE, 'corrupt'));
    const withContent = await Promise.all(kept.map((name) => readText(vscode.Uri.joinPath(folder, name, 'keep.txt'))));
    assert.ok(withContent.includes('precious'), 'what was there is kept');
    const added = await vscode.commands.executeCommand<ItemResult>(COMMANDS.addDelegationItem, { title: 'After the damage' });
    assert.ok(added?.ok);
    const team = await readText(vscode.Uri.joinPath(folder, TEAM_FILE));
    assert.ok(team && team.length > 0, 'the team is untouched');
  });
});
