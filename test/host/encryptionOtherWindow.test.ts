/**
 * A second window of the workspace learns of a conversion. Window A is the Two Hats running in
 * this host (its commands); window B is a second activation on the same data folder, built from
 * the same parts the product composes (its own EncryptionAtRest, codec, follower and stores, as a
 * second extension host has), with a keychain of its own that the test fills as the shared one
 * would be. The test bundle holds its own copy of the storage modules, so B's codec is B's alone.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import { EncryptionAtRest } from '../../src/host/encryption/encryptionAtRest';
import type { EncryptionCommandResult } from '../../src/host/encryption/encryptionCommands';
import { FolderFormFollower } from '../../src/host/encryption/folderForm';
import { unwrapDataKey } from '../../src/host/encryption/keyWrapping';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import { identityCodec, useCodec } from '../../src/host/storage/dataFiles';
import type { MutationResult } from '../../src/host/storage/teamStore';
import type { HostMessage, Snapshot } from '../../src/shared/protocol';
import { ENCRYPTION_KEY_FILE, LOCK_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats, eventually } from './helpers';
import { openSidebarOn, type SidebarOnFolder } from './sidebarOnFolder';

/** The keychain as B sees it: entries, and a change event like SecretStorage's. */
class MemorySecrets {
  private readonly values = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.changed.event;
  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }
  store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.changed.fire({ key });
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    this.values.delete(key);
    this.changed.fire({ key });
    return Promise.resolve();
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** The lock is skipped: it holds an owner id only, and its file goes as soon as the window that took it lets go. */
function filesHolding(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return filesUnder(dir).filter((file) => !file.split(path.sep).includes(LOCK_FILE) && readFileSync(file).includes(bytes));
}

function run(command: keyof typeof COMMANDS, args?: unknown): Thenable<EncryptionCommandResult | undefined> {
  return vscode.commands.executeCommand<EncryptionCommandResult>(COMMANDS[command], args);
}

function latestSnapshot(posted: readonly HostMessage[]): Snapshot | undefined {
  const last = [...posted].reverse().find((m) => m.type === 'didChangeSnapshot');
  return last?.type === 'didChangeSnapshot' ? last.snapshot : undefined;
}

async function noteText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('encrypted at rest: another window of the workspace follows a conversion', function () {
  this.timeout(180_000);
  const stamp = Date.now();
  const passphrase = 'lanterns along the quiet canal';
  const log = vscode.window.createOutputChannel('Two Hats second window test', { log: true });
  const secrets = new MemorySecrets();
  let folder: vscode.Uri;
  let data: string;
  let note: StartedOneOnOne;
  let typed: string;
  let other: EncryptionAtRest;
  let follower: FolderFormFollower;
  let sidebar: SidebarOnFolder;

  before(async function () {
    this.timeout(60_000);
    const api = await activateTwoHats();
    folder = api.dataLocation()!;
    data = folder.fsPath;
    assert.equal(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), false, 'the suite starts on plain data');
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Wanda Windows ${stamp}` });
    assert.ok(added?.ok);
    note = (await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' }))!;
    typed = `${await noteText(note.uri)}\n- [ ] typed in window A ${stamp}\n`;
    await vscode.workspace.fs.writeFile(note.uri, new TextEncoder().encode(typed));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    other = new EncryptionAtRest(secrets, vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-other-backups-'))), log);
    const reopen = async () => {
      await other.open(folder, undefined);
      await follower.follow(folder);
      await sidebar.reload();
    };
    follower = new FolderFormFollower({ encryption: other, reopen, log });
    await other.open(folder, undefined);
    await follower.follow(folder);
    sidebar = await openSidebarOn(folder);
    sidebar.send({ type: 'ready' });
    assert.equal(other.state, 'notEncrypted');
    // A note another window just started reaches this one's index once the folder is checked
    // (window A writes its own index a moment later): as a second window sees it, not at once.
    await eventually(() => sidebar.notes.find(note.noteId), 'window B sees window A’s note');
  });

  after(async function () {
    this.timeout(60_000);
    follower.dispose();
    other.dispose();
    useCodec(identityCodec);
    sidebar.close();
    log.dispose();
    if (existsSync(path.join(data, ENCRYPTION_KEY_FILE))) {
      await run('unlockNotes', { passphrase });
      await run('decryptNotes', { passphrase });
    }
  });

  it('encrypted in window A with B’s keychain empty: B goes Locked, shows Locked, and its saves write no plain byte', async () => {
    const sentinel = `PLAIN-FROM-B-LOCKED-${stamp}`;
    assert.deepEqual(await run('encryptNotes', { passphrase }), { ok: true });
    // At once, before B's watcher has had its say: the last look before the write refuses it.
    const early = await sidebar.team.add({ name: `${sentinel} early`, role: '', cadence: 'weekly' });
    assert.equal(early.ok, false, 'B saves nothing in the clear right after A encrypted');
    await eventually(() => other.state === 'locked' || undefined, 'window B locked');
    const shown = await eventually(() => {
      const storage = latestSnapshot(sidebar.posted)?.storage;
      return storage?.kind === 'unavailable' && storage.locked ? storage : undefined;
    }, 'window B’s sidebar showing Locked');
    assert.ok(shown.message.length > 0);
    const added = await sidebar.team.add({ name: sentinel, role: '', cadence: 'weekly' });
    assert.equal(added.ok, false, 'a person is not saved while B is locked');
    await assert.rejects(sidebar.notes.write(note.noteId, `${typed}\n- ${sentinel}\n`), 'a note is not saved while B is locked');
    assert.deepEqual(filesHolding(data, sentinel), [], 'no raw file holds what B tried to save');
    assert.equal(await noteText(note.uri), typed, 'window A still reads its note: nothing was set aside or overwritten');
  });

  it('with the key in B’s keychain, B unlocks by itself and saves encrypted; A reads what B saved', async () => {
    const sentinel = `ENCRYPTED-FROM-B-${stamp}`;
    const unwrapped = await unwrapDataKey(passphrase, readFileSync(path.join(data, ENCRYPTION_KEY_FILE), 'utf8'));
    assert.ok(unwrapped.ok);
    // What window A's Encrypt put into the shared keychain (keyHolder.ts names the entry so).
    await secrets.store(`twoHats.dataKey.${unwrapped.keyId}`, unwrapped.dataKey.toString('base64'));
    await eventually(() => other.state === 'unlocked' || undefined, 'window B unlocked');
    await eventually(() => (latestSnapshot(sidebar.posted)?.storage.kind === 'ready' ? true : undefined), 'window B’s sidebar showing the team again');
    const added = await eventually(async () => {
      const result = await sidebar.team.add({ name: sentinel, role: '', cadence: 'weekly' });
      return result.ok ? result : undefined;
    }, 'window B saving a person');
    assert.ok(added.ok);
    await sidebar.notes.write(note.noteId, `${typed}\n- [ ] ${sentinel} in the note\n`);
    assert.deepEqual(filesHolding(data, sentinel), [], 'B wrote no plain sentinel: the team and the note are encrypted');
    const again = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: sentinel });
    assert.equal(again?.ok, false, 'window A reads B’s person: the same name is refused as a duplicate');
    await eventually(async () => ((await noteText(note.uri)).includes(`${sentinel} in the note`) ? true : undefined), 'window A reading B’s note');

    // Lock Now in window A empties the shared keychain: B locks as well and saves nothing.
    await secrets.delete(`twoHats.dataKey.${unwrapped.keyId}`);
    await eventually(() => other.state === 'locked' || undefined, 'window B locked again');
    await eventually(() => (latestSnapshot(sidebar.posted)?.storage.kind === 'unavailable' ? true : undefined), 'window B’s sidebar showing Locked again');
    const refused = await sidebar.team.add({ name: `${sentinel} while locked`, role: '', cadence: 'weekly' });
    assert.equal(refused.ok, false, 'nothing is saved once the other window locked');
  });

  it('decrypted in window A: B follows to plain files, and what it saves is plain and read by A', async () => {
    const sentinel = `PLAIN-FROM-B-AFTER-DECRYPT-${stamp}`;
    assert.deepEqual(await run('decryptNotes', { passphrase }), { ok: true });
    await eventually(() => other.state === 'notEncrypted' || undefined, 'window B following to plain');
    const added = await eventually(async () => {
      const result = await sidebar.team.add({ name: sentinel, role: '', cadence: 'weekly' });
      return result.ok ? result : undefined;
    }, 'window B saving a person');
    assert.ok(added.ok);
    assert.ok(filesHolding(data, sentinel).length > 0, 'the person is stored in plain text, as the folder now is');
    const again = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: sentinel });
    assert.equal(again?.ok, false, 'window A reads B’s person');
    assert.ok((await noteText(note.uri)).includes(`ENCRYPTED-FROM-B-${stamp} in the note`), 'B’s encrypted note came back plain and whole');
  });
});
