import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import { EncryptionAtRest } from '../../src/host/encryption/encryptionAtRest';
import type { EncryptionCommandResult } from '../../src/host/encryption/encryptionCommands';
import { identityCodec, useCodec, writeDataFile } from '../../src/host/storage/dataFiles';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { ENCRYPTION_KEY_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats, eventually, filesUnder } from './helpers';

/** A keychain with nothing in it: this instance must get the key from the key file, or stay locked. */
class EmptySecrets {
  private readonly changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.changed.event;
  get(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }
  store(): Promise<void> {
    return Promise.resolve();
  }
  delete(): Promise<void> {
    return Promise.resolve();
  }
}


function run(command: keyof typeof COMMANDS, args?: unknown): Thenable<EncryptionCommandResult | undefined> {
  return vscode.commands.executeCommand<EncryptionCommandResult>(COMMANDS[command], args);
}

describe('encrypted at rest: the key file gone from beside the notes', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const name = `Kasimir Keyless ${stamp}`;
  const passphrase = 'a heron on the winter pier';
  const log = vscode.window.createOutputChannel('Two Hats missing key file test', { log: true });
  let data: string;
  let keyfile: string;
  let backupKeyfile: string;
  let keyfileText: Buffer;
  let other: EncryptionAtRest | undefined;

  before(async function () {
    this.timeout(90_000);
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    keyfile = path.join(data, ENCRYPTION_KEY_FILE);
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
    assert.ok(added?.ok);
    assert.deepEqual(await run('encryptNotes', { passphrase }), { ok: true });
    keyfileText = readFileSync(keyfile);
    // <user data>/User/workspaceStorage/<id>/<extension> → <user data>/User/globalStorage/<extension>
    const globalStorage = path.join(data, '..', '..', '..', 'globalStorage', path.basename(data));
    const copies = filesUnder(globalStorage).filter((file) => path.basename(file) === ENCRYPTION_KEY_FILE && readFileSync(file).equals(keyfileText));
    assert.equal(copies.length, 1, 'the rolling backup keeps a copy of the key file');
    backupKeyfile = copies[0]!;
  });

  afterEach(() => {
    other?.dispose();
    other = undefined;
    useCodec(identityCodec);
  });

  after(async function () {
    this.timeout(60_000);
    if (existsSync(`${backupKeyfile}.away`)) {
      renameSync(`${backupKeyfile}.away`, backupKeyfile);
    }
    if (!existsSync(keyfile)) {
      await vscode.workspace.fs.writeFile(vscode.Uri.file(keyfile), keyfileText);
    }
    // Once the window has seen the key file again, the next suites find plain data.
    await eventually(async () => (await run('decryptNotes', { passphrase }))?.ok || undefined, 'decrypted', 30_000).catch(() => undefined);
    log.dispose();
  });

  it('is put back from the backup’s copy at the next start, and the notes stay encrypted', async () => {
    rmSync(keyfile);
    other = new EncryptionAtRest(new EmptySecrets(), vscode.Uri.file(path.dirname(path.dirname(backupKeyfile))), log);
    await other.open(vscode.Uri.file(data), vscode.Uri.file(path.dirname(backupKeyfile)));
    // The real window may have followed the deletion first and put it back itself: either way it is back.
    await eventually(() => (existsSync(keyfile) && readFileSync(keyfile).equals(keyfileText)) || undefined, 'the key file back, as it was', 10_000);
    assert.equal(other.isEncrypted, true);
    assert.equal(other.state, 'locked', 'no key in this keychain: Locked, not plain');
  });

  it('without a copy anywhere, the folder stays encrypted and locked: Encrypt is not offered, nothing is written in the clear', async () => {
    renameSync(backupKeyfile, `${backupKeyfile}.away`);
    rmSync(keyfile);
    other = new EncryptionAtRest(new EmptySecrets(), vscode.Uri.file(path.dirname(path.dirname(backupKeyfile))), log);
    await other.open(vscode.Uri.file(data), vscode.Uri.file(path.dirname(backupKeyfile)));
    assert.equal(existsSync(keyfile), false, 'no key file appeared from nowhere');
    assert.equal(other.isEncrypted, true, 'read as encrypted: Encrypt My Notes would refuse to make a new key');
    assert.equal(other.state, 'locked');
    const unlocked = await other.unlock(passphrase);
    assert.equal(unlocked.ok, false);
    assert.match(unlocked.ok ? '' : unlocked.reason, /key file/);
    const probe = vscode.Uri.file(path.join(data, `probe-${stamp}.json`));
    await assert.rejects(writeDataFile(probe, new TextEncoder().encode(`{"name":"${name}"}`)), 'a write is refused');
    assert.equal(existsSync(probe.fsPath), false, 'and nothing was written');
  });
});
