import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { activeEditorText, openSidebar, pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';
import { getSession } from './session';

/**
 * Browse Principles, then the principle found by `filter`. The first test's principle preview (a
 * webview) can finish opening on a loaded machine after this palette opened, take the focus and
 * close it (a CI run saw the input go inert, then hidden): the user would open the palette again,
 * and so does this, at most three times.
 */
async function browseTo(page: Page, filter: string, label: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, 'Two Hats: Browse Principles…');
    try {
      await pickFromQuickInput(page, filter, label, 10_000);
      return;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
  }
}

function hatStatus(page: Page) {
  return page.locator('.statusbar-item').filter({ has: page.locator('[aria-label^="Wearing the"]') }).first();
}

describe('principles in the command palette, and the two hats', () => {
  let page: Page;

  before(async () => {
    ({ page } = await getSession());
  });

  it('finds a principle by a word, opens it, and inserts its question into the open note', async () => {
    await runCommand(page, 'File: New Untitled Text File');
    await page.locator('.editor-group-container.active .monaco-editor textarea').first().waitFor({ state: 'attached' });
    await page.keyboard.type('Agenda: ');

    await runCommand(page, 'Two Hats: Browse Principles…');
    await pickFromQuickInput(page, 'status quo', 'Question the way it has always been done');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Question the way it has always been done' }).waitFor();
    await pickFromQuickInput(page, 'insert', 'Insert a question into the current note');
    await pickFromQuickInput(page, 'routines', 'Which of our routines would we not start today if we were starting fresh?');

    await waitForEditorText(page, 'routines');
    const text = await activeEditorText(page);
    assert.match(text, /Agenda: Which of our routines would we not start today if we were starting fresh\? \*\(Question the way it has always been done, after “Hard Management & Soft Leadership Skills”\)\*/);
    // Leave nothing behind: an unsaved file would stop a later test at a "Save changes?" dialog.
    await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
    await runCommand(page, 'View: Revert and Close Editor');
    await page.locator('.tabs-container .tab', { hasText: 'Untitled' }).waitFor({ state: 'detached' });
  });

  it('finds a principle by the name of the person it quotes', async () => {
    await browseTo(page, 'Napoleon Hill', 'Lead down, across and up');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Lead down, across and up' }).waitFor();
    await page.locator('.quick-input-widget input').press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    // The principle's preview is a webview: closed with every editor, so that it is never taken
    // for the sidebar's (the sidebar's frame is the first visible webview; run alone, this file
    // creates the sidebar after the preview, and the next test found the preview).
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.editor-group-container .tabs-container .tab').first().waitFor({ state: 'detached' });
  });

  it('switches hat from the palette, and the status bar and sidebar follow', async () => {
    const frame = await openSidebar(page);
    const status = hatStatus(page);
    await status.waitFor();
    const before = (await status.textContent())?.trim();
    const expected = before?.includes('Leader') ? 'Manager hat' : 'Leader hat';
    await runCommand(page, 'Two Hats: Switch Hat');
    await page.locator('.statusbar-item', { hasText: expected }).waitFor();
    await frame.locator('.hat strong', { hasText: expected }).waitFor();
  });
});
