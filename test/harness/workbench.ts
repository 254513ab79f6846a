/** Drives the real workbench in Debian's Chromium: open the sidebar, run commands, reach the webview. */
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { CHROMIUM } from './paths';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function openWorkbench(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await waitForWorkbench(page);
  return page;
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
}

export function activityBarEntry(page: Page) {
  return page.locator('.activitybar a[aria-label*="Two Hats"], .activitybar .action-item[aria-label*="Two Hats"] a').first();
}

/** The sidebar webview's document: two iframes deep in the workbench. */
export function sidebarFrame(page: Page): FrameLocator {
  return page
    .locator('iframe.webview.ready')
    .first()
    .contentFrame()
    .locator('iframe#active-frame')
    .contentFrame();
}

export async function isSidebarOpen(page: Page): Promise<boolean> {
  const entry = activityBarEntry(page);
  const checked = await entry.getAttribute('aria-checked');
  const expanded = await entry.getAttribute('aria-expanded');
  return checked === 'true' || expanded === 'true';
}

/** Opens the Two Hats sidebar (if closed) and waits until its webview has painted. */
export async function openSidebar(page: Page): Promise<FrameLocator> {
  await activityBarEntry(page).waitFor({ state: 'visible', timeout: 60_000 });
  if (!(await isSidebarOpen(page))) {
    await activityBarEntry(page).click();
  }
  const frame = sidebarFrame(page);
  await frame.locator('#app[aria-busy="false"]').waitFor({ timeout: 60_000 });
  return frame;
}

export async function closeSidebar(page: Page): Promise<void> {
  if (await isSidebarOpen(page)) {
    await activityBarEntry(page).click();
  }
  await page.locator('iframe.webview.ready').first().waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}
