/** Steps several end-to-end tests take the way a person would. */
import type { FrameLocator } from 'playwright-core';

export { reloadWindow } from '../harness/workbench';

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
