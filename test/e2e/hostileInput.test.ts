import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { DELEGATION_FILE, noteBodyName, noteHeaderName, NOTES_FOLDER, TEAM_FILE } from '../../src/shared/storageLayout';
import { openSidebar, pickFromQuickInput, runCommand, waitForEditorText } from '../harness/workbench';
import { HOSTILE_VECTORS } from '../fixtures/hostileInput';
import { getSession } from './session';
import { openDataDir } from './steps';

const TODAY = new Date().toISOString().slice(0, 10);
/**
 * The workbench's own query of code-server's extension gallery (which extensions exist, asked in a
 * fresh session by the Extensions view) is not the sidebar's doing and carries nothing of its
 * data; it is refused like the rest, but not counted. Every other address off the machine is.
 */
const WORKBENCH_GALLERY = /^https:\/\/open-vsx\.org\/vscode\/gallery\/extensionquery$/;
const isOffMachine = (url: string) => !/^(?:https?|wss?):\/\/127\.0\.0\.1[:/]/.test(url) && !/^(?:data|blob|vscode-[a-z]+|about):/.test(url);

interface Stored<T> {
  schemaVersion: number;
  [key: string]: T[] | number;
}

function readJson<T>(file: string, key: string): Stored<T> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stored<T>;
  } catch {
    return { schemaVersion: 1, [key]: [] };
  }
}

/** Everything the page would have done had a payload run, read from the sidebar's own document. */
async function damage(frame: FrameLocator) {
  return frame.locator('body').evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned,
    parentPwned: (() => {
      try {
        return (window.parent as unknown as { __pwned?: number }).__pwned;
      } catch {
        return undefined;
      }
    })(),
    scripts: document.querySelectorAll('#app script').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
    embedded: document.querySelectorAll('#app img, #app svg:not(.codicon), #app iframe, #app object, #app embed, #app style, #app link, #app form, #app base, #app meta').length,
    scriptLinks: [...document.querySelectorAll('#app a[href]')].filter((a) => /^\s*(?:javascript|data|vbscript|command):/i.test(a.getAttribute('href') ?? '')).length,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  }));
}

describe('hostile input in every field, rendered in the real sidebar', () => {
  let page: Page;
  const blocked: string[] = [];
  const hostileIds = HOSTILE_VECTORS.map((_, i) => `hostile-${i}`);

  before(async () => {
    const session = await getSession();
    page = session.page;
    // Intercept in the browser: any request that would leave the machine is counted and refused.
    await page.context().route('**/*', (route) => {
      const url = route.request().url();
      if (isOffMachine(url)) {
        if (!WORKBENCH_GALLERY.test(url)) {
          blocked.push(url);
        }
        return route.abort();
      }
      return route.continue();
    });
    const data = await openDataDir(page, session.server.userDataDir);
    const teamFile = path.join(data, TEAM_FILE);
    const team = readJson<{ id: string }>(teamFile, 'people');
    team['people'] = [
      ...(team['people'] as { id: string }[]),
      ...HOSTILE_VECTORS.map((vector, i) => ({
        id: hostileIds[i]!,
        name: vector,
        role: vector,
        cadence: 'weekly',
        archived: false,
        addedOn: TODAY,
        talkingPoints: [{ id: `tp-${i}`, text: vector, standing: false, addedOn: TODAY }],
        goals: [{ id: `goal-${i}`, text: vector, addedOn: TODAY }],
      })),
    ];
    writeFileSync(teamFile, JSON.stringify(team));
    const delegationFile = path.join(data, DELEGATION_FILE);
    const delegation = readJson<{ id: string }>(delegationFile, 'items');
    delegation['items'] = [
      ...(delegation['items'] as { id: string }[]),
      ...HOSTILE_VECTORS.map((vector, i) => ({
        id: `item-${i}`,
        title: vector,
        createdOn: TODAY,
        status: 'handingOver',
        ownerId: hostileIds[i],
        level: 3,
        levelHistory: [{ on: TODAY, to: 3 }],
        steps: [{ stepId: 'access', on: TODAY, note: vector }],
        relapses: [],
      })),
    ];
    writeFileSync(delegationFile, JSON.stringify(delegation));
    // One note holding every vector, with a header, as if restored by hand.
    const id = randomUUID();
    writeFileSync(path.join(data, NOTES_FOLDER, noteBodyName(id)), `# Hostile\n\n${HOSTILE_VECTORS.join('\n\n')}\n\n- [ ] still a task\n`);
    writeFileSync(
      path.join(data, NOTES_FOLDER, noteHeaderName(id)),
      JSON.stringify({ schemaVersion: 1, id, personId: hostileIds[0], date: TODAY, templateId: 'weekly', title: 'Hostile note', createdAt: Date.now() }),
    );
  });

  after(async () => {
    await page.context().unroute('**/*');
  });

  /** Opens the note preview that holds `lastLine`, and clicks every link in it. */
  async function previewAndFollowLinks(frame: FrameLocator, lastLine: string): Promise<void> {
    const body = frame.locator('.note-preview .preview-body');
    await body.getByText(lastLine).waitFor({ timeout: 30_000 });
    // Shown as plain text until the Markdown renderer has loaded: its links are clicked once rendered.
    await body.locator('.preview-plain').waitFor({ state: 'detached', timeout: 30_000 });
    assert.ok((await body.locator('a').count()) > 0, 'the hostile note’s links are rendered as links');
    for (const link of await body.locator('a').all()) {
      await link.click({ timeout: 2000 }).catch(() => undefined);
    }
    await page.waitForTimeout(1000);
  }

  async function assertNothingRan(frame: FrameLocator): Promise<void> {
    const seen = await damage(frame);
    const { dialogs } = await getSession();
    assert.equal(seen.pwned, undefined, 'no payload ran in the sidebar');
    assert.equal(seen.parentPwned, undefined, 'no payload reached the frame around it');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, 'nor the workbench');
    assert.equal(seen.scripts, 0, 'no script element in the view’s content');
    assert.equal(seen.handlers, 0, 'no inline event handler anywhere');
    assert.equal(seen.embedded, 0, 'no image, frame, object, style or form made it into the view');
    assert.equal(seen.scriptLinks, 0, 'no script, data or command link');
    assert.match(seen.csp, /default-src 'none'/);
    assert.doesNotMatch(seen.csp, /unsafe-inline|unsafe-eval/);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(blocked, [], 'no request left the machine');
    await frame.getByRole('button', { name: 'Close the preview' }).click();
  }

  it(`shows all ${HOSTILE_VECTORS.length} vectors as text in names, roles, talking points, goals, checklists and a note, and runs none`, async () => {
    assert.ok(HOSTILE_VECTORS.length >= 50);
    const frame = await openSidebar(page);
    const rows = frame.locator('li.person[data-person-id^="hostile-"]');
    await rows.nth(HOSTILE_VECTORS.length - 1).waitFor({ timeout: 30_000 });
    assert.equal(await rows.count(), HOSTILE_VECTORS.length);
    // Shown as the very characters stored, not parsed.
    const names = await rows.locator('.person-name').evaluateAll((spans) => spans.map((span) => span.textContent));
    assert.deepEqual(HOSTILE_VECTORS.filter((vector) => !names.includes(vector)), []);

    const items = frame.locator('li.delegation-item[data-item-id^="item-"]');
    await items.nth(HOSTILE_VECTORS.length - 1).waitFor({ timeout: 30_000 });
    for (const n of [0, 1, 5, 20, 41]) {
      await items.nth(n).locator('.item-title').click();
      await items.nth(n).locator('.step-note').first().waitFor();
    }

    const row = frame.locator('li.person[data-person-id="hostile-0"]');
    await row.getByRole('button', { name: /1:1 history/ }).click();
    await row.locator('[data-focus-key^="preview-"]').first().click();
    await previewAndFollowLinks(frame, 'still a task');
    await assertNothingRan(frame);
  });

  it('keeps an own template full of the vectors inert, from its name in the picker to the note’s preview', async () => {
    const { templatesFolder } = await getSession();
    // The file name is the template's title: markup in it must stay characters everywhere.
    const title = '<img src=x onerror="window.__pwned=2">';
    const template = path.join(templatesFolder, `${title}.md`);
    writeFileSync(template, `# 1:1 with {{person}}\n\n${HOSTILE_VECTORS.join('\n\n')}\n\n- [ ] from the hostile template\n`);
    try {
      const frame = await openSidebar(page);
      const row = frame.locator('li.person[data-person-id="hostile-1"]');
      await row.getByRole('button', { name: /^Start 1:1 with / }).click();
      await pickFromQuickInput(page, 'pwned=2', title);
      await waitForEditorText(page, 'evil.example/pixel.png');

      await row.getByRole('button', { name: /1:1 history/ }).click();
      const entry = row.locator('.history-list li').first();
      await entry.locator('button', { hasText: title }).waitFor();
      await entry.locator('[data-focus-key^="preview-"]').click();
      await previewAndFollowLinks(frame, 'from the hostile template');
      await assertNothingRan(frame);
      await runCommand(page, 'View: Close Editor');
    } finally {
      rmSync(template, { force: true });
    }
  });
});
