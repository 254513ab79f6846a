import * as vscode from 'vscode';
import type { Person } from '../../shared/team';
import type { TeamStore } from '../storage/teamStore';

/** A quick pick over the people on the team who are not archived. */
export async function pickActivePerson(team: TeamStore, title: string, placeHolder: string): Promise<Person | undefined> {
  const people = team.all.filter((p) => !p.archived);
  if (people.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Add someone to your team first.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    people.map((p) => ({ label: p.name, description: p.role, person: p })),
    { title, placeHolder, matchOnDescription: true },
  );
  return picked?.person;
}
