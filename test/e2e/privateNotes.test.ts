/**
 * Issue #11 in the real workbench: what a lead types in a note's private part (a task, a
 * sub-heading of its own) stays out of the next 1:1's agenda, the shareable copy and the export
 * without private sections, and comes back in the next note's private part. Sets up its own
 * person, so it runs alone too.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openSidebar, pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';
import { getSession } from './session';
import { addPersonByForm } from './steps';
import { fillDialogPath, goToLineHolding } from './workbenchDialogs';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

describe('the private part of a 1:1 note, in the real editor', () => {
  let page: Page;
  const stamp = Date.now();
  const name = `Pia Private ${stamp}`;
  const privateTask = `PRIVATE-TASK-${stamp} talk to HR`;
  const sharedTask = `SHARED-TASK-${stamp} send the RFC`;
  const exportParent = mkdtempSync(path.join(tmpdir(), 'two-hats-e2e-export-'));

  before(async () => {
    ({ page } = await getSession());
  });

  after(async () => {
    rmSync(exportParent, { recursive: true, force: true });
    // The next test file finds the workbench as a person would leave it: no note tabs open.
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
  });

  /**
   * Copy Shareable Agenda, as a person runs it, and what it put on the clipboard. The copy is
   * written by the extension host after the palette has closed: the clipboard is read once it
   * changed, never before (an early read got whatever was there, which is what failed here once).
   */
  async function copiedAgenda(): Promise<string> {
    const before = `nothing copied yet ${Date.now()}`;
    await page.evaluate((text) => navigator.clipboard.writeText(text), before);
    await runCommand(page, 'Two Hats: Copy Shareable Agenda');
    // Polled from here: a page function returning a promise counts as an answer at once.
    for (const start = Date.now(); Date.now() - start < 15_000; ) {
      const now = await page.evaluate(() => navigator.clipboard.readText());
      if (now !== before) {
        return now;
      }
      await page.waitForTimeout(200);
    }
    return before;
  }

  it('keeps a private task under a private sub-heading out of the next agenda, the shareable copy and the export', async function () {
    this.timeout(300_000);
    let frame = await openSidebar(page);
    await addPersonByForm(frame, name);
    await frame.getByRole('button', { name: `Start 1:1 with ${name}` }).click();
    await pickFromQuickInput(page, 'weekly', 'Weekly check-in');
    await waitForEditorText(page, 'Action items');
    // A shared task on the template's empty task line, then a private sub-heading and task at the end.
    await goToLineHolding(page, '- [ ] ');
    await page.keyboard.type(sharedTask);
    await waitForEditorText(page, `- [ ] ${sharedTask}`, 10_000);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`\n### Performance concerns\n\n- [ ] ${privateTask}\n`);
    await page.keyboard.press('Control+s');
    await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: name }).waitFor();

    const first = await copiedAgenda();
    assert.ok(first.includes(sharedTask), `the shared task is in the copy: ${first}`);
    assert.ok(!first.includes(privateTask) && !first.includes('Performance concerns'), first);

    // Export 1:1 Notes…, without private sections, to a folder picked in the file dialog.
    await runCommand(page, 'Two Hats: Export 1:1 Notes…');
    await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Export Without Private Sections' }).click();
    await fillDialogPath(page, `${exportParent}/`);
    await page.locator('.quick-input-widget').getByRole('button', { name: 'Export Here' }).click();
    await page.locator('.notifications-toasts', { hasText: 'without private sections' }).waitFor({ timeout: 30_000 });
    const exported = filesUnder(exportParent).filter((file) => readFileSync(file, 'utf8').includes(`person: ${JSON.stringify(name)}`));
    assert.equal(exported.length, 1, `one note of ${name} exported, in ${filesUnder(exportParent).join(', ')}`);
    const exportedText = readFileSync(exported[0]!, 'utf8');
    assert.ok(exportedText.includes(sharedTask), `the shared task is in the export: ${exportedText}`);
    assert.ok(!exportedText.includes(privateTask) && !exportedText.includes('Performance concerns'), exportedText);

    // The sidebar lists both as the lead's to-dos, the private one marked.
    frame = await openSidebar(page);
    await frame.getByRole('checkbox', { name: sharedTask }).waitFor();
    await frame.getByRole('checkbox', { name: privateTask }).waitFor();

    await frame.getByRole('button', { name: `Start 1:1 with ${name}` }).click();
    await pickFromQuickInput(page, '', 'Weekly check-in');
    await page.locator('.tabs-container .tab', { hasText: name }).nth(1).waitFor();
    await waitForEditorText(page, sharedTask);
    const next = await copiedAgenda();
    assert.ok(next.includes(sharedTask), `the shared task carried into the shared part: ${next}`);
    assert.ok(!next.includes(privateTask), `the private task stays out of what can be shared: ${next}`);

    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await waitForEditorText(page, privateTask);
  });
});
