import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openSidebar, runCommand, waitForEditorText } from '../harness/workbench';
import { getSession } from './session';
import { personRow } from './steps';
import { answerFileDialog, closeActiveEditor, notesOnDisk, notification, startWeeklyOneOnOne } from './workbenchDialogs';

/** Layout one: a folder per person, a file per 1:1 named by its date. */
const BARTIK = 'Jean Bartik';
/** Layout two: files anywhere, the date and the person in front matter. */
const LAMARR = 'Evelyn Berezin';
const BARTIK_TASK = 'Draft the ENIAC trajectory program';
const BARTIK_PRIVATE = 'PRIVATE-SENTINEL ask about her leave';
const LAMARR_TASK = 'Send the frequency hopping patent';

function writeFixture(root: string): void {
  mkdirSync(path.join(root, BARTIK));
  writeFileSync(path.join(root, BARTIK, '2026-03-02.md'), '## Notes\n\nTalked about the ENIAC demo.\n\n- [x] Book the demo room\n');
  writeFileSync(
    path.join(root, BARTIK, '2026-03-09.md'),
    `## Notes\n\nThe demo went well.\n\n## Action items\n\n- [ ] ${BARTIK_TASK}\n\n## Private notes\n\n- [ ] ${BARTIK_PRIVATE}\n`,
  );
  mkdirSync(path.join(root, 'meetings'));
  writeFileSync(path.join(root, 'meetings', 'catch-up.md'), `---\ndate: 2026-03-04\nperson: ${LAMARR}\n---\n\n- [ ] ${LAMARR_TASK}\n`);
  writeFileSync(path.join(root, 'meetings', 'ideas.md'), '# Ideas with no date\n');
}

describe('importing 1:1 notes from a Markdown folder', () => {
  let page: Page;
  let source: string;

  before(async () => {
    ({ page } = await getSession());
    source = mkdtempSync(path.join(os.tmpdir(), 'two-hats-e2e-import-'));
    writeFixture(source);
  });

  after(() => {
    rmSync(source, { recursive: true, force: true });
  });

  it('previews who and what comes in, imports on confirmation, and the notes show in history and the next agenda', async () => {
    const { server } = await getSession();
    await openSidebar(page);
    await runCommand(page, 'Two Hats: Import Notes from a Markdown Folder…');
    await answerFileDialog(page, `${source}/`);

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match((await dialog.textContent()) ?? '', /Import 3 notes for 2 people \(2 new\)/);
    assert.match((await dialog.textContent()) ?? '', /1 file could not be read/);
    await dialog.getByRole('button', { name: 'Show Details…' }).click();
    await waitForEditorText(page, 'Import preview');
    await waitForEditorText(page, `**${BARTIK}** (new): 2 notes, 2026-03-02, 2026-03-09`);
    await waitForEditorText(page, `**${LAMARR}** (new): 1 note, 2026-03-04`);
    await waitForEditorText(page, 'meetings/ideas.md');

    // The question comes back after the details; nothing has been written yet.
    await dialog.waitFor();
    assert.deepEqual(notesOnDisk(server.userDataDir, BARTIK_TASK), []);
    await dialog.getByRole('button', { name: 'Import 3 Notes' }).click();
    await notification(page, 'Imported 3 notes and added 2 people').waitFor({ timeout: 30_000 });
    // The private task came in, under the private heading: not dropped, not shared.
    const [imported] = notesOnDisk(server.userDataDir, 'The demo went well');
    assert.ok(imported, 'the imported note is on disk');
    const importedPrivatePart = imported.search(/^#{1,6} .*Private/im);
    assert.ok(importedPrivatePart >= 0 && imported.indexOf(BARTIK_PRIVATE) > importedPrivatePart, 'the private task is in the imported note’s private part');
    assert.ok(imported.indexOf(BARTIK_TASK) >= 0 && imported.indexOf(BARTIK_TASK) < importedPrivatePart, 'the shared task is before it');
    // The preview is an untitled document: put away without a question about saving it.
    await runCommand(page, 'View: Revert and Close Editor');

    // In each person's history.
    const frame = await openSidebar(page);
    const bartik = personRow(frame, BARTIK);
    await bartik.getByRole('button', { name: /1:1 history \(2\)/ }).click();
    const history = frame.getByRole('list', { name: `1:1 history with ${BARTIK}` });
    await history.getByText(/^2026-03-09 · .* open$/).waitFor();
    await history.getByText(/^2026-03-02 · /).waitFor();
    await personRow(frame, LAMARR).getByRole('button', { name: /1:1 history \(1\)/ }).waitFor();

    // The open tasks in the next agenda; the private one only in the next note's private part.
    await startWeeklyOneOnOne(page, frame, BARTIK);
    await waitForEditorText(page, BARTIK_TASK);
    const [next] = notesOnDisk(server.userDataDir, `1:1 with ${BARTIK}`).filter((text) => text.includes(BARTIK_TASK) && !text.includes('The demo went well'));
    assert.ok(next, 'the new note is on disk');
    const privatePart = next.search(/^#{1,6} .*Private/im);
    assert.ok(next.indexOf(BARTIK_TASK) >= 0 && (privatePart < 0 || next.indexOf(BARTIK_TASK) < privatePart), 'the open task is in the shareable agenda');
    assert.ok(next.indexOf(BARTIK_PRIVATE) < 0 || (privatePart >= 0 && next.indexOf(BARTIK_PRIVATE) > privatePart), 'the private task stays private');

    await closeActiveEditor(page);
    await startWeeklyOneOnOne(page, await openSidebar(page), LAMARR);
    await waitForEditorText(page, LAMARR_TASK);
    await closeActiveEditor(page);
  });
});
