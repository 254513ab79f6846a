/**
 * A fresh window's sidebar paints the team from the cache kept in workspace state, before the
 * data files are read, and the cache never outlives a person removed from the team.
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PRESENTING_FLAG_FILE, PresentingMode } from '../../src/host/presenting/presentingMode';
import { SidebarTeamCache } from '../../src/host/sidebar/teamCache';
import { TeamStore } from '../../src/host/storage/teamStore';
import { PAGE_DATA } from '../../src/shared/pageData';
import type { HostMessage, Snapshot } from '../../src/shared/protocol';
import { keyIdOf } from '../../src/host/encryption/envelope';
import { DATA_KEY_SECRET_PREFIX, ENCRYPTION_KEY_FILE, MEMENTO_KEYS, MEMENTO_PREFIX } from '../../src/shared/storageLayout';
import { HOSTILE_VECTORS } from '../fixtures/hostileInput';
import { dataBlockText, openingSnapshotIn, withoutOpeningSnapshot } from '../fixtures/pageData';
import { eventually } from './helpers';
import { MemoryMemento, openSidebarOn } from './sidebarOnFolder';

const snapshots = (posted: readonly HostMessage[]): Snapshot[] => posted.flatMap((m) => (m.type === 'didChangeSnapshot' ? [m.snapshot] : []));
const names = (snapshot: Snapshot | undefined) => snapshot?.people.map((p) => p.name) ?? [];

/** A fresh global storage folder, as another profile would have. */
const newGlobalStorage = () => vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-global-')));

/**
 * A fresh window on `before`'s folder whose sidebar first page is set before the core loads, as
 * activation does (firstPage.ts): this window's global state is new, and its storage unless given.
 */
function firstPageWindow(
  before: { folder: vscode.Uri; memento: MemoryMemento },
  options: { presenting?: PresentingMode; globalStorageUri?: vscode.Uri } = {},
) {
  const { presenting, globalStorageUri = newGlobalStorage() } = options;
  return openSidebarOn(before.folder, {
    teamCache: new SidebarTeamCache(before.memento),
    loadLater: true,
    ...(presenting ? { presenting } : {}),
    firstPage: { globalState: new MemoryMemento(), globalStorageUri, workspaceState: before.memento },
  });
}

/** A folder whose team was shown in an earlier window, with the cache that window kept. */
async function earlierWindow(people: readonly string[]): Promise<{ folder: vscode.Uri; memento: MemoryMemento; team: TeamStore; cache: SidebarTeamCache }> {
  const folder = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-team-cache-')));
  const memento = new MemoryMemento();
  const cache = new SidebarTeamCache(memento);
  const team = new TeamStore();
  const following = cache.follow(team);
  await team.open({ kind: 'folder', uri: folder, scope: 'workspace' });
  for (const name of people) {
    assert.ok((await team.add({ name, role: 'Engineer', cadence: 'weekly' })).ok);
  }
  await eventually(() => cache.read({ kind: 'folder', uri: folder, scope: 'workspace' })?.people.length === people.length, 'the cache written');
  following.dispose();
  return { folder, memento, team, cache };
}

describe('the sidebar’s cached team in a fresh window', () => {
  it('shows the team from the cache before the data loads, answers every ready, and acts only on loaded data', async () => {
    const before = await earlierWindow(['Grace Cached', 'Alan Cached']);
    before.team.dispose();
    const window = await openSidebarOn(before.folder, { teamCache: new SidebarTeamCache(before.memento), loadLater: true });
    try {
      // The page itself carries the cached team: it paints as its script starts, before any message.
      // In the sidebar's order (both due the same day: by name), though Grace was added first.
      const page = window.html();
      assert.deepEqual(names(openingSnapshotIn(page)), ['Alan Cached', 'Grace Cached']);

      // The webview asks at once and again at 250, 500, 1000 and 2000 ms: each ask is answered.
      for (let ask = 0; ask < 5; ask++) {
        window.send({ type: 'ready' });
      }
      const early = await eventually(() => (snapshots(window.posted).length >= 5 ? snapshots(window.posted) : undefined), 'an answer to every ready');
      assert.equal(window.team.all.length, 0, 'the team file has not been read yet');
      for (const snapshot of early) {
        assert.equal(snapshot.fromCache, true);
        assert.equal(snapshot.storage.kind, 'ready', 'the team, not “Open a folder”, while loading');
        assert.deepEqual(names(snapshot), ['Alan Cached', 'Grace Cached']);
      }

      // A click on the cached team waits for the data rather than acting on empty stores.
      window.send({ type: 'addPerson', requestId: 1, draft: { name: 'Ada New', role: '', cadence: 'weekly' } });
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(window.posted.some((m) => m.type === 'didCompleteRequest'), false, 'not answered before the data loaded');

      await window.load();
      const answer = await eventually(() => window.posted.find((m) => m.type === 'didCompleteRequest'), 'the add, once loaded');
      assert.ok(answer.type === 'didCompleteRequest' && !answer.error, JSON.stringify(answer));
      const loaded = await eventually(() => snapshots(window.posted).filter((s) => !s.fromCache && s.people.length === 3).at(-1), 'the loaded team');
      assert.deepEqual(names(loaded).sort(), ['Ada New', 'Alan Cached', 'Grace Cached']);
    } finally {
      window.close();
    }
  });

  it('paints nothing from a cache kept for another data folder, and waits for the data instead', async () => {
    const before = await earlierWindow(['Someone Elsewhere']);
    before.team.dispose();
    const otherFolder = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-team-cache-other-')));
    const window = await openSidebarOn(otherFolder, { teamCache: new SidebarTeamCache(before.memento), loadLater: true });
    try {
      window.send({ type: 'ready' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(snapshots(window.posted), [], 'no snapshot before the data');
      assert.equal(openingSnapshotIn(window.html()), undefined);
      assert.doesNotMatch(window.html(), /Someone Elsewhere/);
      await window.load();
      const loaded = await eventually(() => snapshots(window.posted).at(-1), 'the snapshot of the loaded data');
      assert.equal(loaded.fromCache, undefined);
      assert.deepEqual(names(loaded), []);
    } finally {
      window.close();
    }
  });

  it('marks the cached paint as presenting while the lead shares their screen', async () => {
    const before = await earlierWindow(['Presented Person']);
    before.team.dispose();
    const presenting = new PresentingMode(new MemoryMemento());
    await presenting.set(true);
    const window = await openSidebarOn(before.folder, { teamCache: new SidebarTeamCache(before.memento), loadLater: true, presenting });
    try {
      window.send({ type: 'ready' });
      const early = await eventually(() => snapshots(window.posted)[0], 'the cached paint');
      assert.equal(early.fromCache, true);
      assert.equal(early.presenting, true);
      assert.equal(openingSnapshotIn(window.html())?.presenting, true, 'the page’s own copy is filtered too');
      assert.deepEqual(early.people.map((p) => [p.historyCount, p.openItems.length, p.moodTrend.length]), [[0, 0, 0]]);
    } finally {
      window.close();
      presenting.dispose();
    }
  });

  it('sets the first page before the core loads: the cached team in it, and the ready sent meanwhile answered once the core takes over', async () => {
    const before = await earlierWindow(['Early Grace']);
    before.team.dispose();
    const window = await firstPageWindow(before);
    try {
      assert.ok(names(openingSnapshotIn(window.html())).includes('Early Grace'), 'the team is in the first page');
      assert.doesNotMatch(window.html(), /&quot;presenting&quot;:true/);
      // Sent by the page's script before the core has loaded: kept, and answered after the hand-over.
      window.send({ type: 'ready' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(snapshots(window.posted), [], 'nobody answers before the core is there');
      window.adopt();
      const answer = await eventually(() => snapshots(window.posted)[0], 'the answer to the kept ready');
      assert.equal(answer.fromCache, true);
      assert.deepEqual(names(answer), ['Early Grace']);
    } finally {
      window.close();
    }
  });

  it('carries a long team\u2019s first rows only in the first page, counting the rest, and answers the page with everyone', async () => {
    const team = Array.from({ length: 30 }, (_, i) => `Long ${String(i).padStart(2, '0')}`);
    const before = await earlierWindow(team);
    before.team.dispose();
    const window = await firstPageWindow(before);
    try {
      const opening = openingSnapshotIn(window.html());
      assert.deepEqual(names(opening), team.slice(0, 25), 'the first 25 rows, in the sidebar\u2019s order');
      assert.deepEqual(opening?.leftOut, { active: 5, archived: 0 });
      window.send({ type: 'ready' });
      window.adopt();
      const answer = await eventually(() => snapshots(window.posted)[0], 'the answer to the kept ready');
      assert.deepEqual(names(answer), team, 'the whole team');
      assert.equal(answer.leftOut, undefined);
    } finally {
      window.close();
    }
  });

  it('lets the core take the first page over once the page has spoken, or after a silence, and only once', async () => {
    const before = await earlierWindow(['Quiet Quinn']);
    before.team.dispose();
    const spoken = await firstPageWindow(before);
    const silent = await firstPageWindow(before);
    try {
      const takeOvers = { spoken: 0, silent: 0 };
      spoken.firstPage!.whenPainted(() => takeOvers.spoken++, 1500);
      silent.firstPage!.whenPainted(() => takeOvers.silent++, 1500);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(takeOvers, { spoken: 0, silent: 0 }, 'the core waits while the page is being shown');
      spoken.send({ type: 'ready' });
      await eventually(() => takeOvers.spoken === 1, 'the core taken over once the page spoke');
      assert.equal(takeOvers.silent, 0);
      await eventually(() => takeOvers.silent === 1, 'the core taken over after the silence');
      spoken.send({ type: 'ready' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(takeOvers, { spoken: 1, silent: 1 }, 'one take-over each, whatever follows');
    } finally {
      spoken.close();
      silent.close();
    }
  });

  it('builds the page shown again after a collapse without the team cached at the window’s start: presenting since, nothing of it reappears', async () => {
    const before = await earlierWindow(['Startup Sam']);
    before.team.dispose();
    const presenting = new PresentingMode(new MemoryMemento());
    const window = await firstPageWindow(before, { presenting });
    try {
      assert.ok(names(openingSnapshotIn(window.html())).includes('Startup Sam'), 'the first page carries the cached team');
      window.adopt();
      await window.load();
      await presenting.set(true);
      window.setVisible(false);
      assert.doesNotMatch(window.html(), /Startup Sam/, 'the page the workbench builds next holds no name');
      assert.equal(openingSnapshotIn(window.html()), undefined, 'no cached team in the page');
      const postedBefore = window.posted.length;
      window.setVisible(true);
      const answer = await eventually(() => snapshots(window.posted.slice(postedBefore))[0], 'the snapshot for the page shown again');
      assert.equal(answer.presenting, true);
    } finally {
      window.close();
      presenting.dispose();
    }
  });

  it('drops the cached team from a first page hidden before the core took it over: shown again later, it waits for the host’s answer', async () => {
    const before = await earlierWindow(['Hidden Hana']);
    before.team.dispose();
    const window = await firstPageWindow(before);
    try {
      assert.ok(names(openingSnapshotIn(window.html())).includes('Hidden Hana'), 'the first page carries the cached team');
      // The user looks elsewhere while the core loads (Delete All, presenting may follow from the palette).
      window.setVisible(false);
      window.adopt();
      assert.doesNotMatch(window.html(), /Hidden Hana/, 'the page the workbench builds when the view is shown again holds no name');
      assert.equal(openingSnapshotIn(window.html()), undefined, 'no cached team in the page');
    } finally {
      window.close();
    }
  });

  it('paints the first page as presenting when another window started presenting (its flag file), though this window\'s state says not', async () => {
    const before = await earlierWindow(['Shared Screen Person']);
    before.team.dispose();
    const globalStorage = newGlobalStorage();
    writeFileSync(path.join(globalStorage.fsPath, PRESENTING_FLAG_FILE), JSON.stringify({ presenting: true }));
    const window = await firstPageWindow(before, { globalStorageUri: globalStorage });
    try {
      assert.equal(openingSnapshotIn(window.html())?.presenting, true, 'the first page shows the presenting banner and the filtered team');
    } finally {
      window.close();
    }
  });

  it('puts hostile names into the first page only as escaped text', async () => {
    const hostile = HOSTILE_VECTORS.filter((vector) => vector.length <= 80).slice(0, 12);
    const before = await earlierWindow(hostile);
    before.team.dispose();
    const window = await firstPageWindow(before);
    try {
      const page = window.html();
      const block = dataBlockText(page, PAGE_DATA.openingSnapshot);
      assert.ok(block, 'the cached team is in the page');
      assert.doesNotMatch(block, /</, 'nothing inside the block can end it');
      assert.deepEqual(names(openingSnapshotIn(page)).sort(), [...hostile].sort(), 'each name comes back exactly as typed');
      // Outside the one block, the page holds no piece of any name.
      const rest = withoutOpeningSnapshot(page);
      for (const name of hostile) {
        assert.ok(!rest.includes(name), `not in the page outside the snapshot: ${name}`);
      }
    } finally {
      window.close();
    }
  });

  it('drops a removed person from the cache at once, and empties it when the team is gone', async () => {
    const { folder, memento, team, cache } = await earlierWindow(['Kept Person', 'Removed Person']);
    const following = cache.follow(team);
    try {
      const removed = team.all.find((p) => p.name === 'Removed Person')!;
      assert.ok(JSON.stringify(memento.get(MEMENTO_KEYS.sidebarTeam)).includes('Removed Person'), 'cached before (so the check below can fail)');
      assert.ok((await team.remove(removed.id)).ok);
      // Written as the store tells of the change: by the time the removal is saved, or just after.
      const text = await eventually(() => {
        const now = JSON.stringify(memento.get(MEMENTO_KEYS.sidebarTeam));
        return now.includes('Removed Person') ? undefined : now;
      }, 'the cache without the removed person', 1000);
      assert.ok(text.includes('Kept Person'), text);

      // No folder any more (a closed folder has none): nothing kept.
      await team.open({ kind: 'noFolder' });
      await eventually(() => memento.get(MEMENTO_KEYS.sidebarTeam) === undefined, 'the cache emptied', 1000);
      assert.equal(cache.read({ kind: 'folder', uri: folder, scope: 'workspace' }), undefined);

      // The folder again, then its last person removed: an empty team leaves no key behind.
      await team.open({ kind: 'folder', uri: folder, scope: 'workspace' });
      await eventually(() => cache.read({ kind: 'folder', uri: folder, scope: 'workspace' })?.people.length === 1, 'the cache kept again');
      assert.ok((await team.remove(team.all[0]!.id)).ok);
      await eventually(() => memento.get(MEMENTO_KEYS.sidebarTeam) === undefined && !memento.keys().includes(MEMENTO_KEYS.sidebarTeam) ? true : undefined, 'no key for an empty team', 1000);
    } finally {
      following.dispose();
      team.dispose();
    }
  });

  it('keeps no name in workspace state while the data is encrypted, and forgets what it kept before', async () => {
    const { folder, memento, team } = await earlierWindow(['Plain Person']);
    let encrypted = false;
    const cache = new SidebarTeamCache(memento, undefined, () => !encrypted);
    const following = cache.follow(team);
    try {
      assert.ok(JSON.stringify(memento.get(MEMENTO_KEYS.sidebarTeam)).includes('Plain Person'), 'cached before (so the check below can fail)');
      // Encrypt My Notes reopens the data; the composition root then asks the cache to keep up.
      encrypted = true;
      await cache.keep(team);
      assert.equal(memento.get(MEMENTO_KEYS.sidebarTeam), undefined);
      assert.ok((await team.add({ name: 'Secret Person', role: 'Engineer', cadence: 'weekly' })).ok);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(memento.get(MEMENTO_KEYS.sidebarTeam), undefined, 'a change while encrypted writes nothing');
      assert.equal(cache.read({ kind: 'folder', uri: folder, scope: 'workspace' }), undefined);
    } finally {
      following.dispose();
      team.dispose();
    }
  });

  it('while encrypted, keeps the team sealed with the data key: a fresh window with the key in the keychain paints it, one without paints nothing', async () => {
    const { folder, memento, team } = await earlierWindow(['Plain Person']);
    const dataKey = randomBytes(32);
    const keychain = new Map<string, string>();
    const secrets = { get: (name: string) => Promise.resolve(keychain.get(name)) };
    const cache = new SidebarTeamCache(memento, undefined, () => false, { keyForSealing: () => dataKey, secrets });
    const following = cache.follow(team);
    try {
      // The folder as Encrypt My Notes leaves it: its key file beside the data.
      writeFileSync(path.join(folder.fsPath, ENCRYPTION_KEY_FILE), '{}');
      assert.ok((await team.add({ name: 'Sealed Person', role: 'Engineer', cadence: 'weekly' })).ok);
      await eventually(() => typeof memento.get(MEMENTO_KEYS.sidebarTeamSealed) === 'string' || undefined, 'the sealed cache written');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const kept = JSON.stringify(memento.keys().map((key) => memento.get(key)));
      assert.ok(!kept.includes('Sealed Person') && !kept.includes('Plain Person'), 'no name readable in workspace state');
      assert.equal(memento.get(MEMENTO_KEYS.sidebarTeam), undefined, 'the plain cache is gone');
      team.dispose();

      // A fresh window, the keychain empty (Locked, a new machine): nothing painted before the data.
      const locked = new SidebarTeamCache(memento, undefined, () => true, { keyForSealing: () => undefined, secrets });
      assert.equal(await locked.open({ kind: 'folder', uri: folder, scope: 'workspace' }), false);
      const lockedWindow = await openSidebarOn(folder, { teamCache: locked, loadLater: true });
      try {
        assert.equal(openingSnapshotIn(lockedWindow.html()), undefined);
        assert.doesNotMatch(lockedWindow.html(), /Sealed Person/);
      } finally {
        lockedWindow.close();
      }

      // The key in the keychain, as the key holder keeps it: the team paints before the data loads.
      keychain.set(`${DATA_KEY_SECRET_PREFIX}${keyIdOf(dataKey).toString('hex')}`, dataKey.toString('base64'));
      const fresh = new SidebarTeamCache(memento, undefined, () => true, { keyForSealing: () => undefined, secrets });
      assert.equal(await fresh.open({ kind: 'folder', uri: folder, scope: 'workspace' }), true);
      const window = await openSidebarOn(folder, { teamCache: fresh, loadLater: true });
      try {
        assert.ok(names(openingSnapshotIn(window.html())).includes('Sealed Person'));
        assert.equal(window.team.all.length, 0, 'the team file has not been read yet');
      } finally {
        window.close();
      }
    } finally {
      following.dispose();
      team.dispose();
    }
  });

  it('lives under the prefix that Delete All My Data clears', () => {
    assert.ok(MEMENTO_KEYS.sidebarTeam.startsWith(MEMENTO_PREFIX));
    assert.ok(MEMENTO_KEYS.sidebarTeamSealed.startsWith(MEMENTO_PREFIX));
  });
});
