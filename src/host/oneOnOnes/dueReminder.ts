/**
 * Once a day, when a 1:1 is due today or overdue, a notification with Start and Prepare buttons.
 * The day, the store of the last day shown and the notification are passed in, so that tests can
 * move the clock instead of waiting a day.
 */
import * as vscode from 'vscode';
import { executeOwnCommand } from '../commands/commandTable';
import { MEMENTO_KEYS } from '../../shared/storageLayout';
import { dueStatus, localToday, type Person } from '../../shared/team';
import { SETTINGS } from '../constants';
import type { TeamStore } from '../storage/teamStore';

const LAST_REMINDER_KEY = MEMENTO_KEYS.lastDueReminder;
/** The reminder waits until the editor has settled after the first use of Two Hats. */
const REMINDER_DELAY_MS = 5_000;
/** The buttons' labels, read when shown: the translation is installed after this module loads. */
export const startButton = () => vscode.l10n.t('Start 1:1');
export const prepareButton = () => vscode.l10n.t('Prepare');

export interface ReminderSurroundings {
  /** Where the day last shown is kept (the workspace's state): once a day per workspace. */
  readonly lastShown: vscode.Memento;
  /** Whether presenting mode is on: the reminder names people, so it waits until presenting stops. */
  readonly presenting: () => boolean;
  /** Fires when presenting starts or stops: the reminder held back while presenting comes then. */
  readonly onDidChangePresenting?: vscode.Event<boolean>;
  /** Today as YYYY-MM-DD, in the user's time zone. */
  readonly today?: () => string;
  /** Shows the notification and resolves with the button chosen. */
  readonly notify?: (message: string, ...buttons: string[]) => Thenable<string | undefined>;
}

/** Who is due today or overdue, most overdue first. */
export function dueToday(people: readonly Person[], today: string): Person[] {
  return people
    .filter((p) => !p.archived && dueStatus(p, today).daysLeft <= 0)
    .sort((a, b) => dueStatus(a, today).daysLeft - dueStatus(b, today).daysLeft);
}

/** How often a window left open looks again: a new day's reminder comes within the hour. */
const RECHECK_MS = 60 * 60 * 1000;

/**
 * Shows the day's reminder at most once a day per workspace, a few seconds after `loaded` (so it
 * never adds to activation), then looks again every hour: a window left open for days still gets
 * each day's reminder. Returns a disposable that stops it.
 */
export function scheduleDueReminder(team: TeamStore, surroundings: ReminderSurroundings, loaded: Promise<void>): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let recheck: ReturnType<typeof setInterval> | undefined;
  let cancelled = false;
  let started = false;
  void loaded.then(() => {
    if (!cancelled) {
      timer = setTimeout(() => {
        started = true;
        void remindIfDue(team, surroundings);
        recheck = setInterval(() => void remindIfDue(team, surroundings), RECHECK_MS);
      }, REMINDER_DELAY_MS);
    }
  });
  const presentingStopped = surroundings.onDidChangePresenting?.((on) => {
    if (!on && started && !cancelled) {
      void remindIfDue(team, surroundings);
    }
  });
  return new vscode.Disposable(() => {
    cancelled = true;
    clearTimeout(timer);
    clearInterval(recheck);
    presentingStopped?.dispose();
  });
}

/**
 * The reminder itself: shows it when due and not yet shown today, and resolves once the user has
 * answered (or dismissed) it. Resolves with whom it reminded of, empty when it showed nothing.
 */
export async function remindIfDue(team: TeamStore, surroundings: ReminderSurroundings): Promise<readonly Person[]> {
  const today = (surroundings.today ?? localToday)();
  const enabled = vscode.workspace.getConfiguration(SETTINGS.section).get<boolean>(SETTINGS.dueTodayReminders, true);
  // While presenting, nothing is recorded: the day's reminder comes at the next look after it stops.
  if (!enabled || surroundings.presenting() || team.state.kind !== 'ready' || surroundings.lastShown.get<string>(LAST_REMINDER_KEY) === today) {
    return [];
  }
  const due = dueToday(team.all, today);
  const [first] = due;
  if (!first) {
    return [];
  }
  await surroundings.lastShown.update(LAST_REMINDER_KEY, today);
  const label = dueStatus(first, today).label;
  const message = due.length > 1 ? vscode.l10n.t('{0}: {1} (and {2} more due).', first.name, label, due.length - 1) : vscode.l10n.t('{0}: {1}.', first.name, label);
  const notify = surroundings.notify ?? ((message: string, ...buttons: string[]) => vscode.window.showInformationMessage(message, ...buttons));
  const choice = await notify(message, prepareButton(), startButton());
  if (choice === startButton()) {
    await executeOwnCommand('startOneOnOne', { personId: first.id });
  } else if (choice === prepareButton()) {
    await executeOwnCommand('prepareOneOnOne', { personId: first.id });
  }
  return due;
}
