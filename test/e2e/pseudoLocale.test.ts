/**
 * The whole interface in the pseudo-locale (qps-ploc), where the build wraps every message in
 * `[!! … !!]`: any English a user could see in the sidebar, its form or a Two Hats prompt is a
 * string that never went through the translation bundles.
 *
 * It starts its own code-server in that locale (the shared session runs in English) and, like any
 * user of the language, has only what the extension ships: VS Code's own strings stay English, so
 * only Two Hats' parts of the workbench are read.
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { PRODUCT_EXTENSION, startCodeServer, type CodeServer } from '../harness/codeServer';
import { ARTIFACTS_DIR, REPO_ROOT } from '../harness/paths';
import { clickActivityBarEntry, activityBarEntry, launchBrowser, openWorkbench, pickFromQuickInput, runCommand, waitForSidebar } from '../harness/workbench';
import { personRow } from './steps';

const PSEUDO_LOCALE = 'qps-ploc';
/** `publisher.name`: VS Code prefixes the extension's status bar entry ids with it. */
const PRODUCT_ID = 'two-hats.two-hats';
const PERSON = { name: 'Ada Lovelace', role: 'Staff engineer' };
const WORK = 'Quarterly capacity plan';
/** The template a 1:1 starts from: the templates may stay English for now (README). */
const TEMPLATE = 'Weekly check-in';

/** What a user typed, and names no translation changes: shown as they are in every language. */
const NOT_INTERFACE_TEXT = [PERSON.name, PERSON.role, WORK, TEMPLATE, 'Two Hats', '1:1'];

/** VS Code's own words around a prompt (an input box's hint): its language pack translates them. */
const WORKBENCH_TEXT = ["(Press 'Enter' to confirm or 'Escape' to cancel)", "Press 'Enter' to confirm your input or 'Escape' to cancel"];

/**
 * Interface text that still reaches the user in English, each a whole text once the translated
 * parts are taken out: host strings whose files are being moved to `vscode.l10n.t` separately
 * (the team, delegation and 1:1 commands). Each entry is a message to localize, not a licence:
 * delete it once its file is done. Now: none.
 */
const KNOWN_UNLOCALIZED: readonly string[] = [];

/** The manifest's pseudo-localized strings, as the build wrote them (`%key%` → text). */
function pseudoManifest(): Record<string, string> {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, `package.nls.${PSEUDO_LOCALE}.json`), 'utf8')) as Record<string, string>;
}

/** A host message as the pseudo-locale bundle shows it. */
function pseudoMessage(english: string): string {
  const bundle = JSON.parse(readFileSync(path.join(REPO_ROOT, 'l10n', `bundle.l10n.${PSEUDO_LOCALE}.json`), 'utf8')) as Record<string, string>;
  const message = bundle[english];
  assert.ok(message, `the pseudo-locale bundle has "${english}"`);
  return message;
}

/**
 * What is left of a text once every pseudo-localized message (`[!! … !!]`, innermost first, since
 * a message may hold another), user data and product names are taken out. A word left over is
 * English nobody translated.
 */
function untranslated(text: string): string {
  let rest = text;
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(/\[!! (?:(?!\[!! |!!\])[\s\S])*? !!\]/g, ' ');
  }
  for (const allowed of [...NOT_INTERFACE_TEXT, ...WORKBENCH_TEXT]) {
    rest = rest.split(allowed).join(' ');
  }
  rest = rest.trim();
  return /\p{L}{2,}/u.test(rest) && !KNOWN_UNLOCALIZED.includes(rest) ? text.trim() : '';
}

/** Every text node and every label, tooltip and placeholder a user or a screen reader meets in the sidebar. */
async function sidebarTexts(frame: FrameLocator): Promise<string[]> {
  return frame.locator('#app').evaluate((app) => {
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
      for (const name of ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value?.trim()) {
          found.push(value);
        }
      }
    }
    return found;
  });
}

/** The title, prompt and placeholder of the open quick input: the parts a Two Hats command writes. */
async function quickInputTexts(page: Page): Promise<string[]> {
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible' });
  // The title and placeholder arrive a moment after the widget shows.
  await page.waitForTimeout(500);
  const title = (await widget.locator('.quick-input-title').textContent()) ?? '';
  const message = (await widget.locator('.quick-input-message').textContent()) ?? '';
  const placeholder = (await widget.locator('.quick-input-box input').getAttribute('placeholder')) ?? '';
  return [title, message, placeholder].filter((text) => text.trim());
}

/** The message and buttons of the newest notification toast: what a Two Hats command said. */
async function notificationTexts(page: Page): Promise<string[]> {
  const toast = page.locator('.notifications-toasts .notification-toast').last();
  await toast.waitFor({ state: 'visible' });
  const message = (await toast.locator('.notification-list-item-message').textContent()) ?? '';
  const buttons = await toast.locator('.notification-list-item-buttons-container .monaco-button').allTextContents();
  return [message, ...buttons].filter((text) => text.trim());
}

/** The text and tooltips of Two Hats' own status bar entries (the hat, presenting mode). */
async function statusBarTexts(page: Page): Promise<string[]> {
  const entries = page.locator(`.statusbar-item[id^="${PRODUCT_ID}." i]`);
  await entries.first().waitFor({ state: 'visible' });
  const texts: string[] = [];
  for (const entry of await entries.all()) {
    texts.push(
      ...(await entry.evaluate((element) => [
        element.textContent ?? '',
        ...[element, ...element.querySelectorAll('[aria-label]')].map((labelled) => labelled.getAttribute('aria-label') ?? ''),
      ])),
    );
  }
  return texts.filter((text) => text.trim());
}

/** Notes, under `where`, each text of `texts` that holds English. */
function collectEnglish(found: string[], where: string, texts: readonly string[]): void {
  for (const text of texts.map(untranslated).filter(Boolean)) {
    found.push(`${where}: ${text}`);
  }
}

describe('the interface in the pseudo-locale', function () {
  this.timeout(300_000);
  let server: CodeServer;
  let browser: Browser;
  let page: Page | undefined;
  const consoleErrors: string[] = [];

  before(async () => {
    server = await startCodeServer({ extensions: [PRODUCT_EXTENSION], locale: PSEUDO_LOCALE });
    browser = await launchBrowser();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const dir = path.join(ARTIFACTS_DIR, 'failures');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, 'pseudo-locale.png') }).catch(() => undefined);
      // Its own server, not the session's: keep what it said and logged, for the next reader.
      writeFileSync(path.join(dir, 'pseudo-locale-server.txt'), `${server.output()}\n--- browser console errors\n${consoleErrors.join('\n')}`);
      const logs = path.join(server.userDataDir, 'logs');
      if (existsSync(logs)) {
        cpSync(logs, path.join(dir, 'pseudo-locale-logs'), { recursive: true });
      }
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows no raw English in the sidebar, the add-person form, its error, or Two Hats prompts', async () => {
    page = await openWorkbench(browser, server.url);
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        consoleErrors.push(message.text());
      }
    });
    consoleErrors.push(`display language: ${await page.evaluate(() => String((globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE))}`);
    await activityBarEntry(page).waitFor({ state: 'visible', timeout: 60_000 });
    await clickActivityBarEntry(page);
    const frame = await waitForSidebar(page);
    const empty = await sidebarTexts(frame);
    assert.ok(
      empty.some((text) => text.includes('[!! ')),
      `VS Code did not resolve the pseudo-locale: the sidebar shows ${JSON.stringify(empty.slice(0, 8))}`,
    );
    const english: string[] = [];
    collectEnglish(english, 'empty sidebar', empty);

    await frame.locator('[data-focus-key="add-person"]').click();
    await frame.locator('.person-form button[type="submit"]').click();
    await frame.locator('.person-form .form-error').waitFor();
    collectEnglish(english, 'add-person form with its error', await sidebarTexts(frame));

    await frame.locator('#add-name').fill(PERSON.name);
    await frame.locator('#add-role').fill(PERSON.role);
    await frame.locator('.person-form button[type="submit"]').click();
    await personRow(frame, PERSON.name).waitFor();
    collectEnglish(english, 'sidebar with a person', await sidebarTexts(frame));

    const manifest = pseudoManifest();
    for (const key of ['twoHats.browsePrinciples.title', 'twoHats.addPerson.title']) {
      await runCommand(page, `Two Hats: ${manifest[key]}`);
      const texts = await quickInputTexts(page);
      assert.ok(texts.length > 0, `${key} opened a prompt with no title, message or placeholder`);
      collectEnglish(english, `prompt of ${key}`, texts);
      await page.locator('.quick-input-widget input').press('Escape');
    }
    assert.deepEqual(english, [], `raw English in the pseudo-locale:\n${english.join('\n')}`);
  });

  it('shows no raw English in a 1:1 history, a delegation item, presenting mode or a notification', async () => {
    assert.ok(page, 'the first test opened the workbench and added the person');
    const english: string[] = [];
    const manifest = pseudoManifest();
    let frame = await waitForSidebar(page);
    const row = personRow(frame, PERSON.name);

    // A 1:1 held, then its history open under the person.
    await row.locator('[data-focus-key^="start-"]').click();
    collectEnglish(english, 'template prompt of a 1:1', await quickInputTexts(page));
    await pickFromQuickInput(page, 'weekly', TEMPLATE);
    await page.locator('.editor-group-container.active .monaco-editor').waitFor();
    frame = await waitForSidebar(page);
    const history = personRow(frame, PERSON.name).locator('[data-focus-key^="history-"]');
    await history.waitFor();
    if ((await history.getAttribute('aria-expanded')) !== 'true') {
      await history.click();
    }
    await personRow(frame, PERSON.name).locator('[data-focus-key^="open-note-"]').first().waitFor();
    collectEnglish(english, '1:1 history open', await sidebarTexts(frame));

    // Held work added through its prompts, then the item open with its hand-off checklist.
    await runCommand(page, `Two Hats: ${manifest['twoHats.addDelegationItem.title']}`);
    collectEnglish(english, 'prompt of twoHats.addDelegationItem', await quickInputTexts(page));
    const somethingElse = pseudoMessage('Something else…');
    await pickFromQuickInput(page, somethingElse, somethingElse);
    await page.locator('.quick-input-widget .quick-input-message').filter({ hasText: /\S/ }).waitFor();
    collectEnglish(english, 'title prompt of twoHats.addDelegationItem', await quickInputTexts(page));
    await page.locator('.quick-input-widget input').fill(WORK);
    await page.locator('.quick-input-widget input').press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    frame = await waitForSidebar(page);
    const item = frame.locator('li.delegation-item', { has: frame.locator('.item-title', { hasText: WORK }) });
    const title = item.locator('.item-title');
    await title.waitFor();
    if ((await title.getAttribute('aria-expanded')) !== 'true') {
      await title.click();
    }
    await item.locator('input[type="checkbox"]').first().waitFor();
    collectEnglish(english, 'delegation item open', await sidebarTexts(frame));

    // Presenting mode: the sidebar's banner and the status bar entry that says so.
    await runCommand(page, `Two Hats: ${manifest['twoHats.startPresenting.title']}`);
    frame = await waitForSidebar(page);
    await frame.locator('.presenting-banner').waitFor();
    collectEnglish(english, 'presenting mode', await sidebarTexts(frame));
    collectEnglish(english, 'status bar while presenting', await statusBarTexts(page));
    await frame.locator('[data-focus-key="stop-presenting"]').click();
    await frame.locator('.presenting-banner').waitFor({ state: 'detached' });

    // A notification after an action: archiving from the palette offers to undo it.
    await runCommand(page, `Two Hats: ${manifest['twoHats.archivePerson.title']}`);
    collectEnglish(english, 'prompt of twoHats.archivePerson', await quickInputTexts(page));
    await pickFromQuickInput(page, PERSON.name, PERSON.name);
    collectEnglish(english, 'notification after archiving', await notificationTexts(page));

    assert.deepEqual(english, [], `raw English in the pseudo-locale:\n${english.join('\n')}`);
  });
});
