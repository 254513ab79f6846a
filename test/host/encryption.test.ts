import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID } from '../../src/host/constants';
import type { EncryptionCommandResult } from '../../src/host/encryption/encryptionCommands';
import { journalMacKey, sealJournal } from '../../src/host/encryption/journalSeal';
import { unwrapDataKey } from '../../src/host/encryption/keyWrapping';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { DELEGATION_FILE, ENCRYPTION_JOURNAL_FILE, ENCRYPTION_KEY_FILE, LOCK_FILE, NOTES_FOLDER, noteBodyName } from '../../src/shared/storageLayout';
import { activateTwoHats, eventually, filesHolding, filesUnder, isSetAsideName } from './helpers';


/** Every file's path and a hash of its bytes, to tell whether anything at all was written. */
function fingerprint(folders: readonly string[]): Record<string, string> {
  const files = folders.flatMap(filesUnder).filter((file) => !file.includes(LOCK_FILE));
  return Object.fromEntries(files.map((file) => [file, createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

function run(command: keyof typeof COMMANDS, args?: unknown): Thenable<EncryptionCommandResult | undefined> {
  return vscode.commands.executeCommand<EncryptionCommandResult>(COMMANDS[command], args);
}

/** A "decrypt" journal for the folder's key: sealed as Two Hats seals it, or as another program would plant it. */
async function decryptJournalFor(data: string, passphrase: string, sealed: boolean): Promise<string> {
  const keyfileText = readFileSync(path.join(data, ENCRYPTION_KEY_FILE), 'utf8');
  const unwrapped = await unwrapDataKey(passphrase, keyfileText);
  assert.ok(unwrapped.ok);
  const journal = JSON.stringify({ schemaVersion: 1, direction: 'decrypt', keyId: unwrapped.keyId, doneThrough: null });
  return sealed ? sealJournal(journalMacKey(unwrapped.dataKey), journal) : journal;
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
  const decryptJournal = (secret: string, sealed: boolean) => decryptJournalFor(data, secret, sealed);
  const bodyPath = () => path.join(data, NOTES_FOLDER, noteBodyName(note.noteId));

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
    const changedBefore = Math.floor(statSync(bodyPath()).mtimeMs);

    assert.deepEqual(await run('encryptNotes', { passphrase }), { ok: true });
    assert.notDeepEqual(readFileSync(bodyPath()), plainBody, 'the note was rewritten encrypted');
    // Its text did not change: a newer time would have every note read and decrypted again as
    // changed outside Two Hats at the next open (seconds at 10,000 notes, while the user works).
    assert.equal(Math.floor(statSync(bodyPath()).mtimeMs), changedBefore, 'the note keeps the time its text last changed');
    assert.ok(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), 'the wrapped key is kept beside the data');
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    assert.ok(require.cache[path.join(extensionPath, 'dist', 'encryption.js')], 'the command loaded the encryption bundle');
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
    // As if Decrypt My Notes had been killed right after it wrote its journal (sealed with the key, as Two Hats seals it).
    writeFileSync(path.join(data, ENCRYPTION_JOURNAL_FILE), await decryptJournal(passphrase, true));
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    assert.equal(existsSync(path.join(data, ENCRYPTION_JOURNAL_FILE)), false, 'the journal is gone: the job is done');
    assert.equal(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), false, 'and the key file with it');
    assert.deepEqual(readFileSync(body), plainBody);
    assert.equal(await noteText(note.uri), typed);
  });
  it('a decrypt journal planted by another program is set aside with a message, never acted on; notes stay encrypted', async () => {
    assert.deepEqual(await run('encryptNotes', { passphrase }), { ok: true });
    const earlier = new Set(readdirSync(data));
    writeFileSync(path.join(data, ENCRYPTION_JOURNAL_FILE), await decryptJournal(passphrase, false));
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    assert.deepEqual(filesHolding(storageFolders, sentinel), [], 'no file holds the note text');
    assert.ok(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), 'the key file stays');
    assert.equal(existsSync(path.join(data, ENCRYPTION_JOURNAL_FILE)), false, 'the planted journal is no longer where it acts');
    const aside = readdirSync(data).filter((entry) => isSetAsideName(entry, ENCRYPTION_JOURNAL_FILE, 'corrupt') && !earlier.has(entry));
    assert.equal(aside.length, 1, 'it was set aside, for the user to look at');
    rmSync(path.join(data, aside[0]!));
    assert.equal(await noteText(note.uri), typed, 'the note still reads as typed');
  });

  it('while locked, a planted decrypt journal makes nothing go out in the clear, and unlocking sets it aside', async () => {
    assert.deepEqual(await run('lockNow'), { ok: true });
    const earlier = new Set(readdirSync(data));
    writeFileSync(path.join(data, ENCRYPTION_JOURNAL_FILE), await decryptJournal(passphrase, false));
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    const lockedOut = `Locked Journal ${stamp}`;
    const refused = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: lockedOut });
    assert.notEqual(refused?.ok, true, 'nothing is saved while locked');
    await vscode.commands.executeCommand(COMMANDS.addDelegationItem, { title: `Locked ${sentinel}` }).then(undefined, () => undefined);
    assert.deepEqual(filesHolding(storageFolders, lockedOut), [], 'the name did not go out in the clear');
    assert.deepEqual(filesHolding(storageFolders, sentinel), [], 'nothing holds the note text');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(note.uri)), 'a note does not open while locked');
    assert.deepEqual(await run('unlockNotes', { passphrase }), { ok: true });
    assert.deepEqual(filesHolding(storageFolders, sentinel), [], 'unlocking did not decrypt anything either');
    assert.ok(readdirSync(data).some((entry) => isSetAsideName(entry, ENCRYPTION_JOURNAL_FILE, 'corrupt') && !earlier.has(entry)), 'the journal was set aside');
    assert.equal(await noteText(note.uri), typed);
  });

  it('a decryption held up by a damaged copy keeps everything locked by Lock Now, and finishes once the copy is whole', async () => {
    // A damaged backup copy: nobody reads it before the conversion does, so it is not set aside.
    const backupBody = filesUnder(storageFolders[1]!).find((file) => file.endsWith(noteBodyName(note.noteId)))!;
    assert.ok(backupBody, 'the note has a backup copy');
    const original = readFileSync(backupBody);
    const damaged = Buffer.from(original);
    damaged[damaged.length - 5]! ^= 0x01;
    writeFileSync(backupBody, damaged);
    assert.deepEqual(await run('decryptNotes', { passphrase }), { ok: true, skipped: 1 });
    assert.ok(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), 'the key file stays while a file still needs it');
    assert.deepEqual(readFileSync(bodyPath()), plainBody, 'the note itself is plain already');
    assert.deepEqual(await run('lockNow'), { ok: true });
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(note.uri)), 'Lock Now locks: not even a note already plain opens');
    assert.deepEqual(await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, sentinel), [], 'nor is it found by search');
    writeFileSync(backupBody, original);
    assert.deepEqual(await run('unlockNotes', { passphrase }), { ok: true });
    assert.equal(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), false, 'unlocking finished the decryption');
    assert.equal(await noteText(note.uri), typed);
  });

  it('a file set aside as damaged holds back neither Decrypt nor Encrypt; the run reports it and finishes', async () => {
    assert.deepEqual(await run('encryptNotes', { passphrase }), { ok: true });
    // A delegation file of its own to damage (earlier steps may have left none on disk).
    await vscode.commands.executeCommand(COMMANDS.addDelegationItem, { title: `Set-aside check ${stamp}` });
    const file = path.join(data, DELEGATION_FILE);
    const original = await eventually(() => (existsSync(file) ? readFileSync(file) : undefined), 'the delegation file on disk');
    const tampered = Buffer.from(original);
    tampered[tampered.length - 20]! ^= 0x01;
    const earlier = new Set(readdirSync(data));
    writeFileSync(file, tampered);
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    const asideName = await eventually(
      () => readdirSync(data).find((entry) => entry.startsWith('delegation.corrupt-') && !earlier.has(entry)),
      'the tampered delegation file set aside',
    );
    try {
      assert.deepEqual(await run('decryptNotes', { passphrase }), { ok: true, setAside: 1 });
      assert.equal(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), false, 'decrypted: the key file is gone');
      assert.equal(existsSync(path.join(data, ENCRYPTION_JOURNAL_FILE)), false, 'and the journal');
      assert.equal(await noteText(note.uri), typed);
      assert.equal((await run('encryptNotes', { passphrase }))?.ok, true, 'encrypting again is not held back either');
      assert.equal(existsSync(path.join(data, ENCRYPTION_JOURNAL_FILE)), false, 'the encryption finished');
      assert.deepEqual(await run('lockNow'), { ok: true });
      await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(note.uri)), 'Lock Now locks');
      assert.deepEqual(await run('unlockNotes', { passphrase }), { ok: true });
    } finally {
      rmSync(path.join(data, asideName), { force: true });
    }
  });

  it('after Decrypt My Notes the keychain no longer holds the key: an old copy of the encrypted folder stays locked', async () => {
    const keyfile = readFileSync(path.join(data, ENCRYPTION_KEY_FILE));
    const encryptedBody = readFileSync(bodyPath());
    assert.deepEqual(await run('decryptNotes', { passphrase }), { ok: true });
    // A copy of the folder from before (a disk backup) put back: only the keychain could open it now.
    writeFileSync(path.join(data, ENCRYPTION_KEY_FILE), keyfile);
    writeFileSync(bodyPath(), encryptedBody);
    try {
      await vscode.commands.executeCommand(COMMANDS.reloadData);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(note.uri)), 'locked: the keychain forgot the key');
    } finally {
      rmSync(path.join(data, ENCRYPTION_KEY_FILE));
      writeFileSync(bodyPath(), plainBody);
      await vscode.commands.executeCommand(COMMANDS.reloadData);
    }
    assert.equal(await noteText(note.uri), typed);
  });
});
