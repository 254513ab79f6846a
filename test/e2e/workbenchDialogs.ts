/**
 * Answers what the workbench asks in a browser, the way a person does: code-server has no native
 * file dialogs, so "open folder" and "save as" are VS Code's simple file dialog (a quick input
 * holding a path), and notifications carry the buttons a command offers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { NOTES_FOLDER, TEAM_FILE } from '../../src/shared/storageLayout';
import { pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';
import { personRow, workspaceDataDir } from './steps';

/**
 * Fills the open simple file dialog's path with `fullPath`, and keeps it there: the dialog writes
 * its starting folder into the same field a moment after it opens, and again once it has read
 * that folder, so a path typed too early is replaced and the dialog answers with its default
 * (which once sent an export somewhere the test never looked).
 */
export async function fillDialogPath(page: Page, fullPath: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.waitForFunction(() => ((document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value ?? '').startsWith('/'));
  for (let attempt = 0; attempt < 6; attempt++) {
    await input.fill(fullPath);
    await page.waitForTimeout(700);
    if ((await input.inputValue()) === fullPath) {
      return;
    }
  }
  throw new Error(`the file dialog kept replacing the path typed (${fullPath}) with ${await input.inputValue()}`);
}

/**
 * Types a full path into the open simple file dialog and accepts it. The dialog may first move to
 * the folder typed (one Enter) and then accept it (a second), so Enter is pressed until it closes.
 */
export async function answerFileDialog(page: Page, fullPath: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  await fillDialogPath(page, fullPath);
  for (let attempt = 0; attempt < 4 && (await widget.isVisible()); attempt++) {
    await input.press('Enter');
    // The dialog reads the folder as the path is typed; it is busy until it has.
    await page.waitForTimeout(800);
  }
  await widget.waitFor({ state: 'hidden', timeout: 15_000 });
}

/**
 * Closes the active editor. Tests close what they opened, one by one: "Close All" would ask
 * about an unsaved file another test left open.
 */
export async function closeActiveEditor(page: Page): Promise<void> {
  await runCommand(page, 'View: Close Editor');
}

/** A notification toast holding `text`. */
export function notification(page: Page, text: string | RegExp) {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
}

/** The document inside VS Code's Markdown preview (a webview, two iframes deep). */
export function markdownPreviewFrame(page: Page): FrameLocator {
  return page
    .locator('iframe.webview.ready[src*="markdown-language-features"]')
    .filter({ visible: true })
    .first()
    .contentFrame()
    .locator('iframe#active-frame')
    .contentFrame();
}

/** Starts a weekly 1:1 from the person's row and waits for the note. */
export async function startWeeklyOneOnOne(page: Page, frame: FrameLocator, name: string): Promise<void> {
  await personRow(frame, name).getByRole('button', { name: `Start 1:1 with ${name}` }).click();
  await pickFromQuickInput(page, 'weekly', 'Weekly check-in');
  await waitForEditorText(page, `1:1 with ${name}`);
}

/**
 * Puts the cursor at the end of the first line of the active note holding `text`, as a person
 * does with the editor's find widget. Each step waits for what a person would see before the next
 * key: typing into the find widget before it has the focus, or with a regex or whole-word search
 * left on by an earlier test, is what once put a task somewhere else in the note.
 */
export async function goToLineHolding(page: Page, text: string): Promise<void> {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  const widget = page.locator('.editor-group-container.active .find-widget.visible');
  const input = widget.locator('.find-part textarea, .find-part input.input').first();
  await input.waitFor();
  for (const option of ['Use Regular Expression', 'Match Whole Word', 'Match Case', 'Find in Selection']) {
    const toggle = widget.locator(`[aria-checked="true"][aria-label^="${option}"], [aria-checked="true"][title^="${option}"]`);
    if ((await toggle.count()) > 0) {
      await toggle.first().click();
    }
  }
  await input.fill(text);
  // Typing may already select the first match ("1 of 3"); or the widget only counts the matches
  // ("? of 3") until Enter moves to the first one after the cursor, at the top of the note.
  const count = widget.locator('.matchesCount', { hasText: /^(\?|1) of \d+$/ });
  await count.waitFor();
  if (((await count.textContent()) ?? '').startsWith('?')) {
    await input.press('Enter');
  }
  await widget.locator('.matchesCount', { hasText: /^1 of \d+$/ }).waitFor();
  await input.press('Escape');
  await widget.waitFor({ state: 'hidden' });
  await page.keyboard.press('End');
}

/**
 * Fills the empty task under "Action items" of the open note with `task`, adds `moreLines` below
 * it, and saves. Fails at once, saying so, when the task did not land on the task line.
 */
export async function writeActionItem(page: Page, task: string, moreLines: readonly string[] = []): Promise<void> {
  await waitForEditorText(page, 'Action items');
  await goToLineHolding(page, '- [ ] ');
  await page.keyboard.type(task);
  await waitForEditorText(page, `- [ ] ${task}`, 10_000);
  for (const line of moreLines) {
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
  await page.keyboard.press('Control+s');
  await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor();
}

/** The texts of the person's notes as Two Hats keeps them on disk. */
export function notesOnDisk(userDataDir: string, holding: string): string[] {
  const folder = path.join(workspaceDataDir(userDataDir), NOTES_FOLDER);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(path.join(folder, name), 'utf8'))
    .filter((text) => text.includes(holding));
}

/** People on the team file, as the store keeps them. */
export function teamOnDisk(userDataDir: string): { id: string; name: string; archived: boolean }[] {
  const file = JSON.parse(readFileSync(path.join(workspaceDataDir(userDataDir), TEAM_FILE), 'utf8')) as { people: { id: string; name: string; archived: boolean }[] };
  return file.people;
}
