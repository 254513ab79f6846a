/** Steps several end-to-end tests take the way a person would. */
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

export { workspaceDataDir } from '../harness/dataDir';
