import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { openSidebar, pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';
import { getSession } from './session';
import { addPersonByForm, reloadWindow } from './steps';

const TITLE = 'Deploy script only I understand';
const STEPS = ['Explained the problem and why it matters', 'Agreed what done looks like', 'Gave access, context and resources'];

function itemRow(frame: FrameLocator) {
  return frame.locator('li.delegation-item', { has: frame.locator('.item-title', { hasText: TITLE }) });
}

describe('the delegation checklist in the real sidebar', () => {
  let page: Page;
  let root: string;

  before(async () => {
    const session = await getSession();
    page = session.page;
    root = session.server.workspace;
    mkdirSync(path.join(root, 'ops'), { recursive: true });
    writeFileSync(path.join(root, 'ops', 'deploy.sh'), '#!/bin/sh\nrsync -a build/ prod:/srv/app # only I know the flags\n');
    const frame = await openSidebar(page);
    await addPersonByForm(frame, 'Margaret Hamilton', 'Platform');
  });

  it('adds held work from a code selection, hands it over at level 3 and ticks three hand-off steps', async () => {
    // Quick Open finds a file by its full path at once; by name it waits for the workspace's
    // file search, which had not yet seen this new file in a run on a fresh clone.
    await page.keyboard.press('Control+p');
    await pickFromQuickInput(page, path.join(root, 'ops', 'deploy.sh'), 'deploy.sh');
    await waitForEditorText(page, 'only I know the flags');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+End');
    await runCommand(page, 'Two Hats: Delegate This…');
    await page.waitForFunction(() => /^ops\/deploy\.sh:1: /.test((document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value ?? ''));
    await page.locator('.quick-input-widget input').fill(TITLE);
    await page.keyboard.press('Enter');

    const frame = await openSidebar(page);
    const row = itemRow(frame);
    await row.waitFor();
    assert.match((await row.locator('.item-meta').textContent()) ?? '', /Holding · No owner yet · checklist 0\/15/);
    await row.getByRole('button', { name: `Choose who owns “${TITLE}”` }).click();
    await pickFromQuickInput(page, 'Margaret', 'Margaret Hamilton');
    await pickFromQuickInput(page, 'Consult', '3 · Consult');
    await pickFromQuickInput(page, 'Advise', '5 · Advise');
    await row.locator('.item-meta', { hasText: 'Handing over · Margaret Hamilton · level 3 · Consult → 5 · Advise' }).waitFor();

    await row.locator('.item-title').click();
    for (const step of STEPS) {
      await row.getByRole('checkbox', { name: step }).check();
    }
    await row.locator('.item-meta', { hasText: 'checklist 3/15' }).waitFor();
  });

  it('finds the check-in in Margaret’s next 1:1 agenda', async () => {
    const frame = await openSidebar(page);
    await frame.getByRole('button', { name: 'Start 1:1 with Margaret Hamilton' }).click();
    await pickFromQuickInput(page, 'weekly', 'Weekly check-in');
    await waitForEditorText(page, '1:1 with Margaret Hamilton');
    // The editor renders only the lines in view: go to the end, where the agenda's last sections are.
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await waitForEditorText(page, `Check in: ${TITLE} (level 3 · Consult, aiming for 5 · Advise). Checklist 3/15.`);
  });

  it('deletes the item with undo', async () => {
    const frame = await openSidebar(page);
    const row = itemRow(frame);
    await row.getByRole('button', { name: `Delete “${TITLE}”` }).click();
    await row.waitFor({ state: 'detached' });
    await frame.getByRole('button', { name: 'Undo' }).click();
    await row.waitFor();
  });

  it('is all still there after the window reloads, the source line included', async () => {
    await reloadWindow(page);
    const frame = await openSidebar(page);
    const row = itemRow(frame);
    await row.locator('.item-meta', { hasText: 'Handing over · Margaret Hamilton · level 3 · Consult → 5 · Advise · checklist 3/15' }).waitFor({ timeout: 30_000 });
    if ((await row.locator('.item-title').getAttribute('aria-expanded')) !== 'true') {
      await row.locator('.item-title').click();
    }
    for (const step of STEPS) {
      assert.ok(await row.getByRole('checkbox', { name: step }).isChecked(), step);
    }
    assert.ok(!(await row.getByRole('checkbox', { name: 'Booked the first check-in' }).isChecked()));
    await row.getByRole('button', { name: 'Open ops/deploy.sh:1–2' }).click();
    await waitForEditorText(page, 'only I know the flags');
  });
});
