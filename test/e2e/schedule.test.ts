import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { openSidebar, runCommand } from '../harness/workbench';
import { getSession } from './session';
import { addPersonByForm } from './steps';
import { answerFileDialog, closeActiveEditor, notification, startWeeklyOneOnOne, teamOnDisk, writeActionItem } from './workbenchDialogs';

const NAME = 'Sophie Wilson';
const ROLE = 'Spanning tree team';
const NOTE_TEXT = 'Rehearse the NOTE-SENTINEL talk';

interface ParsedEvent {
  readonly uid: string;
  readonly summary: string;
  readonly rrule: string | undefined;
}

/** The events of an .ics file, as an independent parser reads them. */
function eventsIn(file: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  return calendar.getAllSubcomponents('vevent').map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue('uid')),
    summary: String(vevent.getFirstPropertyValue('summary')),
    rrule: vevent.getFirstPropertyValue('rrule')?.toString(),
  }));
}

async function waitForFile(file: string, timeout = 30_000): Promise<void> {
  for (const start = Date.now(); !existsSync(file); ) {
    if (Date.now() - start > timeout) {
      throw new Error(`the export did not write ${file}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the 1:1 schedule in the calendar', () => {
  let page: Page;
  let folder: string;

  before(async () => {
    const session = await getSession();
    page = session.page;
    folder = mkdtempSync(path.join(os.tmpdir(), 'two-hats-e2e-ics-'));
    const frame = await openSidebar(page);
    await addPersonByForm(frame, NAME, ROLE);
    await startWeeklyOneOnOne(page, frame, NAME);
    await writeActionItem(page, NOTE_TEXT);
    await closeActiveEditor(page);
  });

  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  async function exportTo(file: string): Promise<ParsedEvent[]> {
    await runCommand(page, 'Two Hats: Export 1:1 Schedule (.ics)…');
    await answerFileDialog(page, file);
    // The file first, then the message that names it: a failure then says which one was missing.
    await waitForFile(file);
    const toast = notification(page, `to ${path.basename(file)}.`);
    await toast.waitFor({ timeout: 30_000 });
    // A toast may be on a shared screen: the file's name, never the folders above it.
    assert.ok(!(await toast.innerText()).includes(path.dirname(file)), 'the message names no folder of the user');
    return eventsIn(file);
  }

  it('writes one recurring event per person, with names only, and the same events on a second export', async () => {
    const { server } = await getSession();
    const first = await exportTo(path.join(folder, 'first.ics'));
    const active = teamOnDisk(server.userDataDir).filter((person) => !person.archived);
    assert.deepEqual(first.map((event) => event.summary).sort(), active.map((person) => `1:1 with ${person.name}`).sort(), 'one event per person on the team');
    assert.equal(new Set(first.map((event) => event.uid)).size, first.length, 'each event has its own UID');
    const sophie = first.find((event) => event.summary === `1:1 with ${NAME}`);
    assert.match(sophie?.rrule ?? '', /FREQ=WEEKLY/, 'the event recurs at the person’s cadence');

    const text = readFileSync(path.join(folder, 'first.ics'), 'utf8');
    assert.doesNotMatch(text, /NOTE-SENTINEL|Spanning tree/, 'no note text, no role');

    const second = await exportTo(path.join(folder, 'second.ics'));
    assert.deepEqual(
      second.map((event) => `${event.uid} ${event.summary}`).sort(),
      first.map((event) => `${event.uid} ${event.summary}`).sort(),
      'exporting again gives the same events the same UIDs, so a calendar updates them',
    );
  });
});
