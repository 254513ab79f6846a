/**
 * Looking back at what the lead still holds: the weekly Peter-Principle self-check, and the
 * opt-in "still the bottleneck" hints from local git history.
 */
import * as vscode from 'vscode';
import { selfCheck, weekOf, type SelfCheck } from '../../shared/delegation/items';
import { localToday } from '../../shared/team';
import { COMMANDS, SETTINGS, SIDEBAR_VIEW_ID } from '../constants';
import type { DelegationStore } from '../storage/delegationStore';
import { bottleneckHints } from './gitHistory';
import { Consents, userSetting } from '../consent';

const SELF_CHECK_DONE_KEY = 'twoHats.selfCheckDoneForWeek.v1';

/** Whether the self-check is on, and whether this week's has been done. */
export class SelfCheckState {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {}

  /** This week's self-check, when it is switched on, has something to say and is not done yet. */
  due(items: Parameters<typeof selfCheck>[0], today = localToday()): (SelfCheck & { week: string }) | undefined {
    const enabled = vscode.workspace.getConfiguration(SETTINGS.section).get<boolean>(SETTINGS.weeklySelfCheck, true);
    const week = weekOf(today);
    if (!enabled || items.length === 0 || this.memento.get<string>(SELF_CHECK_DONE_KEY) === week) {
      return undefined;
    }
    return { ...selfCheck(items, today), week };
  }

  async markDone(week: string): Promise<void> {
    await this.memento.update(SELF_CHECK_DONE_KEY, week);
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export function selfCheckSentence(check: SelfCheck): string {
  const oldest = check.oldestHeld[0];
  return [
    `You hold ${check.holding}, are handing over ${check.handingOver}, and have delegated ${check.delegated}.`,
    oldest ? `Held longest: “${oldest.title}”, ${oldest.days === 1 ? '1 day' : `${oldest.days} days`}.` : '',
    check.recentRelapses > 0 ? `${check.recentRelapses} taken back in the last 30 days.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function registerReflectionCommands(delegation: DelegationStore, selfChecks: SelfCheckState, presenting: { readonly on: boolean }, consents: Consents): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.weeklySelfCheck, async () => {
      const check = selfCheck(delegation.all, localToday());
      const open = 'Open Delegation List';
      if (presenting.on) {
        // The sentence names held work: not for a shared screen. Not marked done either.
        void vscode.window.showInformationMessage('The weekly self-check is hidden while you are presenting. Stop presenting to see it.');
        return check;
      }
      const choice = await vscode.window.showInformationMessage(
        delegation.all.length === 0 ? 'Your delegation list is empty. What technical work do you still do yourself?' : selfCheckSentence(check),
        open,
      );
      if (choice === open) {
        await vscode.commands.executeCommand(`${SIDEBAR_VIEW_ID}.focus`);
      }
      await selfChecks.markDone(weekOf(localToday()));
      return check;
    }),
    vscode.commands.registerCommand(COMMANDS.findBottlenecks, (arg?: unknown) => findBottlenecks(delegation, consents, arg)),
  ];
}

const GIT_HISTORY_CONSENT = 'gitHistory';

/**
 * Opt-in: reads local git history only after the user said yes, in their own settings or once
 * for this workspace, and keeps the answer local. A repository's workspace settings do not count:
 * running git in a folder someone else prepared is the user's call. With `{ ask: false }` it
 * never asks, and answers `'not-allowed'` instead.
 */
async function findBottlenecks(delegation: DelegationStore, consents: Consents, arg: unknown): Promise<number | 'not-allowed' | undefined> {
  const ask = !(typeof arg === 'object' && arg !== null && (arg as { ask?: unknown }).ask === false);
  const allowed = userSetting(SETTINGS.gitHints) || consents.granted(GIT_HISTORY_CONSENT);
  if (!allowed) {
    const yes =
      ask &&
      (await consents.ask(
        GIT_HISTORY_CONSENT,
        'Two Hats can read the last 30 days of this repository’s git history, on this machine, to find folders where your own commits dominate. ' +
          'It looks at your commits only and sends nothing anywhere.',
        'Allow for This Workspace',
      ));
    if (!yes) {
      return 'not-allowed';
    }
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('Open a local folder with a git repository first.');
    return undefined;
  }
  const result = await bottleneckHints(folder.uri.fsPath);
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.reason);
    return undefined;
  }
  if (result.hints.length === 0) {
    void vscode.window.showInformationMessage('No folder in the last 30 days is mostly your own commits. Nice.');
    return 0;
  }
  const picked = await vscode.window.showQuickPick(
    result.hints.map((hint) => ({
      label: hint.folder,
      description: `${Math.round(hint.share * 100)}% of commits are yours (${hint.mine} of ${hint.total})`,
      picked: false,
      hint,
    })),
    { title: 'Two Hats: Where are you still the bottleneck?', placeHolder: 'Pick folders to add to what you are still holding', canPickMany: true },
  );
  for (const choice of picked ?? []) {
    await delegation.add(`Changes in ${choice.hint.folder}`);
  }
  return picked?.length ?? 0;
}
