import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from '../harness/paths';
import { activeEditorText, openSidebar, pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';
import { getSession } from './session';
import { addPersonByForm, isTopInView, personRow, scrollSidebarToTop } from './steps';

const THEMES = [
  { label: /^(Default )?Light Modern$/, filter: 'Light Modern', file: 'light' },
  { label: /^(Default )?Dark Modern$/, filter: 'Dark Modern', file: 'dark' },
  { label: /^(Default )?(Dark )?High Contrast$/, filter: 'High Contrast', file: 'high-contrast' },
];

describe('presenting mode while sharing the screen', () => {
  let page: Page;
  const stamp = Date.now();
  // A real-looking name: this file takes the README's presenting picture, and runs once per lane.
  const name = 'Priya Raman';
  const secret = `SECRET-${stamp}`;

  before(async () => {
    ({ page } = await getSession());
  });

  it('hides a note’s private part in the editor and every private detail in the sidebar, with a banner that stops it', async function () {
    this.timeout(180_000);
    // Its own person and note: this file does not lean on people earlier files created.
    let frame = await openSidebar(page);
    await addPersonByForm(frame, name);
    await frame.getByRole('button', { name: `Start 1:1 with ${name}` }).click();
    await pickFromQuickInput(page, 'weekly', 'Weekly check-in');
    await waitForEditorText(page, 'Action items');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`${secret} is thinking of leaving`);
    await page.keyboard.press('Control+s');
    await waitForEditorText(page, secret);

    await runCommand(page, 'Two Hats: Start Presenting');
    await page.locator('.statusbar-item', { hasText: 'Presenting' }).first().waitFor();
    await page.waitForFunction(
      (hidden) => !(document.querySelector('.editor-group-container.active .monaco-editor .view-lines')?.textContent ?? '').includes(hidden),
      secret,
      { timeout: 30_000 },
    );
    assert.ok(!(await activeEditorText(page)).includes(secret), 'the private line is not on screen');
    assert.match(await activeEditorText(page), /Private — hidden while presenting|Private notes|Action items/, 'the shareable part and the private heading are still there');

    frame = await openSidebar(page);
    await frame.locator('.presenting-banner', { hasText: 'Presenting: private details hidden' }).waitFor();
    await personRow(frame, name).waitFor();
    const html = await frame.locator('body').evaluate((body) => body.innerHTML);
    assert.ok(!html.includes(secret));
    assert.equal(await frame.getByRole('button', { name: /1:1 history/ }).count(), 0, 'no history to open while presenting');

    mkdirSync(path.join(ARTIFACTS_DIR, 'screenshots'), { recursive: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    for (const theme of THEMES) {
      await runCommand(page, 'Preferences: Color Theme');
      await pickFromQuickInput(page, theme.filter, theme.label);
      frame = await openSidebar(page);
      await scrollSidebarToTop(frame);
      // The picture is of presenting mode: its banner must be in it.
      assert.ok(await isTopInView(frame.locator('.presenting-banner')), 'the banner is in view');
      // No hover tooltip in the picture: the pointer rests on the status bar's empty middle.
      await page.mouse.move(720, 890);
      await page.waitForTimeout(700);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'screenshots', `presenting-${theme.file}.png`) });
    }

    await page.setViewportSize({ width: 1280, height: 800 });
    frame = await openSidebar(page);
    await frame.getByRole('button', { name: 'Stop presenting' }).click();
    await frame.locator('.presenting-banner').waitFor({ state: 'detached' });
    await page.locator('.statusbar-item', { hasText: 'Presenting' }).first().waitFor({ state: 'detached' });
  });
});
