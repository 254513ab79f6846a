import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BackupKeeper } from '../../src/host/storage/backups';
import { DelegationStore } from '../../src/host/storage/delegationStore';
import { backupFolderFor } from '../../src/host/storage/layout';
import { NoteStore } from '../../src/host/storage/noteStore';
import { TeamStore } from '../../src/host/storage/teamStore';
import { BACKUPS_FOLDER, TEAM_FILE } from '../../src/shared/storageLayout';
import { eventually } from './helpers';

/**
 * Another program damages the team file a moment before a backup pass, before this window has
 * read it: the pass must not copy the damaged bytes over the good copy, the one the user needs
 * once the damaged file is set aside. (A CI run on a slow machine met it: a backup pass fell
 * between a tampered write and its read, and its kept copy was the tampered file.)
 */
describe('the rolling backup when the team file was damaged a moment before a pass', function () {
  this.timeout(60_000);
  const root = mkdtempSync(path.join(tmpdir(), 'two-hats-backup-damaged-'));
  const data = vscode.Uri.file(path.join(root, 'data'));
  const backupsRoot = vscode.Uri.file(path.join(root, BACKUPS_FOLDER));
  const identity = { workspaceName: 'damaged', workspacePath: '/damaged', storagePath: path.join(root, 'data') };
  const team = new TeamStore();
  const delegation = new DelegationStore();
  const notes = new NoteStore();
  const log = vscode.window.createOutputChannel('Two Hats damaged file backup test', { log: true });
  const keeper = new BackupKeeper(backupsRoot, { team, delegation, notes }, log);
  const backupFolder = () => backupFolderFor(backupsRoot, identity.storagePath).fsPath;
  const teamFile = path.join(data.fsPath, TEAM_FILE);
  const backupFiles = () => readdirSync(backupFolder()).filter((entry) => entry.startsWith('team.'));

  before(async () => {
    const location = { kind: 'folder' as const, uri: data, scope: 'workspace' as const };
    await Promise.all([team.open(location), delegation.open(location), notes.open(data)]);
    assert.equal((await team.add({ name: 'Gwendolyn Goodcopy', role: 'Engineer', cadence: 'weekly' })).ok, true);
    // Something besides the team: with the team set aside, the workspace still holds what is worth a backup.
    assert.equal((await delegation.add('Hand the release train over')).ok, true);
    await keeper.follow(data, identity);
    await keeper.flush();
    assert.match(readFileSync(path.join(backupFolder(), TEAM_FILE), 'utf8'), /Gwendolyn Goodcopy/, 'the backup holds the good team');
  });

  after(() => {
    [keeper, team, delegation, notes, log].forEach((d) => d.dispose());
    rmSync(root, { recursive: true, force: true });
  });

  it('copies a change from another window once it was read, never bytes it has not read', async () => {
    assert.equal((await team.add({ name: 'Mina Mine', role: '', cadence: 'weekly' })).ok, true, 'a change here marks the team for the pass');
    // Then another window saves a person; the pass runs before this window has read it.
    const file = JSON.parse(readFileSync(teamFile, 'utf8')) as { people: unknown[] };
    file.people.push({ id: `outside${Date.now()}`, name: 'Otto Outside', archived: false, role: '', cadence: 'weekly', addedOn: '2026-01-05' });
    writeFileSync(teamFile, JSON.stringify(file));
    await keeper.flush();
    await eventually(() => /Otto Outside/.test(readFileSync(path.join(backupFolder(), TEAM_FILE), 'utf8')) || undefined, 'the other window’s person in the backup', 20_000);
    assert.match(readFileSync(path.join(backupFolder(), TEAM_FILE), 'utf8'), /Mina Mine/);
  });

  it('keeps the good copy when the file on disk is damaged and not read yet, and sets the damaged one aside', async () => {
    const good = readFileSync(path.join(backupFolder(), TEAM_FILE));
    // A change marks the team for the next pass; then another program tears the file.
    assert.equal((await team.add({ name: 'Petra Pending', role: '', cadence: 'weekly' })).ok, true);
    const damaged = Buffer.from('{"schemaVersion": 1, "people": [ {"id": "torn');
    writeFileSync(teamFile, damaged);
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
