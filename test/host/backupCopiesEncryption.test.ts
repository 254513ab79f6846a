import * as assert from 'node:assert/strict';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { EncryptionCommandResult } from '../../src/host/encryption/encryptionCommands';
import { decryptFile, isEnvelope } from '../../src/host/encryption/envelope';
import { unwrapDataKey } from '../../src/host/encryption/keyWrapping';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { BACKUPS_FOLDER, ENCRYPTION_KEY_FILE, NOTES_FOLDER, SEARCH_INDEX_FILE, noteBodyName } from '../../src/shared/storageLayout';
import { activateTwoHats, eventually, saveOrExplain } from './helpers';

function run(command: keyof typeof COMMANDS, args?: unknown): Thenable<EncryptionCommandResult | undefined> {
  return vscode.commands.executeCommand<EncryptionCommandResult>(COMMANDS[command], args);
}

function readOpened(fd: number): Buffer {
  const buffer = Buffer.alloc(1 << 20);
  return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
}

/**
 * Backups copy notes (issue #15); Encrypt My Notes converts the backup with the data (issue #14).
 * The conversion must replace each file, never write into it, and the backup stays a file of its
 * own.
 */
describe('a backup copy through Encrypt My Notes', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const passphrase = 'separate copies under a winter moon';
  let data: string;
  let globalStorage: string;

  before(async () => {
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    globalStorage = path.join(data, '..', '..', '..', 'globalStorage', path.basename(data));
  });

  after(async function () {
    this.timeout(60_000);
    // The next suites find plain data.
    if (existsSync(path.join(data, ENCRYPTION_KEY_FILE))) {
      await run('unlockNotes', { passphrase });
      await run('decryptNotes', { passphrase });
    }
  });

  function backupCopyOf(noteId: string): string | undefined {
    const backups = path.join(globalStorage, BACKUPS_FOLDER);
    return readdirSync(backups)
      .map((workspace) => path.join(backups, workspace, NOTES_FOLDER, noteBodyName(noteId)))
      .find((copy) => statSync(copy, { throwIfNoEntry: false })?.isFile());
  }

  async function decrypted(file: string, noteId: string): Promise<string> {
    const unwrapped = await unwrapDataKey(passphrase, readFileSync(path.join(data, ENCRYPTION_KEY_FILE), 'utf8'));
    assert.ok(unwrapped.ok);
    const opened = decryptFile(unwrapped.dataKey, `${NOTES_FOLDER}/${noteBodyName(noteId)}`, readFileSync(file));
    assert.ok(opened.ok, `the backup's copy opens with the folder's key (${opened.ok ? '' : opened.reason})`);
    return opened.plaintext.toString('utf8');
  }

  it('is encrypted with the data, still holds the version it copied, and a save afterwards leaves it alone', async () => {
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Linked Encrypted Backup ${stamp}` });
    assert.ok(added?.ok);
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' });
    assert.ok(started);
    const first = `COPIED-BEFORE-ENCRYPT-${stamp}`;
    let editor = vscode.window.activeTextEditor!;
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 0), `${first}\n`)));
    await saveOrExplain(editor.document);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const source = path.join(data, NOTES_FOLDER, noteBodyName(started.noteId));
    const copy = await eventually(() => {
      const found = backupCopyOf(started.noteId);
      return found && readFileSync(found, 'utf8').includes(first) ? found : undefined;
    }, 'the backup of the note', 40_000);
    assert.notEqual(statSync(copy).ino, statSync(source).ino, 'the backup is a file of its own');

    const fd = openSync(copy, 'r');
    try {
      const copied = readOpened(fd);
      assert.deepEqual(await run('encryptNotes', { passphrase }), { ok: true });
      assert.deepEqual(readOpened(fd), copied, 'the conversion replaced the files, it wrote into neither');
    } finally {
      closeSync(fd);
    }
    const converted = readFileSync(copy);
    assert.ok(isEnvelope(converted) && !converted.includes(Buffer.from(first)), 'the backup’s copy is encrypted, as the data is');
    assert.ok(isEnvelope(readFileSync(source)), 'the note is encrypted');
    assert.match(await decrypted(copy, started.noteId), new RegExp(first), 'and it holds the version it held before');

    // A save after the conversion does not reach into the backup either.
    const encryptedCopy = readFileSync(copy);
    const second = `COPIED-AFTER-ENCRYPT-${stamp}`;
    editor = await vscode.window.showTextDocument(started.uri);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 0), `${second}\n`)));
    const fdAfter = openSync(copy, 'r');
    try {
      await saveOrExplain(editor.document);
      assert.deepEqual(readOpened(fdAfter), encryptedCopy, 'the save replaced the note, the backup’s file is as it was');
    } finally {
      closeSync(fdAfter);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    assert.ok(isEnvelope(readFileSync(source)) && !readFileSync(source).includes(Buffer.from(second)), 'the saved note is encrypted');
    await eventually(async () => ((await decrypted(copy, started.noteId)).includes(second) ? true : undefined), 'the backup of the saved version', 40_000);
  });

  it('keeps the search index file encrypted too, and search still finds the note', async () => {
    assert.ok(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), 'the folder is encrypted (by the test above)');
    const word = `COPIED-AFTER-ENCRYPT-${stamp}`;
    const hits = await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, word);
    assert.equal(hits?.length, 1, 'the saved note is found');
    // A reload writes the index the session holds before the store opens again.
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    const indexFile = path.join(data, SEARCH_INDEX_FILE);
    const stored = await eventually(() => (existsSync(indexFile) ? readFileSync(indexFile) : undefined), 'the search index on disk');
    assert.ok(isEnvelope(stored), 'the index file is an encrypted envelope');
    assert.ok(!stored.includes(Buffer.from(word)) && !stored.includes(Buffer.from(word.toLowerCase())), 'no word of a note is readable in it');
    assert.deepEqual(await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, word), hits, 'read back from the encrypted file');
  });

  it('writes over a plain search index found in the encrypted folder (a torn write, another program) with an encrypted one', async () => {
    assert.ok(existsSync(path.join(data, ENCRYPTION_KEY_FILE)), 'the folder is encrypted (by the test above)');
    const word = `COPIED-AFTER-ENCRYPT-${stamp}`;
    const planted = `PLANTED-PLAIN-INDEX-${stamp}`;
    const indexFile = path.join(data, SEARCH_INDEX_FILE);
    // The session's index is written first, so the plain file below is what the next search loads.
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    writeFileSync(indexFile, JSON.stringify({ format: 'two-hats-search-index', words: [planted] }));
    const hits = await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, word);
    assert.equal(hits?.length, 1, 'search rebuilt what it could not read, and finds the note');
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    const stored = await eventually(() => {
      const bytes = readFileSync(indexFile);
      return isEnvelope(bytes) ? bytes : undefined;
    }, 'the index written over, encrypted');
    assert.ok(!stored.includes(Buffer.from(planted)), 'no plain text is left in the index file');
  });
});
