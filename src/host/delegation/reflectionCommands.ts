/**
 * Looking back at what the lead still holds: the weekly Peter-Principle self-check, and the
 * opt-in "still the bottleneck" hints from local git history.
 */
import * as vscode from 'vscode';
import { selfCheck, weekOf } from '../../shared/delegation/items';
import { selfCheckSentence, type SelfCheckState } from './selfCheckState';
import { localToday } from '../../shared/team';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import { SETTINGS, SIDEBAR_VIEW_ID } from '../constants';
import type { DelegationStore } from '../storage/delegationStore';
import { bottleneckHints } from './gitHistory';
import { Consents, userSetting } from '../consent';

export function reflectionCommands(
  delegation: DelegationStore,
  selfChecks: SelfCheckState,
  presenting: { readonly on: boolean },
  consents: Consents,
): SomeCommandHandlers<'weeklySelfCheck' | 'findBottlenecks'> {
  return {
    weeklySelfCheck: async () => {
      const check = selfCheck(delegation.all, localToday());
      const open = vscode.l10n.t('Open Delegation List');
      if (presenting.on) {
        // The sentence names held work: not for a shared screen. Not marked done either.
        void vscode.window.showInformationMessage(vscode.l10n.t('The weekly self-check is hidden while you are presenting. Stop presenting to see it.'));
        return check;
      }
      const choice = await vscode.window.showInformationMessage(
        delegation.all.length === 0 ? vscode.l10n.t('Your delegation list is empty. What technical work do you still do yourself?') : selfCheckSentence(check),
        open,
      );
      if (choice === open) {
        await vscode.commands.executeCommand(`${SIDEBAR_VIEW_ID}.focus`);
      }
      await selfChecks.markDone(weekOf(localToday()));
      return check;
    },
    findBottlenecks: (args) => findBottlenecks(delegation, consents, args),
  };
}

const GIT_HISTORY_CONSENT = 'gitHistory';

/**
 * Opt-in: reads local git history only after the user said yes, in their own settings or once
 * for this workspace, and keeps the answer local. A repository's workspace settings do not count:
 * running git in a folder someone else prepared is the user's call. With `{ ask: false }` it
 * never asks, and answers `'not-allowed'` instead.
 */
export async function findBottlenecks(delegation: DelegationStore, consents: Consents, args: CommandArgs<'findBottlenecks'>): Promise<number | 'not-allowed' | undefined> {
  const ask = args.ask !== false;
  const allowed = userSetting(SETTINGS.gitHints) || consents.granted(GIT_HISTORY_CONSENT);
  if (!allowed) {
    const yes =
      ask &&
      (await consents.ask(
        GIT_HISTORY_CONSENT,
        vscode.l10n.t(
          'Two Hats can read the last 30 days of this repository’s git history, on this machine, to find folders where your own commits dominate. It looks at your commits only and sends nothing anywhere.',
        ),
        vscode.l10n.t('Allow for This Workspace'),
      ));
    if (!yes) {
      return 'not-allowed';
    }
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a local folder with a git repository first.'));
    return undefined;
  }
  const result = await bottleneckHints(folder.uri.fsPath);
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.reason);
    return undefined;
  }
  if (result.hints.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No folder in the last 30 days is mostly your own commits. Nice.'));
    return 0;
  }
  const picked = await vscode.window.showQuickPick(
    result.hints.map((hint) => ({
      label: hint.folder,
      description: vscode.l10n.t('{0}% of commits are yours ({1} of {2})', Math.round(hint.share * 100), hint.mine, hint.total),
      picked: false,
      hint,
    })),
    { title: vscode.l10n.t('Two Hats: Where are you still the bottleneck?'), placeHolder: vscode.l10n.t('Pick folders to add to what you are still holding'), canPickMany: true },
  );
  for (const choice of picked ?? []) {
    await delegation.add(vscode.l10n.t('Changes in {0}', choice.hint.folder));
  }
  return picked?.length ?? 0;
}
