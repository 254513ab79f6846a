import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import { HOW_TO_OPEN_NAME, SEALED_KEYFILE_NAME } from '../../src/host/oneOnOnes/sealedExport';
import type { EncryptionCommandResult } from '../../src/host/encryption/encryptionCommands';
import type { ImportResult } from '../../src/host/oneOnOnes/exportImport';
import { intoFreshFolder } from '../../src/host/oneOnOnes/exportFiles';
import type { HandoverResult } from '../../src/host/oneOnOnes/handoverExport';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import type { Erased } from '../../src/host/team/erasePerson';
import { ENCRYPTION_KEY_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats, filesUnder } from './helpers';

function encryption(command: 'encryptNotes' | 'unlockNotes' | 'decryptNotes', passphrase: string): Thenable<EncryptionCommandResult | undefined> {
  return vscode.commands.executeCommand<EncryptionCommandResult>(COMMANDS[command], { passphrase });
}

function search(text: string): Thenable<string[] | undefined> {
  return vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, text);
}

describe('the handover export while the notes are encrypted: sealed under a one-time passphrase (issue 14)', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const name = `Wendeline Handover ${stamp}`;
  const sentinel = `HANDOVER-SHAREABLE-${stamp}`;
  const privateSentinel = `HANDOVER-PRIVATE-${stamp}`;
  const goalSentinel = `HANDOVER-GOAL-${stamp}`;
  const ownPassphrase = 'copper kettle under the north bridge';
  const oneTime = 'seven herons over a quiet harbour';
  const exportParent = mkdtempSync(path.join(os.tmpdir(), 'two-hats-handover-'));
  let data: string;
  let personId: string;
  let exported: HandoverResult;

  before(async function () {
    this.timeout(90_000);
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
    assert.ok(added?.ok);
    personId = added.person.id;
    await vscode.commands.executeCommand(COMMANDS.addGoal, { personId, text: `Lead the ${goalSentinel} review` });
    const note = (await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' }))!;
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(note.uri));
    // First, above the template's own private section, so that it is shareable.
    const typed = `- [ ] ${sentinel} drafts the rollout plan\n\n${before}\n\n## Private notes\n\n${privateSentinel} seemed tired\n`;
    await vscode.workspace.fs.writeFile(note.uri, new TextEncoder().encode(typed));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.deepEqual(await encryption('encryptNotes', ownPassphrase), { ok: true });
  });

  after(async function () {
    this.timeout(60_000);
    if (existsSync(path.join(data, ENCRYPTION_KEY_FILE))) {
      await encryption('unlockNotes', ownPassphrase);
      await encryption('decryptNotes', ownPassphrase);
    }
    rmSync(exportParent, { recursive: true, force: true });
  });

  it("refuses the lead's own passphrase and a weak one as the one-time passphrase, writing nothing", async () => {
    for (const passphrase of [ownPassphrase, 'password1234']) {
      const refused = await vscode.commands.executeCommand<HandoverResult>(COMMANDS.exportForNextManager, { personId, folder: exportParent, encrypted: true, passphrase });
      assert.equal(refused, undefined, 'nothing was exported');
    }
    assert.deepEqual(filesUnder(exportParent), [], 'no file was written');
  });

  it('writes sealed notes and a key of its own: no name, note or goal text, nor either passphrase, in any byte or file name', async () => {
    const result = await vscode.commands.executeCommand<HandoverResult>(COMMANDS.exportForNextManager, { personId, folder: exportParent, encrypted: true, passphrase: oneTime });
    assert.ok(result, 'the handover was exported');
    exported = result;
    assert.equal(exported.encrypted, true);
    assert.equal(exported.notes, 1);
    const files = filesUnder(exported.written.fsPath);
    const names = files.map((file) => path.relative(exported.written.fsPath, file));
    assert.ok(names.includes(SEALED_KEYFILE_NAME), names.join(', '));
    assert.ok(names.includes(HOW_TO_OPEN_NAME), names.join(', '));
    assert.equal(names.filter((file) => file.endsWith('.md.enc')).length, 2, `the summary and the note: ${names.join(', ')}`);
    assert.deepEqual(names.filter((file) => file.endsWith('.md')), [], 'no plain Markdown file');
    for (const secret of [name, 'Wendeline', sentinel, privateSentinel, goalSentinel, ownPassphrase, oneTime]) {
      assert.ok(!exported.written.fsPath.includes(secret), `the folder's name does not hold ${secret}`);
      assert.deepEqual(names.filter((file) => file.includes(secret)), [], `no file name holds ${secret}`);
      assert.deepEqual(
        files.filter((file) => readFileSync(file).includes(Buffer.from(secret, 'utf8'))),
        [],
        `no file holds ${secret}`,
      );
    }
    const leadKeyfile = JSON.parse(readFileSync(path.join(data, ENCRYPTION_KEY_FILE), 'utf8')) as { keyId: string };
    const handoverKeyfile = JSON.parse(readFileSync(path.join(exported.written.fsPath, SEALED_KEYFILE_NAME), 'utf8')) as { keyId: string };
    assert.notEqual(handoverKeyfile.keyId, leadKeyfile.keyId, "the handover is not sealed with the lead's data key");
  });

  it('a passphrase seals the handover even without encrypted: true; with encrypted: false it is refused', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'two-hats-handover-passphrase-'));
    try {
      const refused = await vscode.commands.executeCommand<HandoverResult>(COMMANDS.exportForNextManager, { personId, folder: parent, encrypted: false, passphrase: oneTime });
      assert.equal(refused, undefined, 'a plain handover is never written when a passphrase was given');
      assert.deepEqual(filesUnder(parent), [], 'nothing was written');
      const sealed = await vscode.commands.executeCommand<HandoverResult>(COMMANDS.exportForNextManager, { personId, folder: parent, passphrase: oneTime });
      assert.equal(sealed?.encrypted, true, 'the handover is sealed');
      assert.deepEqual(filesUnder(parent).filter((file) => file.endsWith('.md')), [], 'no plain Markdown file');
      assert.deepEqual(readdirSync(parent), [path.basename(sealed.written.fsPath)], 'one whole handover folder, no partial one');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('a handover cut short by a failed write leaves no folder that could be imported as whole', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'two-hats-handover-partial-'));
    try {
      const failed = intoFreshFolder(vscode.Uri.file(parent), 'two-hats-handover-2026-11-30', async (folder) => {
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, SEALED_KEYFILE_NAME), new TextEncoder().encode('{}'));
        throw new Error('disk full');
      });
      await assert.rejects(failed, /disk full/);
      assert.deepEqual(readdirSync(parent), [], 'neither the handover folder nor its partial one is left');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("a wrong passphrase, the lead's own included, imports nothing; the one-time passphrase brings the person, the shareable note and the goals back", async () => {
    const erased = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId, typedName: name });
    assert.equal(erased?.notes, 1, 'the person and their note are gone');
    assert.deepEqual(await search(sentinel), [], 'no note holds the sentinel any more');

    for (const wrong of ['not the passphrase at all', ownPassphrase]) {
      const refused = await vscode.commands.executeCommand<ImportResult>(COMMANDS.importNotes, { folder: exported.written.fsPath, passphrase: wrong });
      assert.equal(refused?.imported, 0);
      assert.match(refused?.refused ?? '', /passphrase/);
      assert.deepEqual(await search(sentinel), [], 'nothing came in');
      assert.deepEqual(await search(goalSentinel), [], 'nothing came in');
    }

    const right = await vscode.commands.executeCommand<ImportResult>(COMMANDS.importNotes, { folder: exported.written.fsPath, passphrase: oneTime });
    assert.ok(right && !right.refused, right?.refused);
    assert.deepEqual(right.skipped, []);
    assert.equal(right.imported, 2, 'the summary and the note came in');
    assert.equal(right.peopleAdded, 1, 'and the person with them, by name');
    // The note, and the summary whose open items it lists (the privacy rule no longer cuts the summary).
    assert.equal((await search(sentinel))?.length, 2, 'the shareable note text is readable again, in the note and in the summary');
    // The weekly note lists the person's goals too: the goal is in the note and in the summary.
    assert.equal((await search(goalSentinel))?.length, 2, 'the goals came with the summary');
    assert.deepEqual(await search(privateSentinel), [], 'the private part never left');
  });
});
