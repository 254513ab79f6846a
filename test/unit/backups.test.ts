import * as assert from 'node:assert/strict';
import { parseBackupManifest, restoreCandidates, serializeBackupManifest, type BackupManifest } from '../../src/shared/backups';

const base: BackupManifest = { workspaceName: 'atlas', workspacePath: '/home/me/src/atlas', storagePath: '/ws/aaa/two-hats', savedAt: 1, people: 3, notes: 10, items: 1 };
const current = { workspaceName: 'atlas', workspacePath: '/home/me/projects/atlas', storagePath: '/ws/bbb/two-hats' };

describe('backups for a moved or renamed folder', () => {
  it('offers the newest backup of a folder with the same name, never this storage’s own or an empty one', () => {
    const older = { id: 'older', manifest: { ...base, savedAt: 1 } };
    const newer = { id: 'newer', manifest: { ...base, savedAt: 2 } };
    const own = { id: 'own', manifest: { ...base, storagePath: current.storagePath, savedAt: 3 } };
    const empty = { id: 'empty', manifest: { ...base, people: 0, notes: 0, items: 0, savedAt: 4 } };
    const other = { id: 'other', manifest: { ...base, workspaceName: 'zephyr', workspacePath: '/x/zephyr', savedAt: 5 } };
    assert.deepEqual(restoreCandidates([older, newer, own, empty, other], current).map((b) => b.id), ['newer', 'older']);
  });

  it('recognises a renamed folder by its repository', () => {
    const renamed = { id: 'renamed', manifest: { ...base, workspaceName: 'atlas-old', workspacePath: '/x/atlas-old', repository: 'git@example.com:me/atlas.git' } };
    assert.deepEqual(restoreCandidates([renamed], current), []);
    assert.deepEqual(restoreCandidates([renamed], { ...current, repository: 'git@example.com:me/atlas.git' }).map((b) => b.id), ['renamed']);
  });

  it('reads its manifest through a schema and refuses a future version', () => {
    const parsed = parseBackupManifest(serializeBackupManifest(base));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value, base);
    assert.ok(!parseBackupManifest('{"schemaVersion":2}').ok);
    assert.ok(!parseBackupManifest('{"schemaVersion":1,"people":-1}').ok);
  });

  it('keeps when its last complete pass began, and reads a manifest from before it was recorded', () => {
    const complete = { ...base, completeAsOf: base.savedAt - 5000 };
    const parsed = parseBackupManifest(serializeBackupManifest(complete));
    assert.ok(parsed.ok);
    assert.equal(parsed.value.completeAsOf, complete.completeAsOf);
    const older = parseBackupManifest(serializeBackupManifest(base));
    assert.ok(older.ok);
    assert.equal('completeAsOf' in older.value, false, 'a backup without it is checked file by file');
  });
});

describe('the storage folder of a second window', () => {
  it('maps a window’s numbered sibling back to the workspace’s own storage folder', async () => {
    const { primaryStoragePath } = await import('../../src/shared/storagePaths');
    assert.equal(primaryStoragePath('/u/User/workspaceStorage/27677a59-1/two-hats.two-hats'), '/u/User/workspaceStorage/27677a59/two-hats.two-hats');
    assert.equal(primaryStoragePath('C:\\u\\workspaceStorage\\abc-12\\two-hats.two-hats'), 'C:\\u\\workspaceStorage\\abc\\two-hats.two-hats');
    assert.equal(primaryStoragePath('/u/User/workspaceStorage/27677a59/two-hats.two-hats'), undefined);
  });
});
