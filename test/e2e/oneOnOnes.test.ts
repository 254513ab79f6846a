import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { noteBodyName, NOTES_FOLDER } from '../../src/shared/storageLayout';
import { activeEditorText, openSidebar, pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';
import { getSession } from './session';
import { addPersonByForm, personRow, workspaceDataDir } from './steps';
import { goToLineHolding } from './workbenchDialogs';

const PERSON = 'Frances Allen';
const ITEM = 'Send the RFC to the platform team @frances #management';

describe('1:1s from the sidebar, in real editor tabs', () => {
  let page: Page;

  before(async () => {
    ({ page } = await getSession());
    await addPersonByForm(await openSidebar(page), PERSON, 'Compilers');
  });

  it('starts a weekly 1:1, saves an action item, sees it in the sidebar, and finds it carried into the next 1:1', async () => {
    let frame = await openSidebar(page);
    await frame.getByRole('button', { name: `Start 1:1 with ${PERSON}` }).click();
    await pickFromQuickInput(page, 'weekly', 'Weekly check-in');
    const tabs = page.locator('.tabs-container .tab', { hasText: new RegExp(`${PERSON} · \\d{4}-\\d{2}-\\d{2} · Weekly check-in`) });
    const tab = tabs.first();
    await tab.waitFor();
    await waitForEditorText(page, 'Action items');

    // Find the empty task line under "Action items" and finish it, by keyboard.
    await goToLineHolding(page, '- [ ] ');
    await page.keyboard.type(ITEM);
    await waitForEditorText(page, `- [ ] ${ITEM}`, 10_000);
    await page.keyboard.press('Control+s');
    await tab.and(page.locator(':not(.dirty)')).waitFor();

    frame = await openSidebar(page);
    const item = frame.getByRole('checkbox', { name: ITEM });
    await item.waitFor();

    await frame.getByRole('button', { name: `Start 1:1 with ${PERSON}` }).click();
    // The last template used for Frances comes first.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'last time' }).first().waitFor();
    await pickFromQuickInput(page, '', 'Weekly check-in');
    await tabs.nth(1).waitFor();
    await waitForEditorText(page, ITEM);
    const text = await activeEditorText(page);
    assert.match(text, /Follow-ups.*- \[ \] Send the RFC to the platform team @frances #management/);

    // Tagged for the manager's hat, it shows in the week's balance (once per note holding it).
    frame = await openSidebar(page);
    await frame.locator('.balance-text', { hasText: '0 leadership · 2 management' }).waitFor();

    // Ticking it in the sidebar closes it in the latest note.
    await frame.getByRole('checkbox', { name: ITEM }).check();
    await frame.getByRole('checkbox', { name: ITEM }).waitFor({ state: 'detached' });
    await waitForEditorText(page, '[x] Send the RFC');
  });

  it('renders a note full of hostile Markdown inert in the sidebar preview', async () => {
    const { server, dialogs } = await getSession();
    const frame = await openSidebar(page);
    const row = personRow(frame, PERSON);
    const history = row.getByRole('button', { name: /1:1 history/ });
    if ((await history.getAttribute('aria-expanded')) !== 'true') {
      await history.click();
    }
    const previewButton = row.locator('[data-focus-key^="preview-"]').first();
    const noteId = (await previewButton.getAttribute('data-focus-key'))!.slice('preview-'.length);

    // Put the hostile note where Two Hats keeps it, as if edited outside the extension.
    writeFileSync(path.join(workspaceDataDir(server.userDataDir), NOTES_FOLDER, noteBodyName(noteId)), HOSTILE);

    const offMachine: string[] = [];
    page.on('request', (request) => {
      if (!/^(?:https?|wss?):\/\/127\.0\.0\.1[:/]/.test(request.url()) && !/^(?:data|blob|vscode-[a-z]+):/.test(request.url())) {
        offMachine.push(request.url());
      }
    });
    await previewButton.click();
    const body = frame.locator('.note-preview .preview-body');
    await body.getByText('still a task').waitFor();
    await body.locator('a', { hasText: 'click me' }).click();
    await page.waitForTimeout(500);

    assert.equal(await body.locator('script, img, svg, iframe, style, form, object, embed').count(), 0);
    assert.equal(await body.locator('[onerror], [onload], [onmouseover], a[href^="javascript"]').count(), 0);
    assert.equal(await frame.locator('body').evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(offMachine, []);

    await frame.getByRole('button', { name: 'Close the preview' }).click();
    await history.click();
    await body.waitFor({ state: 'detached' });
  });

  it('searches every 1:1 note from the palette and opens the match', async () => {
    await runCommand(page, 'Two Hats: Search 1:1 Notes…');
    await page.locator('.quick-input-widget input').fill('platform team');
    const hit = page.locator('.quick-input-list .monaco-list-row', { hasText: PERSON }).first();
    await hit.waitFor();
    assert.match((await hit.textContent()) ?? '', /Send the RFC to the platform team/);
    await hit.click();
    await waitForEditorText(page, 'Send the RFC to the platform team');
  });
});

const HOSTILE = [
  '# Hostile note',
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<svg onload="window.__pwned=3"><circle r="1"/></svg>',
  '[click me](javascript:window.__pwned=4)',
  '![tracker](https://example.invalid/pixel.png)',
  '<iframe src="javascript:window.__pwned=5"></iframe>',
  '<style>body { display: none }</style>',
  '<form action="https://example.invalid/"><input name="x"></form>',
  '<div onmouseover="window.__pwned=6">hover</div>',
  '"><img src=x onerror=alert(1)>',
  '<object data="https://example.invalid/x.swf"></object>',
  '- [ ] still a task',
].join('\n\n');
