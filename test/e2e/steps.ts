/** Steps several end-to-end tests take the way a person would, and the set-up they share. */
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { NOTES_FOLDER, TEAM_FILE } from '../../src/shared/storageLayout';
import { serializeTeamFile } from '../../src/shared/storedTeam';
import { workspaceDataDir } from '../harness/dataDir';
import { closeSidebar, isSidebarOpen, openSidebar } from '../harness/workbench';

export { reloadWindow } from '../harness/workbench';
export { workspaceDataDir };

export function personRow(frame: FrameLocator, name: string) {
  return frame.locator('li.person', { has: frame.locator('.person-name', { hasText: name }) });
}

/**
 * Brings the sidebar back to its top, for a picture: clicking a row's button (the last person's
 * Start 1:1) leaves the page scrolled to that row, cutting off the rows and banner above it.
 */
export async function scrollSidebarToTop(frame: FrameLocator): Promise<void> {
  await frame.locator('body').evaluate(() => {
    document.scrollingElement?.scrollTo(0, 0);
    (document.activeElement as HTMLElement | null)?.blur();
  });
}

/** Whether an element's top edge is inside its frame's window: a picture taken now shows where it starts. */
export async function isTopInView(element: Locator): Promise<boolean> {
  return element.evaluate((node) => {
    const top = node.getBoundingClientRect().top;
    return top >= 0 && top < window.innerHeight;
  });
}

export async function addPersonByForm(frame: FrameLocator, name: string, role = ''): Promise<void> {
  const add = frame.locator('[data-focus-key="add-person"]');
  await add.click();
  await frame.locator('#add-name').fill(name);
  await frame.locator('#add-role').fill(role);
  await frame.locator('.person-form button[type="submit"]').click();
  await personRow(frame, name).waitFor();
}

/**
 * The workspace's Two Hats data folder, for a file that writes its data straight to disk. The
 * stores create it (and its notes folder) when they open, which the sidebar's first paint waits for.
 */
export async function openDataDir(page: Page, userDataDir: string): Promise<string> {
  await openSidebar(page);
  for (const deadline = Date.now() + 30_000; ; ) {
    const dir = existingDataDir(userDataDir);
    if (dir && existsSync(path.join(dir, NOTES_FOLDER))) {
      return dir;
    }
    if (Date.now() > deadline) {
      throw new Error(`No Two Hats data folder with its notes folder under ${userDataDir}`);
    }
    await page.waitForTimeout(250);
  }
}

/**
 * A window as on first use, whatever ran before in the session: no people, the sidebar closed.
 * A new session has no data folder yet, and is left as it is.
 */
export async function startWithNoPeople(page: Page, userDataDir: string): Promise<void> {
  const dir = existingDataDir(userDataDir);
  if (dir && existsSync(path.join(dir, TEAM_FILE))) {
    const frame = await openSidebar(page);
    writeFileSync(path.join(dir, TEAM_FILE), serializeTeamFile([]));
    await frame.getByText('Add the people who report to you').waitFor({ timeout: 30_000 });
  }
  if (await isSidebarOpen(page)) {
    await closeSidebar(page);
  }
}

function existingDataDir(userDataDir: string): string | undefined {
  try {
    return workspaceDataDir(userDataDir);
  } catch {
    return undefined;
  }
}
