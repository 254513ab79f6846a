/** Steps several end-to-end tests take the way a person would. */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { runCommand, waitForWorkbench } from '../harness/workbench';

export async function reloadWindow(page: Page): Promise<void> {
  await runCommand(page, 'Developer: Reload Window');
  await page.waitForEvent('load', { timeout: 60_000 });
  await waitForWorkbench(page);
}

export function personRow(frame: FrameLocator, name: string) {
  return frame.locator('li.person', { has: frame.locator('.person-name', { hasText: name }) });
}

export async function addPersonByForm(frame: FrameLocator, name: string, role = ''): Promise<void> {
  const add = frame.locator('[data-focus-key="add-person"]');
  await add.click();
  await frame.locator('#add-name').fill(name);
  await frame.locator('#add-role').fill(role);
  await frame.locator('.person-form button[type="submit"]').click();
  await personRow(frame, name).waitFor();
}

/** The folder where the session's workspace keeps its Two Hats data, found on disk. */
export function workspaceDataDir(userDataDir: string): string {
  const storage = path.join(userDataDir, 'User', 'workspaceStorage');
  const [workspaceId] = readdirSync(storage).filter((entry) => readdirSync(path.join(storage, entry)).includes('two-hats.two-hats'));
  if (!workspaceId) {
    throw new Error(`No Two Hats data under ${storage}`);
  }
  return path.join(storage, workspaceId, 'two-hats.two-hats');
}
