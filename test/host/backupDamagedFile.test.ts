import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UndecodableFile } from '../../src/host/encryption/lockedError';
import { BackupKeeper } from '../../src/host/storage/backups';
import { identityCodec, useCodec, type ByteCodec } from '../../src/host/storage/dataFiles';
import { DelegationStore } from '../../src/host/storage/delegationStore';
import { backupFolderFor } from '../../src/host/storage/layout';
import { NoteStore } from '../../src/host/storage/noteStore';
import { TeamStore } from '../../src/host/storage/teamStore';
import { BACKUPS_FOLDER, noteBodyName, NOTES_FOLDER, TEAM_FILE } from '../../src/shared/storageLayout';
import { eventually } from './helpers';

/**
 * Another program damages the team file a moment before a backup pass, before this window has
 * read it: the pass must not copy the damaged bytes over the good copy, the one the user needs
 * once the damaged file is set aside. (A CI run on a slow machine met it: a backup pass fell
 * between a tampered write and its read, and its kept copy was the tampered file.)
 */
describe('the rolling backup when the team file was damaged a moment before a pass', function () {
  this.timeout(60_000);
  let root: string;
  let data: vscode.Uri;
  let backupsRoot: vscode.Uri;
  let identity: { workspaceName: string; workspacePath: string; storagePath: string };
  const team = new TeamStore();
  const delegation = new DelegationStore();
  const notes = new NoteStore();
  const log = vscode.window.createOutputChannel('Two Hats damaged file backup test', { log: true });
  let keeper: BackupKeeper;
  const backupFolder = () => backupFolderFor(backupsRoot, identity.storagePath).fsPath;
  const teamFile = () => path.join(data.fsPath, TEAM_FILE);
  const backupFiles = () => readdirSync(backupFolder()).filter((entry) => entry.startsWith('team.'));
  const addFromOutside = (name: string) => {
    const file = JSON.parse(readFileSync(teamFile(), 'utf8')) as { people: unknown[] };
    file.people.push({ id: `outside${Date.now()}`, name, archived: false, role: '', cadence: 'weekly', addedOn: '2026-01-05' });
    writeFileSync(teamFile(), JSON.stringify(file));
  };

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'two-hats-backup-damaged-'));
    data = vscode.Uri.file(path.join(root, 'data'));
    backupsRoot = vscode.Uri.file(path.join(root, BACKUPS_FOLDER));
    identity = { workspaceName: 'damaged', workspacePath: '/damaged', storagePath: path.join(root, 'data') };
    keeper = new BackupKeeper(backupsRoot, { team, delegation, notes }, log);
    const location = { kind: 'folder' as const, uri: data, scope: 'workspace' as const };
    await Promise.all([team.open(location), delegation.open(location), notes.open(data)]);
    assert.equal((await team.add({ name: 'Gwendolyn Goodcopy', role: 'Engineer', cadence: 'weekly' })).ok, true);
    // Something besides the team: with the team set aside, the workspace still holds what is worth a backup.
    assert.equal((await delegation.add('Hand the release train over')).ok, true);
    await keeper.follow(data, identity);
    await keeper.flush();
    assert.match(readFileSync(path.join(backupFolder(), TEAM_FILE), 'utf8'), /Gwendolyn Goodcopy/, 'the backup holds the good team');
  });

  after(async () => {
    await keeper.flush();
    await team.followDisk(); // a read the last pass asked for, before the folder goes
    [keeper, team, delegation, notes, log].forEach((d) => d.dispose());
    rmSync(root, { recursive: true, force: true });
  });

  it('copies a change another window saved, once this window has read it', async () => {
    assert.equal((await team.add({ name: 'Mina Mine', role: '', cadence: 'weekly' })).ok, true, 'a change here marks the team for the pass');
    // Then another window saves a person; the pass runs before this window has read it.
    addFromOutside('Otto Outside');
    await keeper.flush();
    await eventually(() => /Otto Outside/.test(readFileSync(path.join(backupFolder(), TEAM_FILE), 'utf8')) || undefined, 'the other window’s person in the backup', 20_000);
    assert.match(readFileSync(path.join(backupFolder(), TEAM_FILE), 'utf8'), /Mina Mine/);
  });

  it('a change refused here still passes on what another window saved meanwhile, to the backup too', async () => {
    let changed = false;
    const listening = team.onDidChange(() => (changed = true));
    try {
      addFromOutside('Rhea Remote');
      const refused = await team.add({ name: 'Mina Mine', role: '', cadence: 'weekly' });
      assert.equal(refused.ok, false, 'a duplicate name is refused');
      assert.ok(team.all.some((person) => person.name === 'Rhea Remote'), 'the other window’s person was read before the refusal');
      assert.ok(changed, 'and said so: the sidebar repaints, the backup copies it');
    } finally {
      listening.dispose();
    }
    await keeper.flush();
    await eventually(() => /Rhea Remote/.test(readFileSync(path.join(backupFolder(), TEAM_FILE), 'utf8')) || undefined, 'the other window’s person in the backup', 20_000);
  });

  it('keeps the good copy when the file on disk is damaged and not read yet, and sets the damaged one aside', async () => {
    const good = readFileSync(path.join(backupFolder(), TEAM_FILE));
    // A change marks the team for the next pass; then another program tears the file.
    assert.equal((await team.add({ name: 'Petra Pending', role: '', cadence: 'weekly' })).ok, true);
    const damaged = Buffer.from('{"schemaVersion": 1, "people": [ {"id": "torn');
    writeFileSync(teamFile(), damaged);
    await keeper.flush(); // the pass runs now, before the store has read the torn file

    await eventually(() => readdirSync(data.fsPath).some((entry) => /^team\.corrupt-.*\.json$/.test(entry)) || undefined, 'the damaged team file set aside', 20_000);
    await eventually(() => backupFiles().some((entry) => entry.includes('before-set-aside')) || undefined, 'the backup’s copy kept beside the set-aside file', 20_000);
    for (const entry of backupFiles()) {
      assert.notDeepEqual(readFileSync(path.join(backupFolder(), entry)), damaged, `${entry} is not the damaged file`);
    }
    const kept = backupFiles().find((entry) => entry.includes('before-set-aside'))!;
    assert.deepEqual(readFileSync(path.join(backupFolder(), kept)), good, 'the kept copy is the last good team the backup held');
  });
});

/** Stored as a mark, the bytes and their sum: a changed byte no longer decodes, as with a real key. */
const MARK = 0x7e;
const checksummed: ByteCodec = {
  encode: (plain) => Promise.resolve(Uint8Array.from([MARK, ...plain, plain.reduce((sum, byte) => (sum + byte) & 0xff, 0)])),
  decode: (stored) => {
    const plain = stored.subarray(1, -1);
    const whole = stored[0] === MARK && plain.reduce((sum, byte) => (sum + byte) & 0xff, 0) === stored[stored.length - 1];
    return whole ? Promise.resolve(plain) : Promise.reject(new UndecodableFile('tampered', 'it is damaged'));
  },
};

describe('the rolling backup when an encrypted note was damaged by another program', function () {
  this.timeout(60_000);
  let root: string;
  let keeper: BackupKeeper;
  const team = new TeamStore();
  const delegation = new DelegationStore();
  const notes = new NoteStore();
  const log = vscode.window.createOutputChannel('Two Hats damaged note backup test', { log: true });

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'two-hats-backup-damaged-note-'));
    useCodec(checksummed);
  });

  after(async () => {
    await keeper?.flush();
    [keeper, team, delegation, notes, log].forEach((d) => d?.dispose());
    useCodec(identityCodec);
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps the good copy of the note rather than the damaged file, and copies a whole change', async () => {
    const data = vscode.Uri.file(path.join(root, 'data'));
    const identity = { workspaceName: 'note', workspacePath: '/note', storagePath: data.fsPath };
    const backupsRoot = vscode.Uri.file(path.join(root, BACKUPS_FOLDER));
    keeper = new BackupKeeper(backupsRoot, { team, delegation, notes }, log);
    const location = { kind: 'folder' as const, uri: data, scope: 'workspace' as const };
    await Promise.all([team.open(location), delegation.open(location), notes.open(data)]);
    const added = await team.add({ name: 'Nora Notewritten', role: '', cadence: 'weekly' });
    assert.ok(added.ok);
    const note = await notes.create({ personId: added.person.id, date: '2026-11-30', templateId: 'weekly', title: 'Nora · 2026-11-30', content: 'We agreed on the plan.\n' });
    await notes.flush();
    await keeper.follow(data, identity);
    await keeper.flush();
    const body = path.join(data.fsPath, NOTES_FOLDER, noteBodyName(note.id));
    const copy = path.join(backupFolderFor(backupsRoot, identity.storagePath).fsPath, NOTES_FOLDER, noteBodyName(note.id));
    const good = readFileSync(copy);
    assert.deepEqual(good, readFileSync(body), 'the backup holds the note as stored');

    await new Promise((resolve) => setTimeout(resolve, 50)); // a newer time than the copy's
    const damaged = Buffer.from(good);
    damaged[5]! ^= 0x01;
    writeFileSync(body, damaged);
    await notes.open(data); // read again: every note is looked at by the next pass
    await keeper.flush();
    assert.deepEqual(readFileSync(copy), good, 'the damaged note did not replace its good copy');

    // A whole change still goes in: the check is for damage, not for change.
    const changed = await checksummed.encode(new TextEncoder().encode('We agreed on another plan.\n'), vscode.Uri.file(body));
    writeFileSync(body, changed);
    await notes.open(data);
    await keeper.flush();
    assert.deepEqual(readFileSync(copy), Buffer.from(changed), 'a note that decodes is copied as before');
  });
});
