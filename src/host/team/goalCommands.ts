/** Growth goals per person: a few at a time, scored in 1:1s, their trend shown in the sidebar. */
import * as vscode from 'vscode';
import { goalProblem } from '../../shared/team';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import type { MutationResult, TeamStore } from '../storage/teamStore';
import { pickActivePerson } from './pickPerson';

export function goalCommands(team: TeamStore): SomeCommandHandlers<'addGoal' | 'markGoalReached'> {
  return {
    addGoal: (args) => addGoal(team, args),
    markGoalReached: (args) => markGoalReached(team, args),
  };
}

/** Adds a growth goal, asking for whoever and whatever `args` leaves out. */
export async function addGoal(team: TeamStore, args: CommandArgs<'addGoal'>): Promise<MutationResult | undefined> {
  const person = args.personId !== undefined ? team.find(args.personId) : await pickActivePerson(team, vscode.l10n.t('Two Hats: Add a Growth Goal'), vscode.l10n.t('For whom?'));
  if (!person) {
    // A stale sidebar click names someone who has left; a cancelled pick needs no message.
    if (args.personId !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That person is no longer on your team.'));
    }
    return undefined;
  }
  const text =
    args.text !== undefined
      ? args.text
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Two Hats: A growth goal for {0}', person.name),
          prompt: vscode.l10n.t('In their words if you can. Each 1:1 scores its progress from 1 to 10.'),
          placeHolder: vscode.l10n.t('e.g. Lead a design review on my own'),
          ignoreFocusOut: true,
          validateInput: (value) => goalProblem(value, person.goals ?? []),
        });
  if (text === undefined) {
    return undefined;
  }
  const result = await team.addGoal(person.id, text);
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.error);
  }
  return result;
}

/** Marks an open goal reached, asking for whoever and whichever `args` leaves out. */
export async function markGoalReached(team: TeamStore, args: CommandArgs<'markGoalReached'>): Promise<MutationResult | undefined> {
  const person = args.personId !== undefined ? team.find(args.personId) : await pickActivePerson(team, vscode.l10n.t('Two Hats: Mark a Goal Reached'), vscode.l10n.t('Whose goal?'));
  if (!person) {
    // A stale sidebar click names someone who has left; a cancelled pick needs no message.
    if (args.personId !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That person is no longer on your team.'));
    }
    return undefined;
  }
  const open = (person.goals ?? []).filter((goal) => !goal.reachedOn);
  const goal =
    args.goalId !== undefined
      ? open.find((g) => g.id === args.goalId)
      : (await vscode.window.showQuickPick(open.map((g) => ({ label: g.text, goal: g })), {
          title: vscode.l10n.t('Two Hats: {0}’s goals', person.name),
          placeHolder: vscode.l10n.t('Which goal was reached?'),
        }))?.goal;
  if (!goal) {
    if (args.goalId !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That goal is no longer open.'));
    }
    return undefined;
  }
  const result = await team.markGoalReached(person.id, goal.id);
  if (result.ok) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Marked “{0}” reached. Tell {1} what you saw.', goal.text, person.name));
  } else {
    void vscode.window.showErrorMessage(result.error);
  }
  return result;
}
