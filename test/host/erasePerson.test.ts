import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { HandoverResult } from '../../src/host/oneOnOnes/handoverExport';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { ItemResult } from '../../src/host/storage/delegationStore';
import type { MutationResult } from '../../src/host/storage/teamStore';
import type { Erased } from '../../src/host/team/erasePerson';
import { activateTwoHats, eventually } from './helpers';
import { NOTES_FOLDER, noteBodyName } from '../../src/shared/storageLayout';

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** Files under the folders holding `needle` in their bytes (as UTF-8, the way Two Hats writes). */
function filesHolding(folders: readonly string[], needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return folders.flatMap(filesUnder).filter((file) => readFileSync(file).includes(bytes));
}

describe('erasing a person, and handing them over', () => {
  const stamp = Date.now();
  const name = `Zenobia Erasable ${stamp}`;
  const other = `Otto Staying ${stamp}`;
  const shareable = `SHAREABLE-${stamp}`;
  const secret = `PRIVATE-${stamp}`;
  const otherSentinel = `OTHER-${stamp}`;
  let data: string;
  let storageFolders: string[];
  let personId: string;
  let otherNote: string;

  async function note(personOf: string, shared: string, hidden: string): Promise<string> {
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: personOf, templateId: 'weekly' });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.scheme, 'two-hats-note');
    const privateAt = editor.document.positionAt(editor.document.getText().indexOf('## Private notes'));
    assert.ok(await editor.edit((b) => b.insert(privateAt, `- [ ] Follow up on ${shared}\n\n`)), 'the shareable edit');
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), `- [ ] ${hidden} talk to HR\n`)), 'the private edit');
    assert.ok(await editor.document.save());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    return started!.noteId;
  }

  before(async function () {
    this.timeout(90_000);
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    // <user data>/User/workspaceStorage/<id>/<extension> → <user data>/User/globalStorage/<extension>
    storageFolders = [data, path.join(data, '..', '..', '..', 'globalStorage', path.basename(data))];
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
    const kept = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: other });
    assert.ok(added?.ok && kept?.ok);
    personId = added.person.id;
    await vscode.commands.executeCommand(COMMANDS.addGoal, { personId, text: `Run the ${stamp} design review` });
    await vscode.commands.executeCommand(COMMANDS.queueTalkingPoint, { personId, text: `Raise TALKING-${stamp} again`, standing: false });
    const theirs = await note(personId, shareable, secret);
    otherNote = await note(kept.person.id, otherSentinel, `${otherSentinel}-private`);
    const owned = await vscode.commands.executeCommand<ItemResult>(COMMANDS.addDelegationItem, { title: `Release train ${stamp}` });
    assert.ok(owned?.ok);
    await vscode.commands.executeCommand(COMMANDS.assignDelegation, { itemId: owned.result.id, personId, level: 3, targetLevel: 5, quiet: true });
    await vscode.commands.executeCommand(COMMANDS.noteDelegationStep, { itemId: owned.result.id, stepId: 'why-this-person', note: `${secret} wants growth`, quiet: true });
    await vscode.commands.executeCommand(COMMANDS.addDelegationItem, { title: `Pair ${name} with the on-call lead` });
    // Wait for the rolling backup to hold their note, so the erasure has copies to reach.
    await eventually(() => filesHolding(storageFolders.slice(1), secret).some((file) => file.includes(noteBodyName(theirs))) || undefined, 'a backup copy of their note', 40_000);
  });

  it('exports the shareable parts for their next manager, never a private part', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'two-hats-handover-'));
    const file = path.join(target, 'handover.md');
    const result = await vscode.commands.executeCommand<HandoverResult>(COMMANDS.exportForNextManager, { personId, file });
    assert.equal(result?.notes, 1);
    const text = readFileSync(file, 'utf8');
    assert.match(text, new RegExp(`Follow up on ${shareable}`));
    assert.match(text, new RegExp(`Run the ${stamp} design review`));
    assert.doesNotMatch(text, new RegExp(secret));
    assert.doesNotMatch(text, new RegExp(otherSentinel));

    const folder = await vscode.commands.executeCommand<HandoverResult>(COMMANDS.exportForNextManager, { personId, folder: target });
    const written = filesUnder(folder!.written.fsPath);
    assert.equal(written.length, 2, 'a summary and one file per note');
    assert.ok(written.some((f) => readFileSync(f, 'utf8').includes(shareable)));
    assert.deepEqual(filesHolding([folder!.written.fsPath], secret), []);
  });

  it('asks for the name typed exactly, and does nothing otherwise', async () => {
    const refused = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId, typedName: 'Zenobia' });
    assert.equal(refused, undefined);
    assert.ok(filesHolding([data], name).length > 0, 'still there');
  });

  it('leaves no file on this machine holding their name or their notes, backups included, and keeps everyone else', async function () {
    this.timeout(60_000);
    assert.ok(filesHolding(storageFolders, secret).length > 0, 'the sentinel is on disk before (so the check below can fail)');
    const erased = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId, typedName: name });
    assert.equal(erased?.notes, 1);
    assert.equal(erased?.items, 1);
    for (const needle of [name, secret, shareable, `TALKING-${stamp}`, `Run the ${stamp} design review`, `Release train ${stamp}`]) {
      assert.deepEqual(filesHolding(storageFolders, needle), [], `nothing holds ${needle}`);
    }
    // A backup written a moment later must not bring any of it back.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.deepEqual(filesHolding(storageFolders, secret), []);
    assert.deepEqual(filesHolding(storageFolders, name), []);

    assert.ok(filesHolding([data], other).length > 0, 'the other person is still on the team');
    assert.ok(statSync(path.join(data, NOTES_FOLDER, noteBodyName(otherNote))).isFile());
    assert.ok(filesHolding([data], otherSentinel).length > 0, 'their notes are untouched');
    assert.ok(filesHolding([data], `Pair a former team member with the on-call lead`).length > 0, 'work that only named them stays, without the name');
    const hits = await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, secret);
    assert.deepEqual(hits, []);
  });
});
