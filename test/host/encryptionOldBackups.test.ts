import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { EncryptionCommandResult } from '../../src/host/encryption/encryptionCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { isEnvelope } from '../../src/host/encryption/envelope';
import { encodePack } from '../../src/host/storage/notePackFormat';
import { BACKUP_MANIFEST_FILE, BACKUPS_FOLDER, ENCRYPTION_KEY_FILE, NOTE_PACK_FILE, noteBodyName, NOTES_FOLDER, OTHER_BACKUPS_PENDING_FILE, TEAM_FILE, tempName } from '../../src/shared/storageLayout';
import { activateTwoHats, eventually, filesHolding, filesUnder } from './helpers';

function run(command: keyof typeof COMMANDS, args?: unknown): Thenable<EncryptionCommandResult | undefined> {
  return vscode.commands.executeCommand<EncryptionCommandResult>(COMMANDS[command], args);
}

/** A workspace that moved keeps its old backup folder: Encrypt My Notes must reach it too. */
describe('encrypted at rest: older backup folders of a moved workspace', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const sentinel = `Oldbackup Sentinel ${stamp}`;
  const passphrase = 'lanterns along the old canal';
  let data: string;
  let globalStorage: string;
  let oldFolder: string | undefined;
  let currentFolder: string | undefined;
  /** A note whose backup copy is only in a pack (a first backup of a large store writes one). */
  const packedNote = noteBodyName(`packed${stamp}`);

  before(async function () {
    this.timeout(150_000);
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    globalStorage = path.join(data, '..', '..', '..', 'globalStorage', path.basename(data));
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: sentinel });
    assert.ok(added?.ok);
    const backups = path.join(globalStorage, BACKUPS_FOLDER);
    // The manifest is written once the copies are: wait for the whole pass. Under a loaded CI
    // machine a pass over the notes earlier suites left took over 40 s once; say what was there.
    const team = await eventually(
      () => filesHolding(backups, sentinel).find((file) => path.basename(file) === TEAM_FILE && existsSync(path.join(path.dirname(file), BACKUP_MANIFEST_FILE))),
      'a finished backup of the team',
      100_000,
    ).catch((error: unknown) => {
      const there = filesUnder(backups).map((file) => path.relative(backups, file)).filter((file) => !file.includes(`${path.sep}notes${path.sep}`));
      throw new Error(`${String(error)}; the backups folder held: ${JSON.stringify(there)}; the team copy holding the name: ${JSON.stringify(filesHolding(backups, sentinel))}`);
    });
    const current = path.dirname(team);
    // The same workspace's backup from before it moved: same name, another storage path.
    oldFolder = path.join(backups, `old${stamp}`.padEnd(24, '0').slice(0, 24));
    cpSync(current, oldFolder, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(current, BACKUP_MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(oldFolder, BACKUP_MANIFEST_FILE), JSON.stringify({ ...manifest, storagePath: `${String(manifest.storagePath)}-before-it-moved-${stamp}` }));
    assert.ok(readFileSync(path.join(oldFolder, TEAM_FILE)).includes(Buffer.from(sentinel)), 'the old backup holds the name in plain text (the check can fail)');
    currentFolder = current;
    for (const folder of [current, oldFolder]) {
      writeFileSync(path.join(folder, NOTE_PACK_FILE), encodePack([{ name: packedNote, bytes: Buffer.from(`# Packed\n\n${sentinel} in a packed copy.\n`) }]));
      // And one a crashed window left half written, under its temporary name: plain notes too.
      writeFileSync(path.join(folder, tempName(NOTE_PACK_FILE, 999_999, 'abcdef012345')), `${sentinel} in an abandoned pack.\n`);
    }
  });

  after(async function () {
    this.timeout(60_000);
    if (existsSync(path.join(data, ENCRYPTION_KEY_FILE))) {
      await run('unlockNotes', { passphrase });
      await run('decryptNotes', { passphrase });
    }
    if (oldFolder) {
      rmSync(oldFolder, { recursive: true, force: true });
    }
    if (currentFolder) {
      rmSync(path.join(currentFolder, NOTE_PACK_FILE), { force: true });
      rmSync(path.join(currentFolder, NOTES_FOLDER, packedNote), { force: true });
    }
  });

  it('after Encrypt My Notes, no file under global storage holds the name, and the old backup has the key file to restore with', async () => {
    assert.ok(oldFolder, 'the old backup was set up');
    assert.deepEqual(await run('encryptNotes', { passphrase }), { ok: true });
    assert.deepEqual(filesHolding(globalStorage, sentinel), [], 'no file in global storage holds the name');
    for (const folder of [currentFolder!, oldFolder]) {
      // The pack's copy is a file of its own again, encrypted under its own name: restorable with the passphrase.
      assert.equal(existsSync(path.join(folder, NOTE_PACK_FILE)), false, 'the pack was unpacked');
      assert.ok(isEnvelope(readFileSync(path.join(folder, NOTES_FOLDER, packedNote))), 'the packed note is encrypted as a file of its own');
    }
    assert.ok(existsSync(path.join(oldFolder, ENCRYPTION_KEY_FILE)), 'the old backup has the wrapped key beside its copies');
    assert.equal(readFileSync(path.join(oldFolder, ENCRYPTION_KEY_FILE), 'utf8'), readFileSync(path.join(data, ENCRYPTION_KEY_FILE), 'utf8'));
  });
});

/**
 * A window killed during Encrypt My Notes, after the data folder was converted (the next start
 * finishes that) but before the older backup folders were: the marker says they are owed, and the
 * next open with the key at hand encrypts them.
 */
describe('encrypted at rest: older backups still owed after a window killed during Encrypt', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const sentinel = `Owedbackup Sentinel ${stamp}`;
  const passphrase = 'herons above the quiet weir';
  let data: string;
  let globalStorage: string;
  let staging: string;
  let oldFolder: string;
  let marker: string;

  before(async function () {
    this.timeout(90_000);
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    marker = path.join(data, OTHER_BACKUPS_PENDING_FILE);
    globalStorage = path.join(data, '..', '..', '..', 'globalStorage', path.basename(data));
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: sentinel });
    assert.ok(added?.ok);
    const backups = path.join(globalStorage, BACKUPS_FOLDER);
    const team = await eventually(
      () => filesHolding(backups, sentinel).find((file) => path.basename(file) === TEAM_FILE && existsSync(path.join(path.dirname(file), BACKUP_MANIFEST_FILE))),
      'a finished backup of the team',
      40_000,
    );
    // A plain copy of the backup as it was before Encrypt, kept outside global storage meanwhile.
    staging = mkdtempSync(path.join(os.tmpdir(), 'two-hats-owed-backup-'));
    // Not the temporary file of a backup write under way: Two Hats never converts one, it renames it.
    cpSync(path.dirname(team), staging, { recursive: true, filter: (source) => !source.endsWith('.tmp') });
    const manifest = JSON.parse(readFileSync(path.join(staging, BACKUP_MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(staging, BACKUP_MANIFEST_FILE), JSON.stringify({ ...manifest, storagePath: `${String(manifest.storagePath)}-before-it-moved-${stamp}` }));
    assert.deepEqual(await run('encryptNotes', { passphrase }), { ok: true });
    // What the killed window leaves once its conversion is finished: an older backup folder still plain, and the marker.
    oldFolder = path.join(backups, `owed${stamp}`.padEnd(24, '0').slice(0, 24));
    cpSync(staging, oldFolder, { recursive: true });
    writeFileSync(marker, JSON.stringify({ schemaVersion: 1 }));
    assert.ok(readFileSync(path.join(oldFolder, TEAM_FILE)).includes(Buffer.from(sentinel)), 'the older backup holds the name in plain text (the check can fail)');
  });

  after(async function () {
    this.timeout(60_000);
    if (existsSync(path.join(data, ENCRYPTION_KEY_FILE))) {
      await run('unlockNotes', { passphrase });
      await run('decryptNotes', { passphrase });
    }
    rmSync(oldFolder, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  });

  it('the next open encrypts the older backup folder: no file under global storage holds the name, and the marker is gone', async () => {
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    assert.deepEqual(filesHolding(globalStorage, sentinel), [], 'no file in global storage holds the name');
    assert.ok(existsSync(path.join(oldFolder, ENCRYPTION_KEY_FILE)), 'the older backup has the wrapped key beside its copies');
    assert.ok(!existsSync(marker), 'the marker is gone once nothing is owed');
  });
});

/**
 * An older backup folder a part of which cannot be listed (here a path too long for the system)
 * is not done: the marker stays and the user is told, never "encrypted" over a plain folder.
 */
describe('encrypted at rest: older backups still owed when a part of one cannot be listed', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const sentinel = `Unlistedbackup Sentinel ${stamp}`;
  const passphrase = 'moss on the northern wall';
  let data: string;
  let globalStorage: string;
  let oldFolder: string | undefined;
  let marker: string;

  before(async function () {
    this.timeout(90_000);
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    marker = path.join(data, OTHER_BACKUPS_PENDING_FILE);
    globalStorage = path.join(data, '..', '..', '..', 'globalStorage', path.basename(data));
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: sentinel });
    assert.ok(added?.ok);
    const backups = path.join(globalStorage, BACKUPS_FOLDER);
    const team = await eventually(
      () => filesHolding(backups, sentinel).find((file) => path.basename(file) === TEAM_FILE && existsSync(path.join(path.dirname(file), BACKUP_MANIFEST_FILE))),
      'a finished backup of the team',
      40_000,
    );
    const staging = mkdtempSync(path.join(os.tmpdir(), 'two-hats-unlisted-backup-'));
    cpSync(path.dirname(team), staging, { recursive: true, filter: (source) => !source.endsWith('.tmp') });
    const manifest = JSON.parse(readFileSync(path.join(staging, BACKUP_MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(staging, BACKUP_MANIFEST_FILE), JSON.stringify({ ...manifest, storagePath: `${String(manifest.storagePath)}-before-it-moved-${stamp}` }));
    assert.deepEqual(await run('encryptNotes', { passphrase }), { ok: true });
    oldFolder = path.join(backups, `unlisted${stamp}`.padEnd(24, '0').slice(0, 24));
    cpSync(staging, oldFolder, { recursive: true });
    rmSync(staging, { recursive: true, force: true });
    // Folders nested past the longest path the system lists (4096 bytes on Linux), made one step
    // at a time from the one before, so that no call is handed the whole path.
    const step = 'd'.repeat(250);
    const cwd = process.cwd();
    mkdirSync(path.join(oldFolder, 'notes'), { recursive: true });
    try {
      process.chdir(path.join(oldFolder, 'notes'));
      for (let depth = 0; depth < 20; depth++) {
        mkdirSync(step);
        process.chdir(step);
      }
      writeFileSync('deep.md', sentinel);
    } finally {
      process.chdir(cwd);
    }
    writeFileSync(marker, JSON.stringify({ schemaVersion: 1 }));
    assert.ok(readFileSync(path.join(oldFolder, TEAM_FILE)).includes(Buffer.from(sentinel)), 'the older backup holds the name in plain text (the check can fail)');
  });

  after(async function () {
    this.timeout(60_000);
    if (oldFolder) {
      // GNU rm walks a tree of any depth; Node's rmSync goes by full paths, too long here.
      execFileSync('rm', ['-rf', oldFolder]);
    }
    if (existsSync(path.join(data, ENCRYPTION_KEY_FILE))) {
      await run('unlockNotes', { passphrase });
      await run('decryptNotes', { passphrase });
    }
    rmSync(marker, { force: true });
  });

  it('the next open encrypts what it can list and keeps the marker: the folder is still owed', async () => {
    const folder = oldFolder;
    assert.ok(folder, 'the older backup was set up');
    // The warning that names the folder is shown by the extension through its own vscode API
    // object, which a test cannot stand in for: what is on disk is asserted instead.
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    assert.ok(existsSync(marker), 'the marker stays: the older backups are still owed');
    assert.ok(!readFileSync(path.join(folder, TEAM_FILE)).includes(Buffer.from(sentinel)), 'what could be listed is encrypted');
  });
});
