import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS_DIR } from '../harness/paths';
import { openSidebar, pickFromQuickInput, runCommand } from '../harness/workbench';
import { getSession } from './session';
import { addPersonByForm, personRow } from './steps';

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
