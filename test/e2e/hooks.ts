/**
 * Root hooks of the end-to-end lane, shared by the whole suite (suite.ts) and by files run alone
 * (`node test/run-all.mjs e2e <file>` bundles this file with the chosen ones).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS_DIR } from '../harness/paths';
import { runCommand } from '../harness/workbench';
import { closeSession, currentPage } from './session';

// A failing test leaves a screenshot of the workbench behind, to see what the user would have seen.
afterEach(async function () {
  const page = currentPage();
  if (this.currentTest?.state === 'failed' && page) {
    const dir = path.join(ARTIFACTS_DIR, 'failures');
    mkdirSync(dir, { recursive: true });
    const name = this.currentTest.fullTitle().replace(/[^a-z0-9]+/gi, '-').slice(0, 100);
    await page.screenshot({ path: path.join(dir, `${name}.png`) }).catch(() => undefined);
  }
});

/**
 * After the last test of each file, its editors close (unsaved changes dropped): a file must not
 * lean on what another left open, and a dialog asking to save must never stop the next file.
 */
afterEach(async function () {
  const page = currentPage();
  const test = this.currentTest;
  const siblings = test?.parent?.tests ?? [];
  if (!page || page.isClosed() || !test || siblings[siblings.length - 1] !== test) {
    return;
  }
  await page.keyboard.press('Escape').catch(() => undefined);
  // Each palette command costs a second or more on two busy cores: only the ones with work to do.
  // An unknown count (the page gone wrong) runs both, as before.
  const tabs = page.locator('.tabs-container .tab');
  if ((await tabs.count().catch(() => -1)) === 0) {
    return;
  }
  if ((await tabs.and(page.locator('.dirty')).count().catch(() => -1)) !== 0) {
    await runCommand(page, 'View: Revert and Close Editor').catch(() => undefined);
  }
  await runCommand(page, 'View: Close All Editors').catch(() => undefined);
  const dontSave = page.locator('.monaco-dialog-box').getByRole('button', { name: 'Don’t Save' }).or(page.locator('.monaco-dialog-box').getByRole('button', { name: "Don't Save" }));
  if (await dontSave.first().isVisible().catch(() => false)) {
    await dontSave.first().click().catch(() => undefined);
  }
});

after(closeSession);
