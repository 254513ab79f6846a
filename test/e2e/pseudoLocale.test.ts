import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { PRODUCT_EXTENSION, startCodeServer, type CodeServer } from '../harness/codeServer';
import { REPO_ROOT } from '../harness/paths';
import { clickActivityBarEntry, activityBarEntry, launchBrowser, openWorkbench, waitForSidebar } from '../harness/workbench';

/** Makes qps-ploc a language VS Code resolves; without a language pack it falls back to English. */
const PSEUDO_LANGUAGE_PACK = { source: path.join(REPO_ROOT, 'test', 'fixtures', 'pseudo-language-pack'), include: ['package.json', 'translations'] };

/**
 * What is left of a text once every pseudo-localized message (`[!! … !!]`, innermost first, since
 * a message may hold another) is taken out. Letters left over are English nobody translated.
 */
function untranslated(text: string): string {
  let rest = text;
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(/\[!! (?:(?!\[!! |!!\])[\s\S])*? !!\]/g, '');
  }
  return /[a-z]{2,}/i.test(rest) ? rest.trim() : '';
}

describe('the sidebar in the pseudo-locale', () => {
  let server: CodeServer;
  let browser: Browser;

  before(async () => {
    server = await startCodeServer({ extensions: [PRODUCT_EXTENSION, PSEUDO_LANGUAGE_PACK], locale: 'qps-ploc' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows no raw English in any text, label, tooltip or placeholder, with a person on the team', async () => {
    const page = await openWorkbench(browser, server.url);
    await activityBarEntry(page).waitFor({ state: 'visible', timeout: 60_000 });
    await clickActivityBarEntry(page);
    const frame = await waitForSidebar(page);
    // The person's name is data, not interface: it is marked too, so only interface text can fail.
    await frame.locator('[data-focus-key="add-person"]').click();
    await frame.locator('#add-name').fill('[!! Ada Lovelace !!]');
    await frame.locator('#add-name').press('Enter');
    await frame.locator('.person-name', { hasText: 'Ada Lovelace' }).waitFor();

    const texts = await frame.locator('#app').evaluate((app) => {
      // The principle catalogue stays English for now (README): its titles and texts are exempt.
      const catalogue = '.card-title, .card-text';
      const found: string[] = [];
      const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent?.trim() && !node.parentElement?.closest(catalogue)) {
          found.push(node.textContent);
        }
      }
      for (const element of app.querySelectorAll('*')) {
        for (const name of ['aria-label', 'title', 'placeholder', 'aria-valuetext']) {
          const value = element.getAttribute(name);
          if (value) {
            found.push(value);
          }
        }
      }
      return found;
    });
    assert.ok(texts.some((text) => text.includes('[!! Team !!]')), `the sidebar is in the pseudo-locale: ${texts.slice(0, 10).join(' | ')}`);
    assert.deepEqual(texts.map(untranslated).filter(Boolean), []);
    await page.context().close();
  });
});
