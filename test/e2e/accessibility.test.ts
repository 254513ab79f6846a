/**
 * axe-core (Deque's WCAG rules, a tool no one here wrote) over every state of the sidebar a user
 * meets, in light, dark and both high-contrast themes (dark and light): empty, with people, a 1:1 history open, a
 * delegation item open, the add and edit forms open, and presenting mode. Zero violations of
 * WCAG 2.1 A and AA is the bar.
 *
 * Independent: it empties the store itself (Delete All My Data) for the empty state, then sets up
 * the people, note and delegation item it looks at.
 */
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { openSidebar, pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';
import { axeViolations, type AxeViolation } from './axe';
import { getSession } from './session';
import { addPersonByForm, personRow } from './steps';

const THEMES = [
  // `shown`: the webview's body in that theme and no other (a light high-contrast body carries
  // vscode-high-contrast too, so the dark one is told apart by what it lacks).
  { label: /^(Default )?Light Modern$/, filter: 'Light Modern', shown: 'body.vscode-light:not(.vscode-high-contrast)' },
  { label: /^(Default )?Dark Modern$/, filter: 'Dark Modern', shown: 'body.vscode-dark:not(.vscode-high-contrast)' },
  { label: /^(Default )?(Dark )?High Contrast$/, filter: 'High Contrast', shown: 'body.vscode-high-contrast:not(.vscode-high-contrast-light)' },
  // The light one has its own body class (and its own colours for the link buttons and borders).
  { label: /^(Default )?Light High Contrast$/, filter: 'Light High Contrast', shown: 'body.vscode-high-contrast-light' },
];

const PERSON = 'Ada Axe';
const OTHER = 'Grace Contrast';
const WORK = 'Quarterly capacity plan';

function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.slice(0, 3).join(', ')}: ${v.summary}`).join('\n');
}

/** Switches to `theme` from the palette, unless the sidebar shows it already. */
async function setTheme(page: Page, theme: (typeof THEMES)[number]): Promise<FrameLocator> {
  let frame = await openSidebar(page);
  if ((await frame.locator(theme.shown).count()) > 0) {
    return frame;
  }
  await runCommand(page, 'Preferences: Color Theme');
  await pickFromQuickInput(page, theme.filter, theme.label);
  frame = await openSidebar(page);
  await frame.locator(theme.shown).waitFor({ timeout: 30_000 });
  return frame;
}

let statesChecked = 0;

/**
 * Runs axe in the sidebar in each theme and collects what it finds, labelled by state and theme.
 * Every other state goes through the themes backwards, so it starts in the theme the state before
 * ended in: one switch fewer per state (each switch is a palette command and a repaint).
 */
async function checkInEveryTheme(page: Page, state: string, found: string[], arrange: (frame: FrameLocator) => Promise<void>): Promise<void> {
  const order = statesChecked++ % 2 === 0 ? THEMES : [...THEMES].reverse();
  for (const theme of order) {
    const frame = await setTheme(page, theme);
    await arrange(frame);
    // A frame for the theme's colours to settle before axe reads computed styles.
    await page.waitForTimeout(300);
    const violations = await axeViolations(page);
    if (violations.length > 0) {
      found.push(`${state}, ${theme.filter}:\n${describeViolations(violations)}`);
    }
  }
}

async function emptyTheStore(page: Page, frame: FrameLocator): Promise<void> {
  if ((await frame.locator('li.person').count()) === 0) {
    return;
  }
  await runCommand(page, 'Two Hats: Delete All My Data…');
  await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Delete Everything' }).click();
}

describe('accessibility of every sidebar state, checked by axe-core in four themes', function () {
  this.timeout(600_000);

  it('has no WCAG 2.1 A or AA violation when empty, with people, history, delegation, forms and presenting', async () => {
    const { page } = await getSession();
    const found: string[] = [];
    let frame = await openSidebar(page);
    await emptyTheStore(page, frame);
    frame = await openSidebar(page);
    await frame.getByText('Add the people who report to you').waitFor();
    await checkInEveryTheme(page, 'empty', found, async (f) => {
      await f.getByText('Add the people who report to you').waitFor();
    });

    frame = await openSidebar(page);
    await addPersonByForm(frame, PERSON, 'Staff engineer');
    await addPersonByForm(frame, OTHER, 'Engineer');
    await checkInEveryTheme(page, 'people', found, async (f) => {
      await personRow(f, OTHER).waitFor();
    });

    await checkInEveryTheme(page, 'add form open', found, async (f) => {
      if ((await f.locator('#add-name').count()) === 0) {
        await f.locator('[data-focus-key="add-person"]').first().click();
      }
      await f.locator('#add-name').waitFor();
    });
    frame = await openSidebar(page);
    await frame.locator('.person-form').getByRole('button', { name: 'Cancel' }).click();

    await checkInEveryTheme(page, 'edit form open', found, async (f) => {
      // The form takes the row's place while it is open.
      const form = f.locator(`form.person-form[aria-label="Edit ${PERSON}"]`);
      if ((await form.count()) === 0) {
        await personRow(f, PERSON).getByRole('button', { name: `Edit ${PERSON}` }).click();
      }
      await form.waitFor();
    });
    frame = await openSidebar(page);
    await frame.locator(`form.person-form[aria-label="Edit ${PERSON}"]`).getByRole('button', { name: 'Cancel' }).click();

    // A 1:1 in the history, then the history open.
    frame = await openSidebar(page);
    await personRow(frame, PERSON).getByRole('button', { name: `Start 1:1 with ${PERSON}` }).click();
    await pickFromQuickInput(page, 'weekly', 'Weekly check-in');
    await waitForEditorText(page, 'Action items');
    await checkInEveryTheme(page, 'history open', found, async (f) => {
      const toggle = personRow(f, PERSON).locator('[data-focus-key^="history-"]');
      await toggle.waitFor();
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') {
        await toggle.click();
      }
      await personRow(f, PERSON).locator('[data-focus-key^="open-note-"]').first().waitFor();
    });

    // Held work, then the item open with its hand-off checklist.
    await runCommand(page, 'Two Hats: Add Work I Still Hold…');
    await pickFromQuickInput(page, 'Something else', 'Something else…');
    // The same widget turns from the pick into the title box: type only once it has.
    await page.locator('.quick-input-widget', { hasText: 'The technical work you still do yourself' }).waitFor();
    await page.locator('.quick-input-widget input').fill(WORK);
    await page.locator('.quick-input-widget input').press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await checkInEveryTheme(page, 'delegation item open', found, async (f) => {
      // Another file may have left a status filter chosen: show every item.
      const all = f.locator('.chip', { hasText: /^All/ });
      if ((await all.count()) > 0 && (await all.first().getAttribute('aria-pressed')) !== 'true') {
        await all.first().click();
      }
      const title = f.locator('li.delegation-item .item-title', { hasText: WORK });
      await title.waitFor();
      if ((await title.getAttribute('aria-expanded')) !== 'true') {
        await title.click();
      }
      await f.locator('li.delegation-item input[type="checkbox"]').first().waitFor();
    });

    await runCommand(page, 'Two Hats: Start Presenting');
    await checkInEveryTheme(page, 'presenting', found, async (f) => {
      await f.locator('.presenting-banner').waitFor();
    });
    frame = await openSidebar(page);
    await frame.getByRole('button', { name: 'Stop presenting' }).click();
    await frame.locator('.presenting-banner').waitFor({ state: 'detached' });

    assert.deepEqual(found, [], found.join('\n\n'));
  });
});
