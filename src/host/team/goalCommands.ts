/** Growth goals per person: a few at a time, scored in 1:1s, their trend shown in the sidebar. */
import * as vscode from 'vscode';
import { goalProblem } from '../../shared/team';
import { COMMANDS } from '../constants';
import type { MutationResult, TeamStore } from '../storage/teamStore';
import { pickActivePerson } from './pickPerson';

type Args = { personId?: unknown; text?: unknown; goalId?: unknown };

function asArgs(arg: unknown): Args {
  return typeof arg === 'object' && arg !== null ? (arg as Args) : typeof arg === 'string' ? { personId: arg } : {};
}

export function registerGoalCommands(team: TeamStore): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.addGoal, (arg?: unknown) => addGoal(team, asArgs(arg))),
    vscode.commands.registerCommand(COMMANDS.markGoalReached, (arg?: unknown) => markReached(team, asArgs(arg))),
  ];
}

async function addGoal(team: TeamStore, args: Args): Promise<MutationResult | undefined> {
  const person = typeof args.personId === 'string' ? team.find(args.personId) : await pickActivePerson(team, 'Two Hats: Add a Growth Goal', 'For whom?');
  if (!person) {
    return undefined;
  }
  const text =
    typeof args.text === 'string'
      ? args.text
      : await vscode.window.showInputBox({
          title: `Two Hats: A growth goal for ${person.name}`,
          prompt: 'In their words if you can. Each 1:1 scores its progress from 1 to 10.',
          placeHolder: 'e.g. Lead a design review on my own',
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

async function markReached(team: TeamStore, args: Args): Promise<MutationResult | undefined> {
  const person = typeof args.personId === 'string' ? team.find(args.personId) : await pickActivePerson(team, 'Two Hats: Mark a Goal Reached', 'Whose goal?');
  if (!person) {
    return undefined;
  }
  const open = (person.goals ?? []).filter((goal) => !goal.reachedOn);
  const goal =
    typeof args.goalId === 'string'
      ? open.find((g) => g.id === args.goalId)
      : (await vscode.window.showQuickPick(open.map((g) => ({ label: g.text, goal: g })), { title: `Two Hats: ${person.name}’s goals`, placeHolder: 'Which goal was reached?' }))?.goal;
  if (!goal) {
    return undefined;
  }
  const result = await team.markGoalReached(person.id, goal.id);
  if (result.ok) {
    void vscode.window.showInformationMessage(`Marked “${goal.text}” reached. Tell ${person.name} what you saw.`);
  } else {
    void vscode.window.showErrorMessage(result.error);
  }
  return result;
}
