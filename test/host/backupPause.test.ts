import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** Real stores and a real keeper on folders of their own, away from the running extension's data. */
describe('encrypted at rest: the rolling backup pauses while a conversion runs', function () {
  this.timeout(60_000);
  const root = mkdtempSync(path.join(tmpdir(), 'two-hats-backup-pause-'));
  const data = vscode.Uri.file(path.join(root, 'data'));
  const backupsRoot = vscode.Uri.file(path.join(root, BACKUPS_FOLDER));
  const identity = { workspaceName: 'pause', workspacePath: '/pause', storagePath: path.join(root, 'data') };
  const team = new TeamStore();
  const delegation = new DelegationStore();
  const notes = new NoteStore();
  const log = vscode.window.createOutputChannel('Two Hats backup pause test', { log: true });
  const keeper = new BackupKeeper(backupsRoot, { team, delegation, notes }, log);
  const copyOfTeam = () => path.join(backupFolderFor(backupsRoot, identity.storagePath).fsPath, TEAM_FILE);

  before(async () => {
    const location = { kind: 'folder' as const, uri: data, scope: 'workspace' as const };
    await Promise.all([team.open(location), delegation.open(location), notes.open(data)]);
    assert.equal((await team.add({ name: 'Paula Pause', role: 'Engineer', cadence: 'weekly' })).ok, true);
    await keeper.follow(data, identity);
    await keeper.flush();
    assert.ok(readFileSync(copyOfTeam(), 'utf8').includes('Paula Pause'), 'the backup is kept before the pause');
  });

  after(() => {
    [keeper, team, delegation, notes, log].forEach((d) => d.dispose());
    rmSync(root, { recursive: true, force: true });
  });

  it('copies nothing while paused, not even on a flush, and copies what changed once resumed', async () => {
    const resume = await keeper.pause();
    assert.equal((await team.add({ name: 'Mid Conversion', role: 'Engineer', cadence: 'weekly' })).ok, true);
    await keeper.flush();
    await new Promise((resolve) => setTimeout(resolve, 2500)); // past the keeper's own delay
    assert.equal(readFileSync(copyOfTeam(), 'utf8').includes('Mid Conversion'), false, 'no copy made during the pause');
    resume();
    await keeper.flush();
    await eventually(() => readFileSync(copyOfTeam(), 'utf8').includes('Mid Conversion') || undefined, 'the change copied after the pause', 10_000);
    assert.ok(existsSync(copyOfTeam()));
  });
});
