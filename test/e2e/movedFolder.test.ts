import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { PRODUCT_EXTENSION, startCodeServer } from '../harness/codeServer';
import { launchBrowser, openSidebar, openWorkbench } from '../harness/workbench';
import { addPersonByForm } from './steps';

describe('a workspace folder that moved', () => {
  let base: string;
  let browser: Browser;

  before(async () => {
    base = mkdtempSync(path.join(os.tmpdir(), 'two-hats-moved-'));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('offers the backup when the moved folder opens with empty storage, and restores the team', async () => {
    const before = path.join(base, 'src', 'atlas');
    const after = path.join(base, 'elsewhere', 'atlas');
    mkdirSync(before, { recursive: true });
    // The same profile (user data) both times, as on one machine; only the folder moves.
    const first = await startCodeServer({ extensions: [PRODUCT_EXTENSION], persistentDir: base, workspace: before });
    try {
      const page = await openWorkbench(browser, first.url);
      const frame = await openSidebar(page);
      await addPersonByForm(frame, 'Dorothy Vaughan', 'Compute');
      // The backup follows a change by a couple of seconds.
      await page.waitForTimeout(4000);
      await page.context().close();
    } finally {
      await first.stop();
    }

    mkdirSync(path.dirname(after), { recursive: true });
    renameSync(before, after);
    const second = await startCodeServer({ extensions: [PRODUCT_EXTENSION], persistentDir: base, workspace: after });
    try {
      const page = await openWorkbench(browser, second.url);
      const frame = await openSidebar(page);
      await frame.getByText('Add the people who report to you').waitFor();
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'backup of “atlas”' });
      await toast.waitFor({ timeout: 30_000 });
      await toast.getByRole('button', { name: 'Restore' }).click();
      await frame.locator('.person-name', { hasText: 'Dorothy Vaughan' }).waitFor({ timeout: 30_000 });
      await page.context().close();
    } finally {
      await second.stop();
    }
  });
});
