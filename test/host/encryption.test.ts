import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { EncryptionCommandResult } from '../../src/host/encryption/encryptionCommands';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { DELEGATION_FILE, ENCRYPTION_JOURNAL_FILE, ENCRYPTION_KEY_FILE, NOTES_FOLDER, noteBodyName } from '../../src/shared/storageLayout';
import { activateTwoHats, eventually } from './helpers';

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** Files under the folders holding `needle` in their raw bytes (as UTF-8, the way Two Hats writes). */
function filesHolding(folders: readonly string[], needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return folders.flatMap(filesUnder).filter((file) => readFileSync(file).includes(bytes));
}

/** Every file's path and a hash of its bytes, to tell whether anything at all was written. */
function fingerprint(folders: readonly string[]): Record<string, string> {
  const files = folders.flatMap(filesUnder).filter((file) => !file.includes('.two-hats.lock'));
  return Object.fromEntries(files.map((file) => [file, createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

function run(command: keyof typeof COMMANDS, args?: unknown): Thenable<EncryptionCommandResult | undefined> {
  return vscode.commands.executeCommand<EncryptionCommandResult>(COMMANDS[command], args);
}

async function noteText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('encrypted at rest: encrypt, lock, unlock, change passphrase, decrypt', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const name = `Quirinus Encryptable ${stamp}`;
  const sentinel = `ENCRYPT-SENTINEL-${stamp}`;
  const passphrase = 'tea kettle on a mountain bike';
  const newPassphrase = 'harbour lights over quiet water';
  let data: string;
  let storageFolders: string[];
  let note: StartedOneOnOne;
  let typed: string;
  let plainBody: Buffer;

  before(async function () {
    this.timeout(90_000);
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    // <user data>/User/workspaceStorage/<id>/<extension> → <user data>/User/globalStorage/<extension>
    storageFolders = [data, path.join(data, '..', '..', '..', 'globalStorage', path.basename(data))];
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
    assert.ok(added?.ok);
    note = (await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' }))!;
    typed = `${await noteText(note.uri)}\n- [ ] ${sentinel} wants to lead the migration\n`;
    await vscode.workspace.fs.writeFile(note.uri, new TextEncoder().encode(typed));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand(COMMANDS.addDelegationItem, { title: `Hand ${sentinel} the release train` });
    const body = path.join(data, NOTES_FOLDER, noteBodyName(note.noteId));
    plainBody = readFileSync(body);
    assert.equal(plainBody.toString('utf8'), typed, 'the note is on disk as typed, before encryption');
    // The rolling backup holds a readable copy too: encryption must reach it.
    await eventually(() => filesHolding(storageFolders.slice(1), sentinel).length > 0 || undefined, 'a backup copy of the note', 40_000);
  });

  after(async function () {
    this.timeout(60_000);
    // Whatever happened above, the next suites find plain data.
    if (existsSync(path.join(data, ENCRYPTION_KEY_FILE))) {
      for (const candidate of [passphrase, newPassphrase]) {
        await run('unlockNotes', { passphrase: candidate });
        if ((await run('decryptNotes', { passphrase: candidate }))?.ok) {
          break;
        }
      }
    }
  });

  it('after Encrypt My Notes, no byte in workspace or global storage holds a name or a note, and the note still reads as typed', async () => {
    assert.ok(filesHolding(storageFolders, sentinel).length > 0, 'the sentinel is on disk before (so the check can fail)');
    assert.ok(filesHolding(storageFolders, name).length > 0, 'the name is on disk before');
    const weak = await run('encryptNotes', { passphrase: 'password1234' });
    assert.deepEqual(weak, { ok: false, problem: 'weakPassphrase' }, 'a well-known passphrase is refused');
    assert.equal(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), false, 'and nothing was encrypted');

    assert.deepEqual(await run('encryptNotes', { passphrase }), { ok: true });
    assert.ok(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), 'the wrapped key is kept beside the data');
    assert.deepEqual(filesHolding(storageFolders, sentinel), [], 'no file holds the note text');
    assert.deepEqual(filesHolding(storageFolders, name), [], 'no file holds the name');
    assert.deepEqual(filesHolding(storageFolders, passphrase), [], 'no file holds the passphrase');
    assert.equal(await noteText(note.uri), typed);
    assert.deepEqual(await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, sentinel), [note.noteId]);
  });

  it('Lock Now empties the keychain: Locked writes nothing, a wrong passphrase changes nothing, the right one brings everything back', async () => {
    assert.deepEqual(await run('lockNow'), { ok: true });
    const before = fingerprint(storageFolders);
    const refused = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Locked Out ${stamp}` });
    assert.notEqual(refused?.ok, true, 'nothing is saved while locked');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(note.uri)), 'a note does not open while locked');
    assert.deepEqual(await run('unlockNotes', { passphrase: 'wrong wrong wrong wrong' }), { ok: false, problem: 'wrongPassphrase' });
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    assert.deepEqual(fingerprint(storageFolders), before, 'not one byte changed while locked');

    assert.deepEqual(await run('unlockNotes', { passphrase }), { ok: true });
    assert.equal(await noteText(note.uri), typed);
    assert.deepEqual(await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, sentinel), [note.noteId]);
    const again = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
    assert.equal(again?.ok, false, 'the team is back: the same name is refused as a duplicate');
  });

  it('a tampered file is set aside unchanged, never shown or overwritten', async () => {
    const file = path.join(data, DELEGATION_FILE);
    const original = readFileSync(file);
    const tampered = Buffer.from(original);
    tampered[tampered.length - 20]! ^= 0x01;
    // Earlier suites may have left copies of their own damaged files: this one is the new one.
    const earlier = new Set(readdirSync(data));
    writeFileSync(file, tampered);
    try {
      await vscode.commands.executeCommand(COMMANDS.reloadData);
      const asideName = await eventually(
        () => readdirSync(data).find((entry) => entry.startsWith('delegation.corrupt-') && !earlier.has(entry)),
        'the tampered delegation file set aside',
      );
      assert.deepEqual(readFileSync(path.join(data, asideName)), tampered, 'moved as it was, not rewritten');
      rmSync(path.join(data, asideName));
    } finally {
      writeFileSync(file, original);
      await vscode.commands.executeCommand(COMMANDS.reloadData);
    }
  });

  it('Change Passphrase: then only the new one unlocks', async () => {
    assert.deepEqual(await run('changePassphrase', { oldPassphrase: 'not the passphrase at all', newPassphrase }), { ok: false, problem: 'wrongPassphrase' });
    assert.deepEqual(await run('changePassphrase', { oldPassphrase: passphrase, newPassphrase }), { ok: true });
    assert.deepEqual(await run('lockNow'), { ok: true });
    assert.deepEqual(await run('unlockNotes', { passphrase }), { ok: false, problem: 'wrongPassphrase' });
    assert.deepEqual(await run('unlockNotes', { passphrase: newPassphrase }), { ok: true });
    assert.equal(await noteText(note.uri), typed);
  });

  it('Decrypt My Notes gives back plain files identical to what was typed', async () => {
    assert.deepEqual(await run('decryptNotes', { passphrase }), { ok: false, problem: 'wrongPassphrase' }, 'the old passphrase no longer works');
    assert.deepEqual(await run('decryptNotes', { passphrase: newPassphrase }), { ok: true });
    assert.equal(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), false, 'the key file is gone');
    assert.deepEqual(readFileSync(path.join(data, NOTES_FOLDER, noteBodyName(note.noteId))), plainBody);
    assert.ok(filesHolding([data], name).length > 0, 'the team file is readable text again');
    assert.equal(await noteText(note.uri), typed);
  });

  it('a conversion cut short (its journal left behind) is finished at the next start, every note readable', async () => {
    assert.deepEqual(await run('encryptNotes', { passphrase }), { ok: true });
    const body = path.join(data, NOTES_FOLDER, noteBodyName(note.noteId));
    assert.notDeepEqual(readFileSync(body), plainBody, 'encrypted again');
    // As if Decrypt My Notes had been killed right after it wrote its journal.
    const keyId = (JSON.parse(readFileSync(path.join(data, ENCRYPTION_KEY_FILE), 'utf8')) as { keyId: string }).keyId;
    writeFileSync(path.join(data, ENCRYPTION_JOURNAL_FILE), JSON.stringify({ schemaVersion: 1, direction: 'decrypt', keyId, doneThrough: null }));
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    assert.equal(existsSync(path.join(data, ENCRYPTION_JOURNAL_FILE)), false, 'the journal is gone: the job is done');
    assert.equal(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), false, 'and the key file with it');
    assert.deepEqual(readFileSync(body), plainBody);
    assert.equal(await noteText(note.uri), typed);
  });
});
