import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { PRODUCT_EXTENSION, startCodeServer, type CodeServer } from '../harness/codeServer';
import { launchBrowser, openSidebar, openWorkbench } from '../harness/workbench';

describe('the sidebar with no folder open', () => {
  let server: CodeServer;
  let browser: Browser;

  before(async () => {
    server = await startCodeServer({ extensions: [PRODUCT_EXTENSION], noFolder: true });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('explains where data would live and offers a way forward, then works from global storage', async () => {
    const page = await openWorkbench(browser, server.url);
    const frame = await openSidebar(page);
    await frame.getByRole('heading', { name: 'Open a folder to begin' }).waitFor();
    assert.ok(await frame.getByRole('button', { name: 'Open Folder…' }).isVisible());
    await frame.getByRole('button', { name: 'Use Global Storage Instead' }).click();
    await frame.getByText('Add the people who report to you').waitFor();
    await frame.getByRole('button', { name: 'Add Person' }).click();
    await frame.locator('#add-name').fill('Katherine Johnson');
    await frame.locator('#add-name').press('Enter');
    await frame.locator('.person-name', { hasText: 'Katherine Johnson' }).waitFor();
    await page.context().close();
  });
});
