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
import { BACKUPS_FOLDER, DELEGATION_FILE, ENCRYPTION_KEY_FILE, TEAM_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats, filesUnder } from './helpers';

function encryption(command: 'encryptNotes' | 'unlockNotes' | 'decryptNotes', passphrase: string): Thenable<EncryptionCommandResult | undefined> {
  return vscode.commands.executeCommand<EncryptionCommandResult>(COMMANDS[command], { passphrase });
}

/** A copy of the whole team set aside for recovery keeps everyone else, first names shared included. */
describe('erasing a person from a set-aside team copy that holds another person with the same first name (issue 14)', function () {
  this.timeout(60_000);
  const stamp = Date.now();
  let data: string;
  let copy: string;

  before(async () => {
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    copy = path.join(data, 'team.before-set-aside-2026-11-02T10-00-00-000Z.json');
  });

  after(() => rmSync(copy, { force: true }));

  it('rewrites the copy without the erased person; the other Annika and her id stay in it', async () => {
    const erasedName = 'Annika Leftoverberg';
    const keptName = 'Annika Leftoverschmidt';
    const gone = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: erasedName, role: `r${stamp}` });
    const kept = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: keptName, role: `r${stamp}` });
    assert.ok(gone?.ok && kept?.ok);
    // The whole team as stored, set aside as a recovery copy is.
    writeFileSync(copy, readFileSync(path.join(data, TEAM_FILE)));
    const erased = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId: gone.person.id, typedName: erasedName });
    assert.ok(erased, 'the person was deleted');
    assert.ok(existsSync(copy), "the team's recovery copy is kept: it holds the others");
    const text = readFileSync(copy, 'utf8');
    assert.ok(text.includes(kept.person.id) && text.includes(keptName), 'the other Annika is still in it');
    assert.ok(!text.includes(gone.person.id) && !text.includes('Leftoverberg'), 'the erased person is not');
    await vscode.commands.executeCommand(COMMANDS.deletePerson, { personId: kept.person.id, typedName: keptName });
  });
});

/** Erasing a person reaches copies kept in other backup folders in their own form, not the open folder's. */
describe('erasing a person from leftover copies in backups of another form (issue 14)', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const name = `Leftover Formsperson ${stamp}`;
  const passphrase = 'gravel path past the lighthouse';
  let data: string;
  let otherBackup: string;
  let plainCopy: string;
  let sealedCopy: string;
  let sealedLeftover: string | undefined;

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
    writeFileSync(sealedCopy, encryptFile(randomBytes(32), DELEGATION_FILE, new TextEncoder().encode(`{"owner": "${name}"}`)));
    assert.deepEqual(await encryption('encryptNotes', passphrase), { ok: true }, 'the open folder is encrypted, the older backup is not');
  });

  after(async function () {
    this.timeout(60_000);
    if (sealedLeftover) {
      rmSync(sealedLeftover, { force: true });
    }
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

  it('in the encrypted folder, a plain leftover copy naming them is deleted, and a sealed one it cannot open is reported', async () => {
    const person = `Plainleftover Erasee ${stamp}`;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: person });
    assert.ok(added?.ok);
    // An old plain team file set aside after the folder was encrypted: the codec cannot decode it.
    const plainLeftover = path.join(data, 'team.corrupt-2026-11-03T10-00-00-000Z.json');
    writeFileSync(plainLeftover, JSON.stringify({ schemaVersion: 1, people: [{ id: added.person.id, name: person, role: '' }] }));
    sealedLeftover = path.join(data, 'delegation.corrupt-2026-11-03T10-00-00-000Z.json');
    writeFileSync(sealedLeftover, encryptFile(randomBytes(32), DELEGATION_FILE, new TextEncoder().encode(`{"owner": "${person}"}`)));
    const erased = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId: added.person.id, typedName: person });
    assert.ok(erased, 'the person was deleted');
    assert.ok(!existsSync(plainLeftover), 'the plain copy that named them in clear is gone');
    assert.ok(existsSync(sealedLeftover), 'the sealed copy is left as it is');
    assert.equal(erased.leftoversNotCleaned, true, 'and the user is told a copy could not be read');
  });
});
