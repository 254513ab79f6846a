/**
 * `Two Hats: Delete Person and Their Notes…`: the right to be forgotten, on this machine. Unlike
 * Archive, nothing is kept: the person, their notes, goals, talking points, the work they own,
 * a half-typed form about them, and every backup copy of any of it.
 */
import * as vscode from 'vscode';
import { normalizeName, type Person } from '../../shared/team';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import { NOTE_SCHEME } from '../constants';
import { noteIdOf } from '../oneOnOnes/noteFileSystem';
import { forgetLastTemplate } from '../useCases/startOneOnOne';
import type { BackupKeeper } from '../storage/backups';
import type { DelegationStore } from '../storage/delegationStore';
import { eraseFromLeftovers } from '../storage/leftoverErasure';
import type { NoteStore } from '../storage/noteStore';
import type { SidebarDraftStore } from '../storage/sidebarDraftStore';
import type { TeamStore } from '../storage/teamStore';

export interface ErasureSources {
  readonly team: TeamStore;
  readonly notes: NoteStore;
  readonly delegation: DelegationStore;
  readonly drafts: SidebarDraftStore;
  readonly backups: BackupKeeper;
  readonly workspaceState: vscode.Memento;
}

export interface Erased {
  readonly name: string;
  readonly notes: number;
  readonly items: number;
  readonly backups: number;
  /**
   * Backups this window could not read (encrypted with another passphrase, or damaged), which may
   * still hold the person: the user is told, and offered to delete them.
   */
  readonly backupsNotCleaned: number;
  /**
   * Backups another Two Hats window was busy with (encrypting, or backing up) for the whole wait:
   * they may still hold the person, who stays listed until Delete Person runs again. Never
   * offered for deletion: nothing is wrong with them.
   */
  readonly backupsInUse: number;
  /** Backup note packs that did not read and were removed, as they could not be cleaned (only copies). */
  readonly damagedPacksRemoved: number;
  /** A copy set aside in the data folder could not be read (sealed with another key, damaged, locked): it may still hold them. */
  readonly leftoversNotCleaned: boolean;
  /** What could not be changed or deleted in the data folder itself (the team file, the delegation file, note files): empty when all went. */
  readonly notFinished: readonly string[];
}

/**
 * With `{ personId, typedName }` (tests, other commands) the typed name stands in for the
 * confirmation; it must still match.
 */
export function erasePersonCommands(sources: ErasureSources): SomeCommandHandlers<'deletePerson'> {
  return { deletePerson: (args) => erasePersonCommand(sources, args) };
}

async function erasePersonCommand(sources: ErasureSources, args: CommandArgs<'deletePerson'>): Promise<Erased | undefined> {
  if (sources.team.state.kind !== 'ready') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: there is nobody to delete yet.'));
    return undefined;
  }
  const person = args.personId !== undefined ? sources.team.find(args.personId) : await pickAnyPerson(sources.team);
  if (!person) {
    return undefined;
  }
  const typed = args.typedName !== undefined ? args.typedName : await askForName(person, sources.notes.forPerson(person.id).length);
  if (typed === undefined || normalizeName(typed) !== person.name) {
    return undefined;
  }
  const { erased, notCleaned } = await erasePerson(sources, person);
  // Copies of everyone's notes went with a damaged pack: whatever else is said, that is said too.
  const removed = erased.damagedPacksRemoved > 0 ? ` ${damagedPacksRemoved(erased.damagedPacksRemoved)}` : '';
  if (erased.notFinished.length > 0) {
    // Never "Deleted": a part of them is still on disk. Another try finds what is left.
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Two Hats could not finish deleting {0}: {1} could not be changed (held by another program, or no permission). Close what holds them and run Delete Person and Their Notes again: what is left of {0} is still listed.', person.name, erased.notFinished.join(', ')) + removed,
    );
    return erased;
  }
  if (erased.backupsInUse > 0) {
    // Busy, not damaged: another try in a moment finishes it, with nothing deleted that is sound.
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Two Hats could not finish deleting {0}: another Two Hats window is busy with the backups on this machine (encrypting or backing up notes), which may still hold {0}’s notes. Run Delete Person and Their Notes again in a moment: {0} stays listed until then.',
        person.name,
      ) + removed,
    );
  }
  // Also beside a backup in use: what this run found unreadable is offered now, not at the next try.
  if (notCleaned.length > 0) {
    // Also when driven with a typed name: the user must never believe the name is gone when it may not be.
    void offerDeletingUnreadableBackups(person.name, notCleaned);
  }
  if (erased.leftoversNotCleaned) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'A copy Two Hats set aside in its data folder (a damaged file or an interrupted write) could not be read: it is encrypted with another key, damaged or in use, and it may still hold {0}’s name. Delete it by hand to be sure.',
        person.name,
      ),
    );
  }
  // Never "Deleted" while a backup in use may still hold them.
  if (args.typedName === undefined && erased.backupsInUse === 0) {
    const items = erased.items === 1 ? vscode.l10n.t('1 delegation item') : vscode.l10n.t('{0} delegation items', erased.items);
    const deleted =
      notCleaned.length === 0 && !erased.leftoversNotCleaned
        ? vscode.l10n.t('Deleted {0}, {1} and {2}, here and in the backups on this machine.', person.name, noteCount(erased.notes), items)
        : vscode.l10n.t('Deleted {0}, {1} and {2}, here and in the backups on this machine that Two Hats can read.', person.name, noteCount(erased.notes), items);
    void vscode.window.showInformationMessage(deleted + removed);
  }
  return erased;
}

async function pickAnyPerson(team: TeamStore): Promise<Person | undefined> {
  if (team.all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is nobody on your team to delete.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    team.all.map((p) => ({ label: p.name, description: p.archived ? vscode.l10n.t('archived') : p.role, person: p })),
    {
      title: vscode.l10n.t('Two Hats: Delete Person and Their Notes'),
      placeHolder: vscode.l10n.t('Whose data should be deleted from this machine?'),
      matchOnDescription: true,
    },
  );
  return picked?.person;
}

function askForName(person: Person, notes: number): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Delete {0} and their notes', person.name),
    prompt: vscode.l10n.t(
      'Deletes {0}, {1}, their goals, talking points and the delegation items they own, here and in Two Hats’ backups on this machine. This cannot be undone. Type {0} to confirm.',
      person.name,
      noteCount(notes),
    ),
    placeHolder: person.name,
    ignoreFocusOut: true,
    validateInput: (value) => (normalizeName(value) === person.name ? undefined : vscode.l10n.t('Type {0} exactly to delete.', person.name)),
  });
}

function noteCount(notes: number): string {
  return notes === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', notes);
}

/**
 * A backup encrypted with another passphrase cannot be read, so it cannot be cleaned: the user is
 * told so in plain words, and deleting those backups is offered (after a modal confirmation).
 */
async function offerDeletingUnreadableBackups(name: string, folders: readonly vscode.Uri[]): Promise<void> {
  const deleteThem = vscode.l10n.t('Delete Those Backups…');
  const choice = await vscode.window.showWarningMessage(
    folders.length === 1
      ? vscode.l10n.t(
          '1 backup on this machine could not be cleaned: it is encrypted with another passphrase (or damaged), so Two Hats cannot read it, and it may still hold {0}’s name and notes. Deleting that backup is the way to be sure.',
          name,
        )
      : vscode.l10n.t(
          '{0} backups on this machine could not be cleaned: they are encrypted with another passphrase (or damaged), so Two Hats cannot read them, and they may still hold {1}’s name and notes. Deleting those backups is the way to be sure.',
          folders.length,
          name,
        ),
    deleteThem,
  );
  if (choice !== deleteThem) {
    return;
  }
  const confirm = vscode.l10n.t('Delete');
  const sure = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete {0} backup(s) that Two Hats cannot read? Everything in them is lost, the notes of other people included.', folders.length),
    { modal: true },
    confirm,
  );
  if (sure === confirm) {
    for (const folder of folders) {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  }
}

async function erasePerson(sources: ErasureSources, person: Person): Promise<{ erased: Erased; notCleaned: readonly vscode.Uri[] }> {
  const { team, notes, delegation, drafts, backups, workspaceState } = sources;
  await closeNoteTabs(notes.forPerson(person.id).map((note) => note.id));
  const { ids: noteIds, left, indexWritten, searchIndexErased } = await notes.removePerson(person.id);
  const items = await delegation.forgetPerson(person.id, person.name);
  const kept = await drafts.form();
  const draftName = kept?.draft.name.toLowerCase() ?? '';
  if (kept && (kept.personId === person.id || (draftName.length > 0 && (draftName.includes(person.name.toLowerCase()) || person.name.toLowerCase().includes(draftName))))) {
    drafts.keep(undefined);
  }
  await drafts.flush();
  await forgetLastTemplate(workspaceState, person.id);
  const inBackups = await backups.erasePerson(person.id, person.name, noteIds);
  // Files set aside beside the live ones (damaged, newer, interrupted writes) are the last copies.
  const folder = team.dataFolder;
  const leftovers = folder ? await eraseFromLeftovers(folder, { id: person.id, name: person.name, noteIds }) : { unreadable: false, notDeleted: 0 };
  const notFinished = [
    ...(items.ok ? [] : [vscode.l10n.t('the delegation file')]),
    ...(left.length > 0 ? [vscode.l10n.t('the files of {0} note(s)', left.length)] : []),
    // The index caches their notes' titles and open items, the private ones too.
    ...(indexWritten ? [] : [vscode.l10n.t('the note index')]),
    // The search index holds the words of their notes.
    ...(searchIndexErased ? [] : [vscode.l10n.t('the search index')]),
    ...(inBackups.notDeleted > 0 ? [filesInBackups(inBackups.notDeleted)] : []),
    ...(leftovers.notDeleted > 0 ? [copiesSetAside(leftovers.notDeleted)] : []),
  ];
  // The person leaves the team last, and only when nothing of theirs is left (a backup in use by
  // another window may still hold their notes): until then they stay listed, so Delete Person finds them and what is left of them again.
  const removed = notFinished.length === 0 && inBackups.inUse.length === 0 ? await team.remove(person.id) : undefined;
  const erased = {
    name: person.name,
    notes: noteIds.length,
    items: items.ok ? items.result : 0,
    backups: inBackups.touched,
    backupsNotCleaned: inBackups.notCleaned.length,
    backupsInUse: inBackups.inUse.length,
    damagedPacksRemoved: inBackups.damagedPacksRemoved,
    leftoversNotCleaned: leftovers.unreadable,
    notFinished: [...(removed?.ok === false ? [vscode.l10n.t('the team file')] : []), ...notFinished],
  };
  return { erased, notCleaned: inBackups.notCleaned };
}

/** Said whenever an erasure removed damaged packs: copies of everyone's notes went, not only the person's. */
function damagedPacksRemoved(count: number): string {
  return vscode.l10n.t('{0} damaged file(s) of note copies in the backups could not be cleaned, so they were removed. The notes are still in their data folders on this machine, and each workspace’s next backup copies them again.', count);
}

function filesInBackups(count: number): string {
  return count === 1 ? vscode.l10n.t('a file in the backups') : vscode.l10n.t('{0} files in the backups', count);
}

function copiesSetAside(count: number): string {
  return count === 1 ? vscode.l10n.t('a copy set aside in the data folder') : vscode.l10n.t('{0} copies set aside in the data folder', count);
}

/** Their notes' tabs close first: an editor left open could save a note back. */
async function closeNoteTabs(noteIds: readonly string[]): Promise<void> {
  const ids = new Set(noteIds);
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === NOTE_SCHEME && ids.has(noteIdOf(tab.input.uri) ?? ''));
  if (tabs.length > 0) {
    // Unsaved edits to a note being deleted are dropped with it: revert before closing.
    for (const tab of tabs) {
      const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === (tab.input as vscode.TabInputText).uri.toString());
      if (document?.isDirty) {
        await vscode.window.showTextDocument(document).then(() => vscode.commands.executeCommand('workbench.action.files.revert'));
      }
    }
    await vscode.window.tabGroups.close(tabs);
  }
}
