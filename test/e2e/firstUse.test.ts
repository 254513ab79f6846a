import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PRODUCT_EXTENSION, startCodeServer, type CodeServer } from '../harness/codeServer';
import { NOTES_FOLDER } from '../../src/shared/storageLayout';
import { launchBrowser, openSidebar, openWorkbench, pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';
import { personRow, reloadWindow, workspaceDataDir } from './steps';

/**
 * Activation only puts up placeholders; the first command, sidebar or note tab loads the rest.
 * Each door is used here as the very first thing in a window that has never shown the sidebar.
 */
describe('the first use of Two Hats in a window, from each way in', () => {
  let base: string;
  let browser: Browser;
  let server: CodeServer;
  let page: Page;

  before(async () => {
    base = mkdtempSync(path.join(os.tmpdir(), 'two-hats-first-use-'));
    const workspace = path.join(base, 'workspace');
    mkdirSync(workspace);
    browser = await launchBrowser();
    server = await startCodeServer({ extensions: [PRODUCT_EXTENSION], persistentDir: base, workspace });
    page = await openWorkbench(browser, server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('adds a person and starts a 1:1 from the command palette before the sidebar was ever opened', async () => {
    await runCommand(page, 'Two Hats: Add Person…');
    await page.locator('.quick-input-widget', { hasText: 'Add a person who reports to you' }).waitFor();
    await page.keyboard.type('Katherine Johnson');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Add Katherine Johnson' }).waitFor();
    await page.keyboard.type('Trajectories');
    await page.keyboard.press('Enter');
    await pickFromQuickInput(page, 'weekly', 'Weekly');

    await runCommand(page, 'Two Hats: Start 1:1…');
    await pickFromQuickInput(page, 'Katherine', 'Katherine Johnson');
    await pickFromQuickInput(page, 'weekly', 'Weekly check-in');
    await waitForEditorText(page, 'Action items');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Checked the orbital figures by hand first.');
    await waitForEditorText(page, 'Checked the orbital figures by hand first.');
    await page.keyboard.press('Control+s');
    const notes = path.join(workspaceDataDir(server.userDataDir), NOTES_FOLDER);
    await waitUntil(() => readdirSync(notes).some((file) => file.endsWith('.md') && readFileSync(path.join(notes, file), 'utf8').includes('orbital figures')));
  });

  it('reopens the note tab after a reload with the sidebar still closed, its text read through Two Hats', async () => {
    await reloadWindow(page);
    // A note Two Hats could not serve would open as "the file was not found".
    // Nothing but the restored tab asks for Two Hats: the note file system is the way in.
    await page.locator('.tabs-container .tab', { hasText: 'Katherine Johnson' }).first().click();
    await waitForEditorText(page, 'Checked the orbital figures by hand first.', 60_000);

    const frame = await openSidebar(page);
    await personRow(frame, 'Katherine Johnson').waitFor();
  });
});

async function waitUntil(check: () => boolean, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error('Timed out waiting for the note to reach the disk.');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
