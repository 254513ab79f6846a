/**
 * The main flows with the keyboard alone: no click, no mouse move. Palette commands by F1 and
 * typing, the sidebar by Tab until the control a person is looking for has the focus, quick picks
 * by typing and Enter. Sets up its own person, so it runs alone too.
 */
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { waitForEditorText, waitForSidebar } from '../harness/workbench';
import { getSession } from './session';
import { personRow } from './steps';

const PERSON = 'Kay Keyboard';
const ITEM = 'Draft the on-call rota with Kay';
const WORK = 'Release go/no-go';

async function paletteCommand(page: Page, title: string): Promise<void> {
  // Right after the window opens the palette can show before every contribution is registered.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      // Typing before the palette has the focus would type into whatever had it.
      await page.locator('.quick-input-widget input:focus').waitFor({ timeout: 5000 });
      await pickByKeyboard(page, `>${title}`, title, attempt < 3 ? 10_000 : 30_000);
      return;
    } catch (error) {
      if (attempt >= 3) {
        throw error;
      }
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
  }
}

/** Types into the open quick input, moves to the row labelled `label` with the arrows, presses Enter. */
async function pickByKeyboard(page: Page, filter: string, label: string | RegExp, timeout = 30_000): Promise<void> {
  await page.locator('.quick-input-widget input:focus').waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+a');
  await page.keyboard.type(filter);
  const wanted = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name').getByText(label, { exact: true }) }).first();
  await wanted.waitFor({ state: 'visible', timeout });
  for (let i = 0; i < 30 && !(await wanted.evaluate((row) => row.classList.contains('focused'))); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

/** Presses Tab until the sidebar's focused control has the given accessible name. */
async function tabTo(page: Page, frame: FrameLocator, name: string | RegExp): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  for (let presses = 0; presses < 400; presses++) {
    // One look into the sidebar's document per press (a round trip through two frames each):
    // the one focused control, if there is exactly one, and its name.
    const label = await frame.locator('body').evaluate(() => {
      const focused = document.querySelectorAll(':focus');
      const el = focused.length === 1 ? focused[0]! : undefined;
      // The accessible name as a screen reader reads it: aria-label, else a form control's label, else its text.
      return el && (el.getAttribute('aria-label') ?? ((el as HTMLInputElement).labels?.[0]?.innerText || (el as HTMLElement).innerText || ''));
    });
    if (label !== undefined && matches(label.trim())) {
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`No control named ${String(name)} could be reached with Tab.`);
}

async function focusSidebar(page: Page): Promise<FrameLocator> {
  await paletteCommand(page, 'Two Hats: Focus on Team View');
  const frame = await waitForSidebar(page);
  await page.keyboard.press('Tab');
  return frame;
}

describe('the main flows with the keyboard alone', () => {
  let page: Page;

  before(async () => {
    ({ page } = await getSession());
  });

  it('adds a person, starts a 1:1, writes and ticks an action item, and hands work over', async function () {
    this.timeout(300_000); // Four flows typed key by key on a shared two-core machine.
    // Add a person.
    let frame = await focusSidebar(page);
    await tabTo(page, frame, /^Add (p|P)erson$/);
    await page.keyboard.press('Enter');
    await frame.locator('#add-name:focus').waitFor();
    await page.keyboard.type(PERSON);
    await page.keyboard.press('Enter');
    await personRow(frame, PERSON).waitFor();

    // Start a 1:1 and write an action item.
    await tabTo(page, frame, `Start 1:1 with ${PERSON}`);
    await page.keyboard.press('Enter');
    await pickByKeyboard(page, 'weekly', 'Weekly check-in');
    await waitForEditorText(page, `1:1 with ${PERSON}`);
    await page.keyboard.press('Control+f');
    await page.keyboard.type('- [ ] ');
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.type(ITEM);
    await page.keyboard.press('Control+s');
    await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: PERSON }).waitFor();

    // Tick it in the sidebar.
    frame = await focusSidebar(page);
    const checkbox = frame.getByRole('checkbox', { name: ITEM });
    await checkbox.waitFor();
    await tabTo(page, frame, ITEM);
    await page.keyboard.press('Space');
    await checkbox.waitFor({ state: 'detached' });
    await waitForEditorText(page, `[x] ${ITEM}`);

    // Hand work over.
    await tabTo(page, frame, /^Add (w|W)ork (y|Y)ou (s|S)till (h|H)old$/);
    await page.keyboard.press('Enter');
    await pickByKeyboard(page, 'go/no-go', WORK);
    const row = frame.locator('li.delegation-item', { has: frame.locator('.item-title', { hasText: WORK }) });
    await row.waitFor();
    frame = await focusSidebar(page);
    await tabTo(page, frame, `Choose who owns “${WORK}”`);
    await page.keyboard.press('Enter');
    await pickByKeyboard(page, 'Kay', PERSON);
    await pickByKeyboard(page, 'Consult', '3 · Consult');
    await pickByKeyboard(page, 'Delegate', '7 · Delegate');
    await row.locator('.item-meta', { hasText: `Handing over · ${PERSON} · level 3 · Consult → 7 · Delegate` }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('li.delegation-item', { hasText: WORK }).count(), 1);
  });
});
