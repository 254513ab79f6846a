/**
 * Presenting started in one window holds in every other window on the machine at once: a shared
 * screen may show both. Two windows are two `PresentingMode`s over the same flag folder (global
 * storage, in the product), each with its own memento, as two extension hosts have; the second
 * one's sidebar is the real provider over a real data folder.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PRESENTING_FLAG_FILE, PresentingMode } from '../../src/host/presenting/presentingMode';
import type { HostMessage, Snapshot } from '../../src/shared/protocol';
import { eventually } from './helpers';
import { MemoryMemento, openSidebarOn, type SidebarOnFolder } from './sidebarOnFolder';

function latestSnapshot(posted: readonly HostMessage[]): Snapshot | undefined {
  const last = [...posted].reverse().find((m) => m.type === 'didChangeSnapshot');
  return last?.type === 'didChangeSnapshot' ? last.snapshot : undefined;
}

describe('presenting in another window of the workspace', () => {
  const stamp = Date.now();
  const secret = `PRIVATE-TODO-${stamp} talk to HR`;
  const flags = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-presenting-flags-')));
  const otherWindow = new PresentingMode(new MemoryMemento(), flags);
  const thisWindow = new PresentingMode(new MemoryMemento(), flags);
  let sidebar: SidebarOnFolder;

  before(async function () {
    this.timeout(30_000);
    sidebar = await openSidebarOn(vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-presenting-'))), { presenting: thisWindow });
    const added = await sidebar.team.add({ name: `Pia Presenting ${stamp}`, role: '', cadence: 'weekly' });
    assert.ok(added.ok);
    await sidebar.notes.create({
      personId: added.person.id,
      date: '2026-11-30',
      templateId: 'weekly',
      title: `Pia Presenting ${stamp} · 2026-11-30 · Weekly check-in`,
      content: `# 1:1\n\n## Action items\n\n- [ ] Shared item ${stamp}\n\n## Private notes\n\n### Performance\n\n- [ ] ${secret}\n`,
    });
    sidebar.send({ type: 'ready' });
    await eventually(() => (JSON.stringify(latestSnapshot(sidebar.posted) ?? {}).includes(secret) ? true : undefined), 'the private to-do in the sidebar before');
  });

  after(() => {
    sidebar.close();
    otherWindow.dispose();
    thisWindow.dispose();
  });

  it('hides the private to-do in this window’s sidebar when the other window starts presenting, and shows it again when it stops', async function () {
    this.timeout(30_000);
    assert.equal(thisWindow.on, false);
    await otherWindow.set(true);
    await eventually(() => thisWindow.on || undefined, 'this window presenting too');
    const hidden = await eventually(() => {
      const snapshot = latestSnapshot(sidebar.posted);
      return snapshot?.presenting ? snapshot : undefined;
    }, 'a presenting snapshot posted to this window’s sidebar');
    assert.ok(!JSON.stringify(hidden).includes(secret), 'no private to-do reaches the webview');
    assert.ok(JSON.stringify(hidden).includes(`Shared item ${stamp}`), 'the shareable one stays');

    await otherWindow.set(false);
    await eventually(() => (thisWindow.on ? undefined : true), 'this window stops presenting too');
    await eventually(() => (JSON.stringify(latestSnapshot(sidebar.posted) ?? {}).includes(secret) ? true : undefined), 'the private to-do back');
  });

  it('never flips back for a moment when the echo of its own earlier write comes while it changes again', async function () {
    this.timeout(30_000);
    const ownFlags = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-presenting-echo-')));
    // Global state that takes a second to save, as a busy machine's can: the echo of the first
    // write arrives while the second change is still saving.
    const slowState = new (class extends MemoryMemento {
      override update(key: string, value: unknown): Thenable<void> {
        return new Promise((resolve) => setTimeout(resolve, 1000)).then(() => super.update(key, value));
      }
    })();
    const mode = new PresentingMode(slowState, ownFlags);
    try {
      await new Promise((resolve) => setTimeout(resolve, 500)); // Its watcher set up.
      const seen: boolean[] = [];
      mode.onDidChange((on) => seen.push(on));
      await mode.set(true);
      await mode.set(false);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      assert.deepEqual(seen, [true, false], 'started, then stopped: never presenting again in between, never stopped while presenting');
      assert.equal(mode.on, false);
    } finally {
      mode.dispose();
    }
  });

  it('starts presenting in a window opened while another presents', async () => {
    writeFileSync(path.join(flags.fsPath, PRESENTING_FLAG_FILE), JSON.stringify({ presenting: true }));
    const opened = new PresentingMode(new MemoryMemento(), flags);
    try {
      await eventually(() => opened.on || undefined, 'the new window presenting');
    } finally {
      opened.dispose();
    }
  });

  it('a window that opens while another presents is presenting from its first moment, and a garbled flag counts as presenting', async function () {
    this.timeout(30_000);
    const ownFlags = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-presenting-start-')));
    writeFileSync(path.join(ownFlags.fsPath, PRESENTING_FLAG_FILE), JSON.stringify({ presenting: true }));
    // Its own global state has not caught up (another extension host wrote it): the flag decides,
    // before the file's asynchronous read, so the core's first snapshot is already filtered.
    const opening = new PresentingMode(new MemoryMemento(), ownFlags);
    try {
      assert.equal(opening.on, true, 'presenting as it is made');
    } finally {
      opening.dispose();
    }
    writeFileSync(path.join(ownFlags.fsPath, PRESENTING_FLAG_FILE), '{"presenting": tr');
    const garbled = new PresentingMode(new MemoryMemento(), ownFlags);
    try {
      assert.equal(garbled.on, true, 'a flag that cannot be read may say presenting');
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(garbled.on, true, 'and the later read of the same file does not turn it off');
    } finally {
      garbled.dispose();
    }
  });
});
