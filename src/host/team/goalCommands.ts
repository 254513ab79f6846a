/**
 * The palette side of growth goals: ask for whoever and whatever the argument leaves out, then
 * run the use case and say how it went.
 */
import * as vscode from 'vscode';
import { goalProblem } from '../../shared/team';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import type { MutationResult, TeamStore } from '../storage/teamStore';
import { addGoal, goalReachedMessage, markGoalReached, type ReachedGoal } from '../useCases/goals';
import { pickActivePerson } from './pickPerson';

export function goalCommands(team: TeamStore): SomeCommandHandlers<'addGoal' | 'markGoalReached'> {
  return {
    addGoal: (args) => promptAndAddGoal(team, args),
    markGoalReached: (args) => promptAndMarkGoalReached(team, args),
  };
}

/** Adds a growth goal, asking for whoever and whatever `args` leaves out. */
async function promptAndAddGoal(team: TeamStore, args: CommandArgs<'addGoal'>): Promise<MutationResult | undefined> {
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
  const result = await addGoal(team, { personId: person.id, text });
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.error);
  }
  return result;
}

/** Marks an open goal reached, asking for whoever and whichever `args` leaves out. */
async function promptAndMarkGoalReached(team: TeamStore, args: CommandArgs<'markGoalReached'>): Promise<ReachedGoal | undefined> {
  const person = args.personId !== undefined ? team.find(args.personId) : await pickActivePerson(team, vscode.l10n.t('Two Hats: Mark a Goal Reached'), vscode.l10n.t('Whose goal?'));
  if (!person) {
    // A stale sidebar click names someone who has left; a cancelled pick needs no message.
    if (args.personId !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That person is no longer on your team.'));
    }
    return undefined;
  }
  let goalId = args.goalId;
  if (goalId === undefined) {
    const open = (person.goals ?? []).filter((goal) => !goal.reachedOn);
    const picked = await vscode.window.showQuickPick(open.map((goal) => ({ label: goal.text, goal })), {
      title: vscode.l10n.t('Two Hats: {0}’s goals', person.name),
      placeHolder: vscode.l10n.t('Which goal was reached?'),
    });
    if (!picked) {
      return undefined;
    }
    goalId = picked.goal.id;
  }
  return reportGoalReached(await markGoalReached(team, { personId: person.id, goalId }));
}

/** Says how marking a goal reached went, as the sidebar does. */
function reportGoalReached(result: ReachedGoal): ReachedGoal {
  if (result.ok) {
    void vscode.window.showInformationMessage(goalReachedMessage(result));
  } else {
    void vscode.window.showErrorMessage(result.error);
  }
  return result;
}
