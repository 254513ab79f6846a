import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostMessage, KeptDraft } from '../../src/shared/protocol';
import { eventually } from './helpers';
import { openSidebarOn, type SidebarOnFolder } from './sidebarOnFolder';
import { SIDEBAR_DRAFT_FILE } from '../../src/shared/storageLayout';

const typed = (name: string): KeptDraft => ({ draft: { name, role: 'Compilers', cadence: 'weekly' } });

function restored(window: SidebarOnFolder): HostMessage[] {
  return window.posted.filter((message) => message.type === 'didRestoreDraft');
}

function draftOnDisk(folder: vscode.Uri): string | undefined {
  try {
    return readFileSync(path.join(folder.fsPath, SIDEBAR_DRAFT_FILE), 'utf8');
  } catch {
    return undefined;
  }
}

/** Answers `ready` as a view that came back without its form would see it. */
async function reopenView(window: SidebarOnFolder): Promise<void> {
  window.send({ type: 'ready' });
  await window.drafts.form();
  // The answer is posted on the turn after the kept form is known.
  await new Promise((resolve) => setImmediate(resolve));
}

/**
 * The sidebar's half-typed form, kept by the host in the data folder. VS Code's saved webview
 * state lost it across a reload on a slower machine; these windows are real providers and stores
 * on a real folder, each closed without a chance to tidy up, as a reload ends an extension host.
 */
describe('a half-typed form in the sidebar, kept by the host', () => {
  let folder: vscode.Uri;
  const windows: SidebarOnFolder[] = [];
  const openWindow = async () => {
    const window = await openSidebarOn(folder);
    windows.push(window);
    return window;
  };

  beforeEach(() => {
    folder = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-draft-')));
  });

  afterEach(() => {
    windows.splice(0).forEach((window) => window.close());
  });

  it('is given back, as last typed, to the sidebar of the next window after a reload', async () => {
    const before = await openWindow();
    for (const name of ['G', 'Gr', 'Gra', 'Grac', 'Grace', 'Grace ', 'Grace H', 'Grace Ho', 'Grace Hop']) {
      before.send({ type: 'keepDraft', form: typed(name) });
    }
    await eventually(() => draftOnDisk(folder)?.includes('"Grace Hop"'), 'the last keystroke on disk');
    before.close();

    const after = await openWindow();
    await reopenView(after);
    assert.deepEqual(restored(after), [{ type: 'didRestoreDraft', form: typed('Grace Hop') }]);
  });

  it('is not given back once it was saved or cancelled', async () => {
    const before = await openWindow();
    before.send({ type: 'keepDraft', form: typed('Katherine Johns') });
    before.send({ type: 'keepDraft' });
    await eventually(() => draftOnDisk(folder) !== undefined && !draftOnDisk(folder)!.includes('Katherine'), 'the closed form on disk');
    before.close();

    const after = await openWindow();
    await reopenView(after);
    assert.deepEqual(restored(after), []);
  });

  it('stays in its own window: another window on the workspace does not show it', async () => {
    const typing = await openWindow();
    const other = await openWindow();
    typing.send({ type: 'keepDraft', form: typed('Margaret Ham') });
    await eventually(() => draftOnDisk(folder)?.includes('Margaret Ham'), 'the form on disk');
    await reopenView(other);
    assert.deepEqual(restored(other), []);
    await reopenView(typing);
    assert.deepEqual(restored(typing), [{ type: 'didRestoreDraft', form: typed('Margaret Ham') }]);
  });

  it('sets a damaged draft file aside unchanged, and keeps the next form typed', async () => {
    writeFileSync(path.join(folder.fsPath, SIDEBAR_DRAFT_FILE), '{"schemaVersion":1,"form":{"draft":');
    const window = await openWindow();
    await reopenView(window);
    assert.deepEqual(restored(window), []);
    const setAside = readdirSync(folder.fsPath).filter((name) => name.startsWith('sidebar-draft.corrupt-'));
    assert.equal(setAside.length, 1, 'the damaged file is kept beside the data, under a new name');
    assert.equal(readFileSync(path.join(folder.fsPath, setAside[0]!), 'utf8'), '{"schemaVersion":1,"form":{"draft":');

    window.send({ type: 'keepDraft', form: typed('Dorothy Vaug') });
    await eventually(() => draftOnDisk(folder)?.includes('Dorothy Vaug'), 'the new form on disk');
  });

  it('refuses a form that breaks the rules, and keeps the one before it', async () => {
    const window = await openWindow();
    window.send({ type: 'keepDraft', form: typed('Mary Jack') });
    window.send({ type: 'keepDraft', form: { draft: { name: 'x', role: '', cadence: 'hourly' } } });
    window.send({ type: 'keepDraft', form: { ...typed('y'), personId: '../../team' } });
    await eventually(() => draftOnDisk(folder)?.includes('Mary Jack'), 'the valid form on disk');
    assert.equal(window.warnings.length, 2);
    await reopenView(window);
    assert.deepEqual(restored(window), [{ type: 'didRestoreDraft', form: typed('Mary Jack') }]);
  });
});
