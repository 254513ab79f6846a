/** Queueing talking points between 1:1s: typed, from a principle, or from a selection of code. */
import * as vscode from 'vscode';
import { summarizeSelection, talkingPointProblem, type CodeReference } from '../../shared/oneOnOnes/talkingPoints';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import { notReadyMessage, type TeamStore } from '../storage/teamStore';
import { queueTalkingPoint, type QueuedTalkingPoint } from '../useCases/queueTalkingPoint';
import { pickActivePerson } from '../team/pickPerson';
import { selectedCode } from '../codeSelection';

export function talkingPointCommands(team: TeamStore): SomeCommandHandlers<'queueTalkingPoint' | 'addSelectionToNextOneOnOne'> {
  return {
    queueTalkingPoint: (args) => askAndQueue(team, args),
    addSelectionToNextOneOnOne: () => addSelection(team),
  };
}

/**
 * Queues a point: asks for whoever, whatever and how often `args` leaves out, then runs the use
 * case. With `text` alone (a principle's question, a selection) the text prompt is prefilled.
 */
async function askAndQueue(team: TeamStore, args: CommandArgs<'queueTalkingPoint'>, source?: CodeReference): Promise<QueuedTalkingPoint | undefined> {
  if (team.state.kind !== 'ready') {
    // The use case says the same; said here before any prompt is shown.
    void vscode.window.showErrorMessage(
      team.state.kind === 'noFolder' ? vscode.l10n.t('Open a folder first: Two Hats keeps talking points in that workspace’s private storage.') : notReadyMessage(team.state),
    );
    return undefined;
  }
  const person = args.personId ? team.find(args.personId) : await pickActivePerson(team, 'Two Hats', vscode.l10n.t('Queue a talking point for whom?'));
  if (!person) {
    // A stale sidebar click names someone who has left; a cancelled pick needs no message.
    if (args.personId !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That person is no longer on your team.'));
    }
    return undefined;
  }
  const text =
    args.text !== undefined && args.standing !== undefined
      ? args.text
      : await vscode.window.showInputBox({
          title: vscode.l10n.t("Talking point for {0}'s next 1:1", person.name),
          value: args.text ?? '',
          prompt: source
            ? vscode.l10n.t('From {0}:{1}-{2}', source.path, source.startLine, source.endLine)
            : vscode.l10n.t('What do you want to talk about?'),
          ignoreFocusOut: true,
          validateInput: talkingPointProblem,
        });
  if (text === undefined) {
    return undefined;
  }
  const standing = args.standing ?? (await pickStanding());
  if (standing === undefined) {
    return undefined;
  }
  const result = await queueTalkingPoint(team, { personId: person.id, text, standing, ...(source ? { source } : {}) });
  if (result.ok) {
    void vscode.window.showInformationMessage(
      standing
        ? vscode.l10n.t('Added a standing point for every 1:1 with {0}.', person.name)
        : vscode.l10n.t('Queued for your next 1:1 with {0}.', person.name),
    );
  } else {
    void vscode.window.showErrorMessage(result.error);
  }
  return result;
}

async function addSelection(team: TeamStore): Promise<QueuedTalkingPoint | undefined> {
  const selected = await selectedCode();
  if (!selected) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Select the code you want to talk about first.'));
    return undefined;
  }
  return askAndQueue(team, { text: summarizeSelection(selected.text) }, selected.source);
}

async function pickStanding(): Promise<boolean | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Next 1:1 only'), standing: false },
      { label: vscode.l10n.t('Every 1:1 (standing point)'), standing: true },
    ],
    { title: vscode.l10n.t('How often?'), placeHolder: vscode.l10n.t('Next 1:1 only, or every time?') },
  );
  return picked?.standing;
}
