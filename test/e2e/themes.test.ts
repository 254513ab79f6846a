import * as assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS_DIR } from '../harness/paths';
import { openSidebar, pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';
import { getSession } from './session';
import { addPersonByForm, isTopInView, personRow, scrollSidebarToTop } from './steps';

const PERSON = 'Edith Clarke';

const THEMES = [
  // Names as the theme picker shows them (newer VS Code drops the "Default" prefix).
  { label: /^(Default )?Light Modern$/, filter: 'Light Modern', file: 'light', bodyClass: 'vscode-light' },
  { label: /^(Default )?Dark Modern$/, filter: 'Dark Modern', file: 'dark', bodyClass: 'vscode-dark' },
  { label: /^(Default )?(Dark )?High Contrast$/, filter: 'High Contrast', file: 'high-contrast', bodyClass: 'vscode-high-contrast' },
];

describe('the sidebar in light, dark and high-contrast themes', () => {
  before(async () => {
    const { page } = await getSession();
    await addPersonByForm(await openSidebar(page), PERSON, 'Power systems');
  });

  it('follows the theme’s colours, and leaves a screenshot of each', async () => {
    const { page } = await getSession();
    mkdirSync(path.join(ARTIFACTS_DIR, 'screenshots'), { recursive: true });
    const colours = new Map<string, string>();
    for (const theme of THEMES) {
      await runCommand(page, 'Preferences: Color Theme');
      await pickFromQuickInput(page, theme.filter, theme.label);
      const frame = await openSidebar(page);
      await frame.locator(`body.${theme.bodyClass}`).waitFor({ timeout: 30_000 });
      const name = personRow(frame, PERSON).locator('.person-name');
      await name.waitFor();
      colours.set(theme.file, await name.evaluate((element) => getComputedStyle(element).color));
      await page.locator('.part.sidebar').screenshot({ path: path.join(ARTIFACTS_DIR, 'screenshots', `sidebar-${theme.file}.png`) });
    }
    assert.equal(new Set(colours.values()).size, THEMES.length, `each theme colours the text its own way: ${JSON.stringify([...colours])}`);
  });
});

describe('the whole workbench, as the README shows it', () => {
  it('shows the sidebar beside an open 1:1 note in light and dark, and leaves a picture of each', async function () {
    this.timeout(240_000);
    const { page } = await getSession();
    const name = 'Linus Pauling';
    let frame = await openSidebar(page);
    if ((await personRow(frame, name).count()) === 0) {
      await addPersonByForm(frame, name, 'Backend');
    }
    await frame.getByRole('button', { name: `Start 1:1 with ${name}` }).click();
    await pickFromQuickInput(page, 'weekly', 'Weekly check-in');
    await waitForEditorText(page, 'Action items');
    await page.setViewportSize({ width: 1440, height: 900 });
    mkdirSync(path.join(ARTIFACTS_DIR, 'screenshots'), { recursive: true });
    const sizes: number[] = [];
    for (const theme of THEMES.slice(0, 2)) {
      await runCommand(page, 'Preferences: Color Theme');
      await pickFromQuickInput(page, theme.filter, theme.label);
      frame = await openSidebar(page);
      await frame.locator(`body.${theme.bodyClass}`).waitFor({ timeout: 30_000 });
      await personRow(frame, name).waitFor();
      await scrollSidebarToTop(frame);
      assert.ok(await isTopInView(frame.locator('li.person').first()), 'the picture starts at the top person, not cut off');
      // At the sidebar's default width the row's icons sit beside the name, not beside the due line.
      const row = personRow(frame, name);
      const nameHeight = await row.locator('.person-name').evaluate((element) => element.getBoundingClientRect().height);
      const dueHeight = await row.locator('.person-meta').first().evaluate((element) => element.getBoundingClientRect().height);
      assert.ok(dueHeight < nameHeight * 1.6, `"Weekly · next 1:1 in 7 days" on one line: ${dueHeight} px high, a line of the name ${nameHeight} px`);
      // What a user deciding to install wants to see: the team and the note, side by side.
      assert.ok(await page.locator('.editor-group-container.active .monaco-editor').isVisible(), 'the note is open in the editor');
      // No hover tooltip in the picture: the pointer rests on the status bar's empty middle.
      await page.mouse.move(720, 890);
      await page.waitForTimeout(700);
      const file = path.join(ARTIFACTS_DIR, 'screenshots', `workbench-${theme.file}.png`);
      await page.screenshot({ path: file });
      sizes.push(statSync(file).size);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.ok(sizes.every((size) => size > 20_000), `pictures with content: ${sizes.join(', ')} bytes`);
  });
});
