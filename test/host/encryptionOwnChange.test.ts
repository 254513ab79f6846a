/**
 * This window's own Encrypt or Decrypt ends with the command reading the folder again: slowly on a
 * loaded machine, and Encrypt then also encrypts the workspace's older backup folders. The follower
 * of other windows' changes (folderForm.ts) looks at the key file and the journal meanwhile. Were it
 * to read the folder a second time, a command right after this one would meet stores half read: a
 * person deleted right after Decrypt was not found, and nothing was said (a full host run, in suite
 * order only). Built from the parts the product composes, as encryptionOtherWindow.test.ts does,
 * with the product's own encryption commands.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EncryptionAtRest } from '../../src/host/encryption/encryptionAtRest';
import { encryptionCommands } from '../../src/host/encryption/encryptionCommands';
import { FolderFormFollower } from '../../src/host/encryption/folderForm';
import { identityCodec, useCodec } from '../../src/host/storage/dataFiles';
import { Keychain } from '../unit/support/memoryKeychain';
import { activateTwoHats, eventually } from './helpers';

/** Cheap scrypt for tests (the key file's lowest accepted cost). */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('encrypted at rest: this window’s own conversion is not followed as another window’s', function () {
  this.timeout(120_000);
  const passphrase = 'herons over the still harbour';
  const said: string[] = [];
  const log = { info: (line: string) => void said.push(line), warn: (line: string) => void said.push(line), trace: (line: string) => void said.push(line) };
  let folder: vscode.Uri;
  let encryption: EncryptionAtRest;
  let follower: FolderFormFollower;
  let followerReadings = 0;

  before(async () => {
    await activateTwoHats();
    folder = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-own-change-')));
    const backupsRoot = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-own-change-backups-')));
    encryption = new EncryptionAtRest(new Keychain().view(), backupsRoot, vscode.window.createOutputChannel('Two Hats own change test', { log: true }), { scrypt: CHEAP });
    follower = new FolderFormFollower({
      encryption,
      reopen: async () => {
        followerReadings++;
        await encryption.open(folder, undefined);
        await follower.follow(folder);
      },
      log,
    });
    await encryption.open(folder, undefined);
    await follower.follow(folder);
  });

  after(() => {
    follower.dispose();
    encryption.dispose();
    useCodec(identityCodec);
  });

  /** The command's own reading of the folder, as slow as it gets: done once the follower has looked at the changed key file (it said so, or read the folder itself). */
  async function slowReopen(): Promise<void> {
    const before = said.length + followerReadings;
    await eventually(() => said.length + followerReadings > before, 'the follower to look at the folder while the command reads it');
    await encryption.open(folder, undefined);
    await follower.follow(folder);
  }

  it('encrypt, decrypt, encrypt again, each command reading the folder only after the follower has looked: the follower never reads it a second time', async () => {
    const commands = encryptionCommands({ encryption, flush: () => Promise.resolve(), reopen: slowReopen });
    assert.deepEqual(await commands.encryptNotes({ passphrase }), { ok: true });
    assert.deepEqual(await commands.decryptNotes({ passphrase }), { ok: true });
    assert.deepEqual(await commands.encryptNotes({ passphrase }), { ok: true });
    assert.equal(encryption.state, 'unlocked');
    assert.equal(followerReadings, 0, `the follower read the folder a second time: ${said.join(' | ')}`);
  });

  it('the check can fail: a conversion read again outside this window’s own change (as the commands did) is read a second time by the follower', async () => {
    const decrypted = await encryption.decrypt(passphrase);
    assert.ok(!('ok' in decrypted), 'decrypted');
    await slowReopen();
    await eventually(() => followerReadings > 0 || undefined, 'the follower to read the folder a second time');
  });
});
