/** Palette commands for the team: ask for what is missing, then run the same use cases the sidebar runs. */
import * as vscode from 'vscode';
import { CADENCE_LABELS, CADENCES, nameProblem, roleProblem, type Cadence, type Person, type PersonDraft } from '../../shared/team';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import { enableGlobalStorageWhenNoFolder } from '../storage/dataLocation';
import { notReadyMessage, type MutationResult, type TeamStore } from '../storage/teamStore';
import { addPerson, setPersonArchived, updatePerson } from '../useCases/people';

type PersonArgs = CommandArgs<'editPerson'>;

export function teamCommands(store: TeamStore): SomeCommandHandlers<'addPerson' | 'editPerson' | 'renamePerson' | 'archivePerson' | 'unarchivePerson'> {
  return {
    addPerson: (draft) => askAndAddPerson(store, draft),
    editPerson: (args) => editPerson(store, args, 'all'),
    renamePerson: (args) => editPerson(store, args, 'name'),
    archivePerson: (args) => setArchived(store, args, true),
    unarchivePerson: (args) => setArchived(store, args, false),
  };
}

async function ensureReady(store: TeamStore): Promise<boolean> {
  if (store.state.kind === 'ready') {
    return true;
  }
  if (store.state.kind === 'noFolder') {
    const openFolder = vscode.l10n.t('Open Folder…');
    const useGlobal = vscode.l10n.t('Use Global Storage');
    const choice = await vscode.window.showErrorMessage(notReadyMessage(store.state), openFolder, useGlobal);
    if (choice === openFolder) {
      await vscode.commands.executeCommand('workbench.action.files.openFolder');
    } else if (choice === useGlobal) {
      await enableGlobalStorageWhenNoFolder();
    }
    return false;
  }
  void vscode.window.showErrorMessage(notReadyMessage(store.state));
  return false;
}

async function report(result: MutationResult, success: (person: Person) => string): Promise<MutationResult> {
  if (result.ok) {
    void vscode.window.showInformationMessage(success(result.person));
  } else {
    void vscode.window.showErrorMessage(result.error);
  }
  return result;
}

async function askAndAddPerson(store: TeamStore, given: PersonDraft | undefined): Promise<MutationResult | undefined> {
  if (!(await ensureReady(store))) {
    return undefined;
  }
  const draft = given ?? (await promptDraft(store, undefined, 'all'));
  if (!draft) {
    return undefined;
  }
  return report(await addPerson(store, draft), (p) => vscode.l10n.t('Added {0} to your team.', p.name));
}

async function editPerson(store: TeamStore, args: PersonArgs, fields: 'all' | 'name'): Promise<MutationResult | undefined> {
  if (!(await ensureReady(store))) {
    return undefined;
  }
  const person = await resolvePerson(store, args.personId, fields === 'name' ? vscode.l10n.t('Rename whom?') : vscode.l10n.t('Edit whom?'), () => true);
  if (!person) {
    return undefined;
  }
  const draft = await promptDraft(store, person, fields);
  if (!draft) {
    return undefined;
  }
  return report(await updatePerson(store, { personId: person.id, draft }), (p) => vscode.l10n.t('Saved {0}.', p.name));
}

async function setArchived(store: TeamStore, args: PersonArgs, archived: boolean): Promise<MutationResult | undefined> {
  if (!(await ensureReady(store))) {
    return undefined;
  }
  const person = await resolvePerson(
    store,
    args.personId,
    archived ? vscode.l10n.t('Archive whom? Archived people are hidden, not deleted.') : vscode.l10n.t('Bring back whom?'),
    (p) => p.archived !== archived,
  );
  if (!person) {
    return undefined;
  }
  const result = await setPersonArchived(store, { personId: person.id, archived });
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.error);
    return result;
  }
  if (archived) {
    const undo = vscode.l10n.t('Undo');
    void vscode.window.showInformationMessage(vscode.l10n.t('Archived {0}. Their notes are kept.', person.name), undo).then(async (choice) => {
      if (choice === undo) {
        await setPersonArchived(store, { personId: person.id, archived: false });
      }
    });
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is back on your team.', person.name));
  }
  return result;
}

/** A person id passed by a caller, or a quick pick over the people `eligible` allows. */
async function resolvePerson(
  store: TeamStore,
  personId: string | undefined,
  placeHolder: string,
  eligible: (p: Person) => boolean,
): Promise<Person | undefined> {
  if (personId !== undefined) {
    const person = store.find(personId);
    if (!person) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That person is no longer on your team.'));
    }
    return person;
  }
  const candidates = store.all.filter(eligible);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is nobody to choose from yet.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({
        label: p.name,
        description: [p.role, p.archived ? vscode.l10n.t('archived') : ''].filter(Boolean).join(' · '),
        person: p,
      })),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.person;
}

async function promptDraft(store: TeamStore, current: Person | undefined, fields: 'all' | 'name'): Promise<PersonDraft | undefined> {
  const name = await vscode.window.showInputBox({
    title: current ? vscode.l10n.t('Edit {0}', current.name) : vscode.l10n.t('Add a person who reports to you'),
    prompt: vscode.l10n.t('Name'),
    value: current?.name ?? '',
    ignoreFocusOut: true,
    validateInput: (value) => nameProblem(value, store.all, current?.id),
  });
  if (name === undefined) {
    return undefined;
  }
  if (fields === 'name' && current) {
    return { name, role: current.role, cadence: current.cadence };
  }
  const role = await vscode.window.showInputBox({
    title: current ? vscode.l10n.t('Edit {0}', current.name) : vscode.l10n.t('Add {0}', name),
    prompt: vscode.l10n.t('Role or team (optional)'),
    placeHolder: vscode.l10n.t('e.g. Backend engineer, Payments team'),
    value: current?.role ?? '',
    ignoreFocusOut: true,
    validateInput: roleProblem,
  });
  if (role === undefined) {
    return undefined;
  }
  const cadence = await pickCadence(current?.cadence);
  return cadence ? { name, role, cadence } : undefined;
}

async function pickCadence(current: Cadence | undefined): Promise<Cadence | undefined> {
  const items = CADENCES.map((cadence) => ({
    label: CADENCE_LABELS[cadence],
    description: cadence === current ? vscode.l10n.t('current') : undefined,
    cadence,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('1:1 cadence'),
    placeHolder: vscode.l10n.t('How often do you meet one to one?'),
    ignoreFocusOut: true,
  });
  return picked?.cadence;
}
