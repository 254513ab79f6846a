import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import { HOW_TO_OPEN_NAME, SEALED_KEYFILE_NAME } from '../../src/host/oneOnOnes/sealedExport';
import type { EncryptionCommandResult } from '../../src/host/encryption/encryptionCommands';
import type { ExportResult, ImportResult } from '../../src/host/oneOnOnes/exportImport';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import type { Erased } from '../../src/host/team/erasePerson';
import { ENCRYPTION_KEY_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats } from './helpers';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

function encryption(command: 'encryptNotes' | 'unlockNotes' | 'decryptNotes', passphrase: string): Thenable<EncryptionCommandResult | undefined> {
  return vscode.commands.executeCommand<EncryptionCommandResult>(COMMANDS[command], { passphrase });
}

describe('exports while the notes are encrypted: sealed, and imported with the passphrase', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const name = `Ottilie Sealed ${stamp}`;
  const sentinel = `SEALED-EXPORT-SENTINEL-${stamp}`;
  const privateSentinel = `SEALED-PRIVATE-${stamp}`;
  const passphrase = 'lantern over the salt marsh';
  const exportParent = mkdtempSync(path.join(os.tmpdir(), 'two-hats-sealed-'));
  let data: string;
  let personId: string;
  let exported: ExportResult;

  before(async function () {
    this.timeout(90_000);
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
    assert.ok(added?.ok);
    personId = added.person.id;
    const note = (await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' }))!;
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(note.uri));
    const typed = `${before}\n- [ ] ${sentinel} drafts the rollout plan\n\n## Private notes\n\n${privateSentinel} seemed tired\n`;
    await vscode.workspace.fs.writeFile(note.uri, new TextEncoder().encode(typed));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.deepEqual(await encryption('encryptNotes', passphrase), { ok: true });
  });

  after(async function () {
    this.timeout(60_000);
    if (existsSync(path.join(data, ENCRYPTION_KEY_FILE))) {
      await encryption('unlockNotes', passphrase);
      await encryption('decryptNotes', passphrase);
    }
    rmSync(exportParent, { recursive: true, force: true });
  });

  it('writes sealed notes and the wrapped key: no name, note text or passphrase in any byte or file name', async () => {
    const result = await vscode.commands.executeCommand<ExportResult>(COMMANDS.exportNotes, { folder: exportParent, includePrivate: true, encrypted: true });
    assert.ok(result, 'the export ran');
    exported = result;
    assert.equal(exported.encrypted, true);
    assert.ok(exported.notes >= 1, 'the note was exported');
    assert.deepEqual(exported.failed, []);
    const files = filesUnder(exported.folder.fsPath);
    const names = files.map((file) => path.relative(exported.folder.fsPath, file));
    assert.ok(names.includes(SEALED_KEYFILE_NAME), names.join(', '));
    assert.ok(names.includes(HOW_TO_OPEN_NAME), names.join(', '));
    assert.equal(names.filter((file) => file.endsWith('.md.enc')).length, exported.notes, names.join(', '));
    assert.deepEqual(names.filter((file) => file.endsWith('.md')), [], 'no plain Markdown file');
    for (const secret of [name, sentinel, privateSentinel, passphrase, 'Ottilie']) {
      assert.deepEqual(names.filter((file) => file.includes(secret)), [], `no file name holds ${secret}`);
      assert.deepEqual(
        files.filter((file) => readFileSync(file).includes(Buffer.from(secret, 'utf8'))),
        [],
        `no file holds ${secret}`,
      );
    }
  });

  it('imports the export in the window that wrote it without asking for the passphrase', async () => {
    // A prompt here would wait for an answer that never comes, and the test would time out.
    const result = await vscode.commands.executeCommand<ImportResult>(COMMANDS.importNotes, { folder: exported.folder.fsPath });
    assert.ok(result && !result.refused, result?.refused);
    assert.equal(result.imported, 0);
    assert.ok(result.alreadyHere >= 1, 'the sealed note opened and matched the one here');
    assert.deepEqual(result.skipped, []);
  });

  it('a wrong passphrase imports nothing and says so; the right one brings the notes back after the person was deleted', async () => {
    assert.deepEqual(await encryption('decryptNotes', passphrase), { ok: true }, 'back to plain notes: this window no longer holds the key');
    const erased = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId, typedName: name });
    assert.equal(erased?.notes, 1, 'the person and their note are gone');
    assert.deepEqual(await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, sentinel), [], 'no note holds the sentinel any more');

    const wrong = await vscode.commands.executeCommand<ImportResult>(COMMANDS.importNotes, { folder: exported.folder.fsPath, passphrase: 'not the passphrase at all' });
    assert.equal(wrong?.imported, 0);
    assert.match(wrong?.refused ?? '', /passphrase/);
    assert.deepEqual(await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, sentinel), [], 'nothing came in');

    const right = await vscode.commands.executeCommand<ImportResult>(COMMANDS.importNotes, { folder: exported.folder.fsPath, passphrase });
    assert.ok(right && !right.refused, right?.refused);
    assert.ok(right.imported >= 1, 'the note came back');
    assert.equal(right.peopleAdded, 1, 'and the person with it, by name');
    const hits = await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, sentinel);
    assert.equal(hits?.length, 1, 'the note text is readable again');
    const privateHits = await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, privateSentinel);
    assert.equal(privateHits?.length, 1, 'its private section came back too (it was exported with it)');
  });
});
