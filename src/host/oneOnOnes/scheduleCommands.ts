/**
 * The 1:1 schedule outside VS Code: an .ics file for the user's calendar, and once a day a
 * reminder when a 1:1 is due today or overdue.
 */
import { homedir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import { scheduleCalendar } from '../../shared/oneOnOnes/calendar';
import { dueStatus, localToday, type Person } from '../../shared/team';
import { COMMANDS, SETTINGS } from '../constants';
import { writeFileAtomic } from '../storage/atomicFile';
import type { TeamStore } from '../storage/teamStore';

const LAST_REMINDER_KEY = 'twoHats.lastDueReminder.v1';
/** The reminder waits until the editor has settled after the first use of Two Hats. */
const REMINDER_DELAY_MS = 5_000;

export interface ScheduleExport {
  readonly file: vscode.Uri;
  readonly events: number;
}

export function scheduleCommands(team: TeamStore): SomeCommandHandlers<'exportSchedule'> {
  return { exportSchedule: (args) => exportSchedule(team, args) };
}

async function exportSchedule(team: TeamStore, args: CommandArgs<'exportSchedule'>): Promise<ScheduleExport | undefined> {
  const given = args.file;
  const calendar = scheduleCalendar(team.all, localToday());
  if (!calendar.ok) {
    void vscode.window.showInformationMessage(calendar.error);
    return undefined;
  }
  const file =
    given !== undefined
      ? vscode.Uri.file(given)
      : await vscode.window.showSaveDialog({
          title: 'Two Hats: Export 1:1 schedule',
          saveLabel: 'Export',
          filters: { 'iCalendar': ['ics'] },
          defaultUri: vscode.Uri.file(path.join(homedir(), 'two-hats-1-1s.ics')),
        });
  if (!file) {
    return undefined;
  }
  await writeFileAtomic(file, new TextEncoder().encode(calendar.text));
  if (given === undefined) {
    void vscode.window.showInformationMessage(
      `Exported ${calendar.events} recurring 1:1s to ${file.fsPath}. They hold names only, no notes; exporting again updates the same events.`,
    );
  }
  return { file, events: calendar.events };
}

/** Who is due today or overdue, most overdue first. */
export function dueToday(people: readonly Person[], today: string): Person[] {
  return people
    .filter((p) => !p.archived && dueStatus(p, today).daysLeft <= 0)
    .sort((a, b) => dueStatus(a, today).daysLeft - dueStatus(b, today).daysLeft);
}

/**
 * Shows the day's reminder at most once a day per workspace, a few seconds after `loaded`, so it
 * never adds to activation. Returns a disposable that cancels it if it has not run yet.
 */
export function scheduleDueReminder(team: TeamStore, memento: vscode.Memento, loaded: Promise<void>): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  void loaded.then(() => {
    if (!cancelled) {
      timer = setTimeout(() => void remindIfDue(team, memento), REMINDER_DELAY_MS);
    }
  });
  return new vscode.Disposable(() => {
    cancelled = true;
    if (timer) {
      clearTimeout(timer);
    }
  });
}

/** The reminder itself; exported for tests, which cannot wait a day. */
export async function remindIfDue(team: TeamStore, memento: vscode.Memento, today = localToday()): Promise<readonly Person[]> {
  const enabled = vscode.workspace.getConfiguration(SETTINGS.section).get<boolean>(SETTINGS.dueTodayReminders, true);
  if (!enabled || team.state.kind !== 'ready' || memento.get<string>(LAST_REMINDER_KEY) === today) {
    return [];
  }
  const due = dueToday(team.all, today);
  if (due.length === 0) {
    return [];
  }
  await memento.update(LAST_REMINDER_KEY, today);
  const [first] = due;
  const others = due.length > 1 ? ` and ${due.length - 1} more` : '';
  const start = 'Start 1:1';
  const prepare = 'Prepare';
  void vscode.window.showInformationMessage(`${first!.name}: ${dueStatus(first!, today).label}${others ? ` (${others.trim()} due)` : ''}.`, prepare, start).then((choice) => {
    if (choice === start) {
      return vscode.commands.executeCommand(COMMANDS.startOneOnOne, { personId: first!.id });
    }
    return choice === prepare ? vscode.commands.executeCommand(COMMANDS.prepareOneOnOne, { personId: first!.id }) : undefined;
  });
  return due;
}
