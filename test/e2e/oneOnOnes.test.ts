import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { activeEditorText, openSidebar, pickFromQuickInput, waitForEditorText } from '../harness/workbench';
import { getSession } from './session';

describe('1:1s from the sidebar, in real editor tabs', () => {
  let page: Page;

  before(async () => {
    ({ page } = await getSession());
  });

  it('starts a weekly 1:1, saves an action item, sees it in the sidebar, and finds it carried into the next 1:1', async () => {
    let frame = await openSidebar(page);
    await frame.getByRole('button', { name: 'Start 1:1 with Ada Lovelace' }).click();
    await pickFromQuickInput(page, 'weekly', 'Weekly check-in');
    const tab = page.locator('.tabs-container .tab', { hasText: /Ada Lovelace · \d{4}-\d{2}-\d{2} · Weekly check-in/ }).first();
    await tab.waitFor();
    await waitForEditorText(page, 'Action items');

    // Find the empty task line under "Action items" and finish it, by keyboard.
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('- [ ] ');
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.type('Send the RFC to the platform team @ada');
    await page.keyboard.press('Control+s');
    await tab.and(page.locator(':not(.dirty)')).waitFor();

    frame = await openSidebar(page);
    const item = frame.getByRole('checkbox', { name: 'Send the RFC to the platform team @ada' });
    await item.waitFor();

    await frame.getByRole('button', { name: 'Start 1:1 with Ada Lovelace' }).click();
    // The last template used for Ada comes first.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'last time' }).first().waitFor();
    await pickFromQuickInput(page, '', 'Weekly check-in');
    await page.locator('.tabs-container .tab', { hasText: 'Weekly check-in' }).nth(1).waitFor();
    await waitForEditorText(page, 'Send the RFC to the platform team @ada');
    const text = await activeEditorText(page);
    assert.match(text, /Follow-ups.*- \[ \] Send the RFC to the platform team @ada/);

    // Ticking it in the sidebar closes it in the latest note.
    frame = await openSidebar(page);
    await frame.getByRole('checkbox', { name: 'Send the RFC to the platform team @ada' }).check();
    await frame.getByRole('checkbox', { name: 'Send the RFC to the platform team @ada' }).waitFor({ state: 'detached' });
    await waitForEditorText(page, '[x] Send the RFC');
  });
});
