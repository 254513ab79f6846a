import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { activeEditorText, openSidebar, pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';
import { getSession } from './session';
import { addPersonByForm } from './steps';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const PERSON = 'Barbara Liskov';

describe('talking points from a code selection', () => {
  let page: Page;

  before(async () => {
    const session = await getSession();
    page = session.page;
    // A small repository in the workspace: a source file, and a checked-out commit.
    const root = session.server.workspace;
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'retry.ts'), 'for (;;) {\n  retry(); // no back-off\n}\n');
    mkdirSync(path.join(root, '.git', 'refs', 'heads'), { recursive: true });
    writeFileSync(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(root, '.git', 'refs', 'heads', 'main'), `${COMMIT}\n`);
    await addPersonByForm(await openSidebar(page), PERSON, 'Abstractions');
  });

  it('queues the selection for Barbara’s next 1:1 and finds it, with file, lines and commit, in the agenda', async () => {
    await page.keyboard.press('Control+p');
    await pickFromQuickInput(page, 'retry.ts', 'retry.ts');
    await waitForEditorText(page, 'no back-off');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+End');

    await runCommand(page, 'Two Hats: Add Selection to Next 1:1…');
    await pickFromQuickInput(page, 'Barbara', PERSON);
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value === 'for (;;) {');
    await input.fill('Retry loop without back-off');
    await page.keyboard.press('Enter');
    await pickFromQuickInput(page, 'next', 'Next 1:1 only');

    let frame = await openSidebar(page);
    const queued = frame.locator(`ul[aria-label="Talking points queued for ${PERSON}"] li`, { hasText: 'Retry loop without back-off' });
    await queued.waitFor();

    await frame.getByRole('button', { name: `Start 1:1 with ${PERSON}` }).click();
    await pickFromQuickInput(page, 'weekly', 'Weekly check-in');
    await waitForEditorText(page, 'Retry loop without back-off');
    const text = await activeEditorText(page);
    assert.match(text, /- Retry loop without back-off \(`src\/retry\.ts:1-2` at `0123456`\)/);
    assert.doesNotMatch(text, /file:|\/home\/|\/Users\//);

    frame = await openSidebar(page);
    await queued.waitFor({ state: 'detached' });
  });
});
