/** Drives the real workbench in Debian's Chromium: open the sidebar, run commands, reach the webview. */
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
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
  // Clipboard access is what a person grants with a click; headless Chromium needs it up front.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
  return openWorkbenchIn(context, url);
}

/**
 * Another window in a context already open: it shares the context's HTTP cache, so the
 * workbench's megabytes of script load from memory, not again from code-server.
 */
export async function openWorkbenchIn(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  // A third window on two busy cores can take well over the default 30 s to load.
  await page.goto(url, { timeout: 120_000 });
  await waitForWorkbench(page);
  return page;
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
}

export function activityBarEntry(page: Page) {
  // The tab (li) carries aria-expanded; its link inside has the same label.
  return page.locator('.activitybar li.action-item').filter({ has: page.locator('a[aria-label^="Two Hats"]') }).first();
}

/** The sidebar webview's document: two iframes deep in the workbench. */
export function sidebarFrame(page: Page): FrameLocator {
  // Hidden webviews keep their iframe for a while; the sidebar's is the visible one.
  return page
    .locator('iframe.webview.ready')
    .filter({ visible: true })
    .first()
    .contentFrame()
    .locator('iframe#active-frame')
    .contentFrame();
}

export async function isSidebarOpen(page: Page): Promise<boolean> {
  // The activity bar keeps its entry marked after the sidebar is collapsed; ask the sidebar itself.
  return page.locator('.part.sidebar .title-label h2', { hasText: 'Two Hats' }).isVisible();
}

/**
 * Opens the Two Hats sidebar and waits until its webview has painted. Uses the view's focus
 * command, which always opens (a click on the activity bar toggles, and right after a reload the
 * workbench may still be restoring the sidebar, so a click could close it).
 */
export async function openSidebar(page: Page): Promise<FrameLocator> {
  await activityBarEntry(page).waitFor({ state: 'visible', timeout: 60_000 });
  if (!(await isSidebarOpen(page))) {
    await runCommand(page, 'Two Hats: Focus on Team View');
  }
  return waitForSidebar(page);
}

export async function waitForSidebar(page: Page): Promise<FrameLocator> {
  const frame = sidebarFrame(page);
  await frame.locator('#app[aria-busy="false"]').waitFor({ timeout: 60_000 });
  return frame;
}

/** Collapses the sidebar the way a person does: a click on the active activity-bar entry. */
export async function closeSidebar(page: Page): Promise<void> {
  if (await isSidebarOpen(page)) {
    await clickActivityBarEntry(page);
  }
  await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 15_000 });
}

/**
 * Two clicks on the same activity-bar entry within the double-click interval count as one
 * double-click in the workbench, and the second does nothing; a person pauses between them.
 */
export async function clickActivityBarEntry(page: Page): Promise<void> {
  await page.mouse.move(640, 400);
  await page.waitForTimeout(700);
  await activityBarEntry(page).click();
}

/** Reloads the window from the palette and waits for the new workbench. */
export async function reloadWindow(page: Page): Promise<void> {
  // Listening before the command runs: a quick reload can fire `load` before a later listener.
  const loaded = page.waitForEvent('load', { timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window');
  await loaded;
  await waitForWorkbench(page);
}

/** Runs a command from the palette by its exact title, as a person would (F1, type, pick). */
export async function runCommand(page: Page, title: string): Promise<void> {
  // Right after a reload the palette can open before every contribution is registered: retry.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await pickFromQuickInput(page, `>${title}`, title, attempt < 3 ? 10_000 : 30_000);
      // Until the palette has closed (or given its widget to the command's own quick pick, whose
      // text does not start with ">"), a next step would type into the closing palette.
      await page.waitForFunction(() => {
        const widget = document.querySelector<HTMLElement>('.quick-input-widget');
        const input = widget?.querySelector<HTMLInputElement>('input');
        const shown = widget !== null && getComputedStyle(widget).display !== 'none' && widget.getClientRects().length > 0;
        return !shown || !input?.value.startsWith('>');
      });
      return;
    } catch (error) {
      if (attempt >= 3) {
        throw error;
      }
      // Only the palette's own Escape: one sent blind lands wherever the focus went instead.
      const palette = page.locator('.quick-input-widget');
      if (await palette.isVisible()) {
        await palette.locator('input').press('Escape');
      }
      await page.waitForTimeout(1000);
    }
  }
}

/** Types into the open quick input and picks the row whose label is exactly `label`. */
export async function pickFromQuickInput(page: Page, filter: string, label: string | RegExp, timeout = 30_000): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(filter, { timeout });
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name').getByText(label, { exact: true }) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
}

/**
 * Waits until the active editor shows `text`. Monaco renders spaces as no-break spaces, so the
 * comparison folds them back.
 */
export async function waitForEditorText(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
      return (lines?.textContent ?? '').replace(/\u00a0/g, ' ').includes(expected);
    },
    text,
    { timeout },
  );
}

export async function activeEditorText(page: Page): Promise<string> {
  const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().textContent();
  return (text ?? '').replace(/\u00a0/g, ' ');
}
