import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ENCRYPTION_KEY_FILE } from '../../src/shared/storageLayout';
import { openSidebar, runCommand } from '../harness/workbench';
import { getSession } from './session';
import { notification } from './workbenchDialogs';
import { addPersonByForm, openDataDir, personRow } from './steps';

const NAME = 'Hedy Lamarr';
const PASSPHRASE = 'frequency hopping piano rolls';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** Types into the open input box once it shows `prompt`, then presses Enter. */
async function answerInputBox(page: Page, prompt: string | RegExp, text: string): Promise<void> {
  const widget = page.locator('.quick-input-widget', { hasText: prompt });
  await widget.waitFor();
  await widget.locator('input').fill(text);
  await widget.locator('input').press('Enter');
  await widget.waitFor({ state: 'hidden' });
}

async function confirmDialog(page: Page, button: string): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: button }).click();
}

describe('encrypted at rest, as a person uses it', () => {
  let data: string;

  before(async function () {
    this.timeout(120_000);
    const { page, server } = await getSession();
    data = await openDataDir(page, server.userDataDir);
    await addPersonByForm(await openSidebar(page), NAME, 'Radio');
  });

  after(async function () {
    this.timeout(120_000);
    // Later files find plain data, whatever happened above.
    if (!existsSync(path.join(data, ENCRYPTION_KEY_FILE))) {
      return;
    }
    const { page } = await getSession();
    await runCommand(page, 'Two Hats: Decrypt My Notes…');
    await confirmDialog(page, 'Decrypt');
    await answerInputBox(page, 'Your passphrase, to confirm', PASSPHRASE);
    await notification(page, /stored as plain files again/).waitFor({ timeout: 60_000 });
  });

  it('Encrypt My Notes refuses a weak passphrase with its reason, asks twice, and leaves no name readable on disk', async function () {
    this.timeout(120_000);
    const { page } = await getSession();
    assert.ok(filesUnder(data).some((file) => readFileSync(file).includes(NAME)), 'the name is on disk before');
    await runCommand(page, 'Two Hats: Encrypt My Notes…');
    await confirmDialog(page, 'Encrypt');
    const first = page.locator('.quick-input-widget', { hasText: 'Choose a passphrase' });
    await first.waitFor();
    const input = page.locator('.quick-input-widget input');
    await input.fill('password1234');
    // The reason takes the prompt's place while the passphrase is refused.
    await page.locator('.quick-input-widget').getByText(/well-known password/).waitFor();
    await input.fill(PASSPHRASE);
    await first.waitFor();
    await input.press('Enter');
    await answerInputBox(page, 'Type the same passphrase again', PASSPHRASE);
    await notification(page, /Your notes are encrypted/).waitFor({ timeout: 60_000 });
    assert.deepEqual(filesUnder(data).filter((file) => readFileSync(file).includes(NAME)), []);
  });

  it('Lock Now shows Locked in the sidebar; a wrong passphrase there says so, the right one brings the team back', async function () {
    this.timeout(120_000);
    const { page } = await getSession();
    await runCommand(page, 'Two Hats: Lock Now');
    const frame = await openSidebar(page);
    await frame.getByRole('heading', { name: 'Locked' }).waitFor();
    await frame.getByRole('button', { name: 'Unlock…' }).click();
    await answerInputBox(page, 'Your passphrase', 'not my passphrase at all');
    await notification(page, /does not unlock these notes/).waitFor({ timeout: 30_000 });
    await frame.getByRole('heading', { name: 'Locked' }).waitFor();
    await frame.getByRole('button', { name: 'Unlock…' }).click();
    await answerInputBox(page, 'Your passphrase', PASSPHRASE);
    await personRow(frame, NAME).waitFor({ timeout: 30_000 });
  });
});
