import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { activeEditorText, openSidebar, pickFromQuickInput, waitForEditorText } from '../harness/workbench';
import { getSession } from './session';
import { addPersonByForm, personRow } from './steps';
import { closeActiveEditor, markdownPreviewFrame, notification, startWeeklyOneOnOne, writeActionItem } from './workbenchDialogs';

const NAME = 'Jean Sammet';
const TASK = 'Check the compiler benchmarks';
const DECISION = 'Decision: move the optimiser review to Tuesday';
const QUESTION = 'Who double-checks the register allocation?';

describe('preparing for a 1:1 with the brief', () => {
  let page: Page;

  before(async () => {
    ({ page } = await getSession());
    const frame = await openSidebar(page);
    await addPersonByForm(frame, NAME, 'Compilers');
    // A first 1:1 with an open task, a decision and an open question, for the brief to show.
    await startWeeklyOneOnOne(page, frame, NAME);
    await writeActionItem(page, TASK, [DECISION, QUESTION]);
    await closeActiveEditor(page);
  });

  it('opens the brief from the person’s row, and starts the 1:1 from it with the open items carried', async () => {
    const frame = await openSidebar(page);
    await personRow(frame, NAME).getByRole('button', { name: `Prepare for 1:1 with ${NAME}` }).click();

    const brief = markdownPreviewFrame(page);
    await brief.locator('h1', { hasText: `Prepare: 1:1 with ${NAME}` }).waitFor({ timeout: 30_000 });
    // The notification that comes with the brief hides itself after a few seconds: found first.
    const start = notification(page, `Brief for your 1:1 with ${NAME} is open.`).getByRole('button', { name: 'Start 1:1' });
    await start.waitFor();
    // The preview may paint the brief before its last refresh (a store change re-renders it): the
    // text is read until the item shows, and a failure says what the brief held instead.
    const item = new RegExp(`${TASK} \\((?:new today|open \\d+ days?)\\)`);
    let text = '';
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && !item.test(text); await page.waitForTimeout(250)) {
      text = (await brief.locator('body').textContent()) ?? '';
    }
    assert.match(text, item, `the open action item, with its age; the brief read: ${text.slice(0, 1500)}`);
    assert.match(text, /From the last 1:1 \(\d{4}-\d{2}-\d{2}\)[\s\S]*Decisions[\s\S]*move the optimiser review to Tuesday[\s\S]*Open questions[\s\S]*Who double-checks the register allocation\?/);
    assert.match(text, /What the new note will carry/);
    // A file name cannot hold a colon everywhere: the tab reads "Prepare 1 1 with …".
    const tab = page.locator('.tabs-container .tab', { hasText: `Prepare 1 1 with ${NAME}` });
    await tab.and(page.locator('.active')).waitFor();

    // One click starts the 1:1: the brief's own title-bar button, there after the notification
    // has gone (the notification's Start does the same). The template last used comes first.
    await page.locator('.editor-actions').getByRole('button', { name: 'Start 1:1 from This Brief' }).click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'last time' }).first().waitFor();
    await pickFromQuickInput(page, '', 'Weekly check-in');
    await page.locator('.tabs-container .tab.active', { hasText: new RegExp(`${NAME} · \\d{4}-\\d{2}-\\d{2} · Weekly check-in`) }).waitFor();
    await waitForEditorText(page, TASK);
    assert.match(await activeEditorText(page), new RegExp(`Follow-ups.*- \\[ \\] ${TASK}`));
    await closeActiveEditor(page);
    // The brief is a webview: closed, so that it is never taken for the sidebar's. Opened as a
    // preview tab, the note usually took its place already.
    if ((await tab.count()) > 0) {
      await tab.click();
      await closeActiveEditor(page);
    }
  });
});
