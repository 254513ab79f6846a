import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BRIEF_SCHEME, COMMANDS, SETTINGS } from '../../src/host/constants';
import { prepareButton, remindIfDue, scheduleDueReminder, startButton, type ReminderSurroundings } from '../../src/host/oneOnOnes/dueReminder';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { TeamStore } from '../../src/host/storage/teamStore';
import { TEAM_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats, eventually } from './helpers';

/** Workspace state as VS Code keeps it, in memory: the reminder's "last shown" store. */
class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

const TODAY = '2026-06-10';

interface Shown {
  readonly message: string;
  readonly buttons: readonly string[];
}

/** The reminder's surroundings on a clock the test moves, recording what the user would see. */
function surroundings(answer?: string) {
  const shown: Shown[] = [];
  const clock = { today: TODAY, presenting: false };
  const given: ReminderSurroundings = {
    lastShown: new MemoryMemento(),
    today: () => clock.today,
    presenting: () => clock.presenting,
    notify: (message, ...buttons) => {
      shown.push({ message, buttons });
      return Promise.resolve(answer);
    },
  };
  return { given, shown, clock };
}

async function teamStoreWith(people: { id: string; name: string; cadence: string; lastOneOnOneOn: string }[]): Promise<TeamStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'two-hats-reminder-'));
  const file = { schemaVersion: 1, people: people.map((p) => ({ ...p, role: '', archived: false, addedOn: '2026-01-05' })) };
  writeFileSync(path.join(dir, TEAM_FILE), `${JSON.stringify(file)}\n`);
  const store = new TeamStore();
  await store.open({ kind: 'folder', uri: vscode.Uri.file(dir), scope: 'workspace' });
  assert.equal(store.state.kind, 'ready');
  return store;
}

describe('the daily reminder of 1:1s due', () => {
  const stores: TeamStore[] = [];
  const team = async (...people: Parameters<typeof teamStoreWith>[0]) => {
    const store = await teamStoreWith(people);
    stores.push(store);
    return store;
  };

  before(() => activateTwoHats());
  after(() => stores.forEach((store) => store.dispose()));

  it('shows once a day when a 1:1 is due today or overdue, most overdue first, with Prepare and Start', async () => {
    const store = await team(
      { id: 'due', name: 'Dana Due', cadence: 'weekly', lastOneOnOneOn: '2026-06-03' },
      { id: 'late', name: 'Lee Late', cadence: 'weekly', lastOneOnOneOn: '2026-05-30' },
      { id: 'fine', name: 'Fran Fine', cadence: 'weekly', lastOneOnOneOn: '2026-06-08' },
    );
    const { given, shown, clock } = surroundings();

    const reminded = await remindIfDue(store, given);
    assert.deepEqual(reminded.map((p) => p.name), ['Lee Late', 'Dana Due']);
    assert.deepEqual(shown, [{ message: 'Lee Late: 1:1 overdue by 4 days (and 1 more due).', buttons: [prepareButton(), startButton()] }]);

    await remindIfDue(store, given);
    clock.today = TODAY;
    await remindIfDue(store, given);
    assert.equal(shown.length, 1, 'not twice the same day, however often it is asked');

    clock.today = '2026-06-11';
    await remindIfDue(store, given);
    assert.equal(shown.length, 2, 'again the next day');
    assert.match(shown[1]!.message, /^Lee Late: 1:1 overdue by 5 days/);
  });

  it('reminds of a 1:1 due today alone', async () => {
    const store = await team({ id: 'due', name: 'Dana Due', cadence: 'weekly', lastOneOnOneOn: '2026-06-03' });
    const { given, shown } = surroundings();
    await remindIfDue(store, given);
    assert.deepEqual(shown, [{ message: 'Dana Due: next 1:1 due today.', buttons: [prepareButton(), startButton()] }]);
  });

  it('shows nothing when no 1:1 is due', async () => {
    const store = await team({ id: 'fine', name: 'Fran Fine', cadence: 'weekly', lastOneOnOneOn: '2026-06-08' });
    const { given, shown } = surroundings();
    assert.deepEqual(await remindIfDue(store, given), []);
    assert.deepEqual(shown, []);
  });

  it('shows nothing when the setting is off, and again once it is back on', async () => {
    const store = await team({ id: 'late', name: 'Lee Late', cadence: 'weekly', lastOneOnOneOn: '2026-05-30' });
    const { given, shown } = surroundings();
    const settings = vscode.workspace.getConfiguration(SETTINGS.section);
    await settings.update(SETTINGS.dueTodayReminders, false, vscode.ConfigurationTarget.Global);
    try {
      assert.deepEqual(await remindIfDue(store, given), []);
      assert.deepEqual(shown, []);
    } finally {
      await settings.update(SETTINGS.dueTodayReminders, undefined, vscode.ConfigurationTarget.Global);
    }
    await remindIfDue(store, given);
    assert.equal(shown.length, 1, 'a day skipped while off is not counted as shown');
  });

  it('waits while presenting, without using up the day, and shows once presenting stops', async () => {
    const store = await team({ id: 'late', name: 'Lee Late', cadence: 'weekly', lastOneOnOneOn: '2026-05-30' });
    const { given, shown, clock } = surroundings();
    clock.presenting = true;
    assert.deepEqual(await remindIfDue(store, given), []);
    assert.equal(shown.length, 0, 'no names on a shared screen');
    clock.presenting = false;
    await remindIfDue(store, given);
    assert.deepEqual(shown.map((s) => s.message), ['Lee Late: 1:1 overdue by 4 days.'], 'the same day, after presenting');
  });

  it('looks again as soon as presenting stops, not only at the next hourly look', async function () {
    this.timeout(20_000);
    const store = await team({ id: 'late', name: 'Lee Late', cadence: 'weekly', lastOneOnOneOn: '2026-05-30' });
    const { given, shown, clock } = surroundings();
    const presentingChanged = new vscode.EventEmitter<boolean>();
    clock.presenting = true;
    const scheduled = scheduleDueReminder(store, { ...given, onDidChangePresenting: presentingChanged.event }, Promise.resolve());
    try {
      // The first look comes 5 s after loading; it finds presenting on.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      assert.equal(shown.length, 0);
      clock.presenting = false;
      presentingChanged.fire(false);
      await eventually(() => shown.length === 1 || undefined, 'the reminder after presenting stops', 5_000);
    } finally {
      scheduled.dispose();
      presentingChanged.dispose();
    }
  });

  it('starts the 1:1 with the person when the user clicks Start', async function () {
    this.timeout(30_000);
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Stan Start ${Date.now()}` });
    assert.ok(added?.ok);
    const store = await team({ id: added.person.id, name: added.person.name, cadence: 'weekly', lastOneOnOneOn: '2026-05-30' });
    const { given } = surroundings(startButton());
    let answered = false;
    const reminding = remindIfDue(store, given).then(() => (answered = true));
    // Start asks which template: take the one it offers first.
    await eventually(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 200));
      return answered;
    }, 'the 1:1 to start');
    await reminding;
    const note = vscode.window.activeTextEditor?.document;
    assert.ok(note && note.uri.scheme !== BRIEF_SCHEME, 'a note is open');
    assert.ok(note.getText().includes(added.person.name), note.getText().slice(0, 200));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the brief for the person when the user clicks Prepare', async () => {
    // The person must be on the team Two Hats itself shows: Prepare runs its real command.
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Priya Prepare ${Date.now()}` });
    assert.ok(added?.ok);
    const store = await team({ id: added.person.id, name: added.person.name, cadence: 'weekly', lastOneOnOneOn: '2026-05-30' });
    const { given } = surroundings(prepareButton());
    await remindIfDue(store, given);
    const brief = await eventually(
      () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === BRIEF_SCHEME && new URLSearchParams(d.uri.query).get('personId') === added.person.id),
      'the brief to open',
    );
    assert.match(brief.getText(), new RegExp(`^# Prepare: 1:1 with ${added.person.name}`));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
