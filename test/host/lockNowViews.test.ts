import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { EncryptionCommandResult } from '../../src/host/encryption/encryptionCommands';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { ENCRYPTION_KEY_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats } from './helpers';

function run(command: keyof typeof COMMANDS, args?: unknown): Thenable<EncryptionCommandResult | undefined> {
  return vscode.commands.executeCommand<EncryptionCommandResult>(COMMANDS[command], args);
}

function tabsShowing(uri: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
}

/** Lock Now in front of someone: no note text stays on screen, and an unsaved edit is not lost. */
describe('encrypted at rest: Lock Now closes open notes', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const passphrase = 'pebbles under a slow river';
  let data: string;
  let note: StartedOneOnOne;

  before(async function () {
    this.timeout(90_000);
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Lockscreen Person ${stamp}` });
    assert.ok(added?.ok);
    note = (await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' }))!;
    assert.deepEqual(await run('encryptNotes', { passphrase }), { ok: true });
  });

  after(async function () {
    this.timeout(60_000);
    if (existsSync(path.join(data, ENCRYPTION_KEY_FILE))) {
      await run('unlockNotes', { passphrase });
      await run('decryptNotes', { passphrase });
    }
  });

  it('closes the note’s editor, saving an unsaved edit first; unlocked, the edit is there', async () => {
    const editor = await vscode.window.showTextDocument(note.uri);
    const edit = `- LOCKSCREEN-EDIT-${stamp}`;
    await editor.edit((builder) => builder.insert(new vscode.Position(editor.document.lineCount, 0), `\n${edit}\n`));
    assert.ok(editor.document.isDirty, 'the edit is unsaved');
    assert.ok(tabsShowing(note.uri).length > 0, 'the note is on screen (the check can fail)');

    assert.deepEqual(await run('lockNow'), { ok: true });
    assert.deepEqual(tabsShowing(note.uri), [], 'no tab shows the note once locked');

    assert.deepEqual(await run('unlockNotes', { passphrase }), { ok: true });
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(note.uri));
    assert.ok(saved.includes(edit), 'the unsaved edit was saved before locking');
  });
});
