/**
 * Issue #11 in the real workbench: what a lead types in a note's private part (a task, a
 * sub-heading of its own) stays out of the next 1:1's agenda and out of the shareable copy, and
 * comes back in the next note's private part. Sets up its own person, so it runs alone too.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openSidebar, pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';
import { getSession } from './session';
import { addPersonByForm } from './steps';

describe('the private part of a 1:1 note, in the real editor', () => {
  let page: Page;
  const stamp = Date.now();
  const name = `Pia Private ${stamp}`;
  const privateTask = `PRIVATE-TASK-${stamp} talk to HR`;
  const sharedTask = `SHARED-TASK-${stamp} send the RFC`;

  before(async () => {
    ({ page } = await getSession());
  });

  async function copiedAgenda(): Promise<string> {
    await runCommand(page, 'Two Hats: Copy Shareable Agenda');
    return page.evaluate(() => navigator.clipboard.readText());
  }

  it('keeps a private task under a private sub-heading out of the next agenda and the shareable copy', async function () {
    this.timeout(240_000);
    let frame = await openSidebar(page);
    await addPersonByForm(frame, name);
    await frame.getByRole('button', { name: `Start 1:1 with ${name}` }).click();
    await pickFromQuickInput(page, 'weekly', 'Weekly check-in');
    await waitForEditorText(page, 'Action items');
    const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    await editor.click();
    // A shared task on the template's empty task line, then a private sub-heading and task at the end.
    await page.keyboard.press('Control+f');
    await page.keyboard.type('- [ ] ');
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.type(sharedTask);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`\n### Performance concerns\n\n- [ ] ${privateTask}\n`);
    await page.keyboard.press('Control+s');
    await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: name }).waitFor();

    const first = await copiedAgenda();
    assert.ok(first.includes(sharedTask), 'the shared task is in the copy');
    assert.ok(!first.includes(privateTask) && !first.includes('Performance concerns'), first);

    // The sidebar lists both as the lead's to-dos, the private one marked.
    frame = await openSidebar(page);
    await frame.getByRole('checkbox', { name: sharedTask }).waitFor();
    await frame.getByRole('checkbox', { name: privateTask }).waitFor();

    await frame.getByRole('button', { name: `Start 1:1 with ${name}` }).click();
    await pickFromQuickInput(page, '', 'Weekly check-in');
    await page.locator('.tabs-container .tab', { hasText: name }).nth(1).waitFor();
    await waitForEditorText(page, sharedTask);
    const next = await copiedAgenda();
    assert.ok(next.includes(sharedTask), 'the shared task carried into the shared part');
    assert.ok(!next.includes(privateTask), `the private task stays out of what can be shared: ${next}`);

    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await waitForEditorText(page, privateTask);
  });
});
