import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { EncryptionCommandResult } from '../../src/host/encryption/encryptionCommands';
import { encryptFile } from '../../src/host/encryption/envelope';
import type { MutationResult } from '../../src/host/storage/teamStore';
import type { Erased } from '../../src/host/team/erasePerson';
import { BACKUPS_FOLDER, ENCRYPTION_KEY_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats, filesUnder } from './helpers';

function encryption(command: 'encryptNotes' | 'unlockNotes' | 'decryptNotes', passphrase: string): Thenable<EncryptionCommandResult | undefined> {
  return vscode.commands.executeCommand<EncryptionCommandResult>(COMMANDS[command], { passphrase });
}

/** Erasing a person reaches copies kept in other backup folders in their own form, not the open folder's. */
describe('erasing a person from leftover copies in backups of another form', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const name = `Leftover Formsperson ${stamp}`;
  const passphrase = 'gravel path past the lighthouse';
  let data: string;
  let otherBackup: string;
  let plainCopy: string;
  let sealedCopy: string;

  before(async function () {
    this.timeout(90_000);
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    const globalStorage = path.join(data, '..', '..', '..', 'globalStorage', path.basename(data));
    otherBackup = path.join(globalStorage, BACKUPS_FOLDER, `leftover-forms-${stamp}`);
    mkdirSync(otherBackup, { recursive: true });
    // A copy set aside while that folder was plain, torn so it cannot be cleaned, only deleted.
    plainCopy = path.join(otherBackup, 'team.corrupt-2026-11-01T10-00-00-000Z.json');
    writeFileSync(plainCopy, `{"schemaVersion": 1, "people": [{"name": "${name}", "ro`);
    // One sealed with a key this window has never held: it cannot be read, so it must be reported.
    sealedCopy = path.join(otherBackup, 'delegation.corrupt-2026-11-01T10-00-00-000Z.json');
    writeFileSync(sealedCopy, encryptFile(randomBytes(32), 'delegation.json', new TextEncoder().encode(`{"owner": "${name}"}`)));
    assert.deepEqual(await encryption('encryptNotes', passphrase), { ok: true }, 'the open folder is encrypted, the older backup is not');
  });

  after(async function () {
    this.timeout(60_000);
    if (existsSync(path.join(data, ENCRYPTION_KEY_FILE))) {
      await encryption('unlockNotes', passphrase);
      await encryption('decryptNotes', passphrase);
    }
    rmSync(otherBackup, { recursive: true, force: true });
  });

  it('a plain copy in a backup is erased though the open folder is encrypted; one sealed with another key is reported', async () => {
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
    assert.ok(added?.ok);
    const erased = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId: added.person.id, typedName: name });
    assert.ok(erased, 'the person was deleted');
    const holding = filesUnder(otherBackup).filter((file) => readFileSync(file).includes(Buffer.from(name, 'utf8')));
    assert.deepEqual(holding, [], 'no plain copy in that backup names them any more');
    assert.ok(!existsSync(plainCopy), 'the torn copy that named them is gone');
    assert.ok(existsSync(sealedCopy), 'the sealed copy is left as it is (it cannot be read)');
    assert.ok(erased.backupsNotCleaned >= 1, 'and the backup holding it is reported as not cleaned');
  });
});
