/**
 * The steps the real-host figures are timed with, shared by host.ts and encryptionHost.ts: a
 * click to the sidebar's first frame, a save until the disk has it, a search to its result. Each
 * is timed from outside (this process's or the browser's wall clock), never by the product.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from '../harness/paths';
import { pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export function activityBarIcon(page: Page, label: string): Locator {
  return page.locator('.activitybar li.action-item').filter({ has: page.locator(`a[aria-label^="${label}"]`) }).first();
}

export function webviewFrame(page: Page): FrameLocator {
  return page.locator('iframe.webview.ready').filter({ visible: true }).first().contentFrame().locator('iframe#active-frame').contentFrame();
}

/**
 * From a click on the activity-bar icon to the first frame showing the view's content, both read
 * from the browser's clock: the view marks `firstFrame` (a frame after it painted), and the time
 * of the click is taken in the workbench just before it. Waiting for an element from Playwright
 * instead polls, at intervals of up to half a second while the webview's frame is being created.
 */
export async function clickToFirstFrame(page: Page, label: string, ready: string): Promise<number> {
  // Start from another view, so the click creates the webview afresh (nothing is retained).
  await activityBarIcon(page, 'Explorer').click();
  await page.waitForTimeout(800);
  // `window.performance`: this module's own `performance` is Node's, and the bundler would say so.
  const clickedAt = await page.evaluate(() => window.performance.timeOrigin + window.performance.now());
  await activityBarIcon(page, label).click();
  const content = webviewFrame(page).locator(ready);
  await content.waitFor({ timeout: 60_000 });
  const shownAt = await content.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const check = () => {
          const mark = window.performance.getEntriesByName('firstFrame')[0];
          if (mark) {
            resolve(window.performance.timeOrigin + mark.startTime);
          } else {
            setTimeout(check, 10);
          }
        };
        check();
      }),
  );
  return shownAt - clickedAt;
}

/**
 * Types `text` at the end of the note open in the active editor, then times Ctrl+S until the
 * note's file on disk has changed: plain or encrypted, the bytes differ once the save is there.
 */
export async function typeAndSave(page: Page, noteFile: string, text: string): Promise<number> {
  await page.keyboard.type(text);
  const before = readFileSync(noteFile);
  return timed(async () => {
    await page.keyboard.press('Control+s');
    const deadline = Date.now() + 30_000;
    while (readFileSync(noteFile).equals(before)) {
      if (Date.now() > deadline) {
        throw new Error('the save did not reach the disk');
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  });
}

/** Starts a weekly 1:1 with `person` from the sidebar (a new note, open in the editor) and returns its file. */
export async function startNote(page: Page, dataDir: string, person: string): Promise<string> {
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'Two Hats: Focus on Team View');
  await webviewFrame(page).getByRole('button', { name: `Start 1:1 with ${person}` }).first().click({ timeout: 60_000 });
  await pickFromQuickInput(page, 'Weekly', 'Weekly check-in');
  await waitForEditorText(page, `1:1 with ${person}`);
  await page.waitForTimeout(1500);
  const notesDir = path.join(dataDir, 'notes');
  // The note just started is the newest note file.
  const newest = readdirSync(notesDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ name, time: statSync(path.join(notesDir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time)[0]!.name;
  return path.join(notesDir, newest);
}

/** Puts the keyboard at the end of the note in the active editor. */
export async function focusNoteEnd(page: Page): Promise<void> {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
}

/**
 * Search 1:1 Notes, from typing the query to the first result row holding `shown`: the palette's
 * own opening is not Two Hats' work.
 */
export async function searchToResult(page: Page, query: string, shown = query.split(' ')[0]!): Promise<number> {
  await runCommand(page, 'Two Hats: Search 1:1 Notes…');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  try {
    return await timed(async () => {
      await input.fill(query);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: shown }).first().waitFor({ timeout: 120_000 });
    });
  } finally {
    await page.keyboard.press('Escape');
  }
}

/** How long after the query was typed the first result showed, and the last. */
export interface SearchTimes {
  readonly first: number;
  readonly last: number;
}

/** The list is taken as complete once it has not changed for this long (a rebuild updates it every 150 ms). */
const SEARCH_SETTLED_MS = 1000;

/**
 * Like `searchToResult`, and also when the last result showed: the list (its size as the list reports
 * it to screen readers, its rows, its first row) watched in the page until it stops changing.
 * Both clocks are the machine's wall clock.
 */
export async function timeSearchToLast(page: Page, query: string): Promise<SearchTimes> {
  await runCommand(page, 'Two Hats: Search 1:1 Notes…');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  try {
    const typedAt = Date.now();
    await input.fill(query);
    const shown = await page.evaluate(
      ({ settledMs }) =>
        new Promise<{ firstAt: number; lastAt: number }>((resolve, reject) => {
          let firstAt = 0;
          let lastAt = 0;
          let seen = '';
          const started = Date.now();
          const look = () => {
            const rows = [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')];
            const now = Date.now();
            if (rows.length > 0) {
              const state = `${rows[0]!.getAttribute('aria-setsize') ?? ''}|${rows.length}|${rows[0]!.textContent ?? ''}`;
              firstAt ||= now;
              if (state !== seen) {
                seen = state;
                lastAt = now;
              }
              if (now - lastAt >= settledMs) {
                resolve({ firstAt, lastAt });
                return;
              }
            }
            if (now - started > 60_000) {
              reject(new Error('no search result within a minute'));
              return;
            }
            setTimeout(look, 5);
          };
          look();
        }),
      { settledMs: SEARCH_SETTLED_MS },
    );
    return { first: shown.firstAt - typedAt, last: shown.lastAt - typedAt };
  } finally {
    await page.keyboard.press('Escape');
  }
}

/** What the person would have seen when it went wrong, and where the keyboard focus was. */
export async function keepFailureScreenshot(page: Page, name = 'bench-failure.png'): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, name) }).catch(() => undefined);
  const focus = await page.evaluate(() => `${document.activeElement?.tagName}.${document.activeElement?.className}`).catch(() => 'unknown');
  console.error(`bench: failed with the focus on ${focus}; screenshot in ${path.join(ARTIFACTS_DIR, name)}`);
}
