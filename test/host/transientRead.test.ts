import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readFileIfExists } from '../../src/host/storage/atomicFile';
import { TeamStore } from '../../src/host/storage/teamStore';
import { activateTwoHats } from './helpers';
import { TEAM_FILE } from '../../src/shared/storageLayout';

/**
 * Tests run as root, for whom no permission bit blocks a read, so the lock an antivirus scanner
 * or a sync tool takes is simulated where the store reads: everything else is the real store on
 * the real file system.
 */
function lockedFor(attempts: number, code: 'EACCES' | 'EBUSY' | 'EPERM') {
  let failures = 0;
  const read = async (uri: vscode.Uri) => {
    if (failures < attempts) {
      failures++;
      throw Object.assign(new Error(`${code}: resource busy or locked, open '${uri.fsPath}'`), { code });
    }
    return readFileIfExists(uri);
  };
  return { read, failures: () => failures };
}

const teamFile = `${JSON.stringify({ schemaVersion: 1, people: [{ id: 'p1', name: 'Barbara', role: '', cadence: 'weekly', archived: false, addedOn: '2026-01-05' }] })}\n`;

describe('a data file held for a moment by another program', () => {
  before(() => activateTwoHats());

  function dataFolder(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'two-hats-locked-'));
    writeFileSync(path.join(dir, TEAM_FILE), teamFile);
    return dir;
  }

  it('is read again after a short wait, and loads', async () => {
    const dir = dataFolder();
    const lock = lockedFor(2, 'EBUSY');
    const store = new TeamStore({ readBytes: lock.read });
    try {
      await store.open({ kind: 'folder', uri: vscode.Uri.file(dir), scope: 'workspace' });
      assert.equal(store.state.kind, 'ready');
      assert.deepEqual(
        store.all.map((p) => p.name),
        ['Barbara'],
      );
      assert.equal(lock.failures(), 2);
    } finally {
      store.dispose();
    }
  });

  it('is not set aside while it stays locked: the store says it cannot read it for now and changes nothing', async () => {
    const dir = dataFolder();
    const lock = lockedFor(Number.POSITIVE_INFINITY, 'EACCES');
    const store = new TeamStore({ readBytes: lock.read });
    try {
      await store.open({ kind: 'folder', uri: vscode.Uri.file(dir), scope: 'workspace' });
      assert.equal(store.state.kind, 'unavailable');
      const shown = store.state.kind === 'unavailable' ? store.state.message : '';
      assert.match(shown, /could not be read just now \(EACCES\).*Reload Data from Disk/);
      assert.ok(!shown.includes(dir), `the message the sidebar shows names no folder of the user's: ${shown}`);
      const refused = await store.add({ name: 'Grace', role: '', cadence: 'weekly' });
      assert.equal(refused.ok, false);
      assert.deepEqual(readdirSync(dir), [TEAM_FILE], 'nothing was set aside or written beside it');
      assert.equal(readFileSync(path.join(dir, TEAM_FILE), 'utf8'), teamFile, 'the file is untouched');
    } finally {
      store.dispose();
    }
  });

  it('still sets aside a file that reads but does not parse', async () => {
    const dir = dataFolder();
    writeFileSync(path.join(dir, TEAM_FILE), '{"schemaVersion": 1, "people": [');
    const store = new TeamStore();
    try {
      await store.open({ kind: 'folder', uri: vscode.Uri.file(dir), scope: 'workspace' });
      assert.equal(store.state.kind, 'ready');
      assert.ok(readdirSync(dir).some((name) => /^team\.corrupt-.*\.json$/.test(name)));
    } finally {
      store.dispose();
    }
  });
});
