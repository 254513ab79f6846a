import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { PRODUCT_EXTENSION, startCodeServer } from '../harness/codeServer';
import { launchBrowser, openSidebar, openWorkbench } from '../harness/workbench';
import { BACKUP_MANIFEST_FILE, TEAM_FILE } from '../../src/shared/storageLayout';
import { addPersonByForm } from './steps';

/**
 * Whether a finished backup (its manifest written, after the files) holds the person: the
 * manifest counts a person, and the team file beside it names them.
 */
function backedUp(backups: string, name: string): boolean {
  if (!existsSync(backups)) {
    return false;
  }
  return readdirSync(backups, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === BACKUP_MANIFEST_FILE)
    .some((entry) => {
      try {
        const manifest = JSON.parse(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')) as { people?: number };
        return (manifest.people ?? 0) > 0 && readFileSync(path.join(entry.parentPath, TEAM_FILE), 'utf8').includes(name);
      } catch {
        return false; // Being written, or renamed into place between the listing and the read.
      }
    });
}

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
      // The backup follows a change by a couple of seconds: until it holds the person, a move
      // would find nothing to offer.
      const backups = path.join(base, 'user-data', 'User', 'globalStorage', 'two-hats.two-hats');
      for (const deadline = Date.now() + 30_000; !backedUp(backups, 'Dorothy Vaughan'); ) {
        if (Date.now() > deadline) {
          throw new Error(`No backup holding the person under ${backups} within 30 s`);
        }
        await page.waitForTimeout(250);
      }
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
