/** Starting a 1:1: pick the person and the template, write the note, open it in an editor. */
import * as vscode from 'vscode';
import { withoutLocalFileLinks } from '../../shared/codeReferences';
import { checkInAgendaLines, checkInHeld, checkInsDue } from '../../shared/delegation/items';
import { levelLabel } from '../../shared/delegation/levels';
import { goalAgendaLine } from '../../shared/oneOnOnes/checkIns';
import { composeFromMarkdown, noteTitle } from '../../shared/oneOnOnes/compose';
import { unknownVariables } from '../../shared/oneOnOnes/ownTemplates';
import { takeForAgenda, talkingPointAsMarkdown } from '../../shared/oneOnOnes/talkingPoints';
import { shareableAgenda } from '../../shared/oneOnOnes/privacy';
import { BUILT_IN_TEMPLATES, TEMPLATE_VARIABLES, templateAsMarkdown } from '../../shared/oneOnOnes/templates';
import { findPrinciple } from '../../shared/principles/catalogue';
import { MEMENTO_KEYS } from '../../shared/storageLayout';
import { localToday, type Person } from '../../shared/team';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import type { DelegationStore } from '../storage/delegationStore';
import type { NoteStore } from '../storage/noteStore';
import { notReadyMessage, type TeamStore } from '../storage/teamStore';
import { pickActivePerson } from '../team/pickPerson';
import { NOTE_SCHEME } from '../constants';
import { noteUri } from './noteFileSystem';
import { loadOwnTemplates } from './templateLibrary';
import type { Consents } from '../consent';

const LAST_TEMPLATE_KEY = MEMENTO_KEYS.lastTemplate;

/** Drops the template remembered for a person who is being erased. */
export async function forgetLastTemplate(memento: vscode.Memento, personId: string): Promise<void> {
  const remembered = memento.get<Record<string, string>>(LAST_TEMPLATE_KEY, {});
  if (personId in remembered) {
    const rest = Object.fromEntries(Object.entries(remembered).filter(([id]) => id !== personId));
    await memento.update(LAST_TEMPLATE_KEY, rest);
  }
}

export interface StartedOneOnOne {
  readonly noteId: string;
  readonly uri: vscode.Uri;
}

/** What starting a 1:1 reads and writes. */
export interface OneOnOneSources {
  readonly team: TeamStore;
  readonly notes: NoteStore;
  readonly delegation: DelegationStore;
  readonly memento: vscode.Memento;
  readonly consents: Consents;
}

export function oneOnOneCommands(sources: OneOnOneSources): SomeCommandHandlers<'startOneOnOne' | 'copyShareableAgenda' | 'openNote'> {
  return {
    startOneOnOne: (args) => startOneOnOne(sources, args),
    copyShareableAgenda: () => copyShareableAgenda(),
    openNote: (args) => openNote(sources.notes, args.noteId),
  };
}

/** Opens a note in an editor; an id that names no note does nothing. */
export async function openNote(notes: NoteStore, noteId: string | undefined): Promise<void> {
  const meta = noteId === undefined ? undefined : notes.find(noteId);
  if (meta) {
    await vscode.window.showTextDocument(noteUri(meta.id, meta.title), { preview: false });
  }
}

/** Copies the active 1:1 note without its private section, ready to share with the person. */
async function copyShareableAgenda(): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== NOTE_SCHEME) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a 1:1 note first; its agenda is copied without the private section.'));
    return false;
  }
  await vscode.env.clipboard.writeText(withoutLocalFileLinks(shareableAgenda(editor.document.getText())));
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied the agenda, without your private notes.'));
  return true;
}

/** Starts a 1:1: writes the note and opens it, asking for whoever and whichever template `args` leaves out. */
export async function startOneOnOne(
  { team, notes, delegation, memento, consents }: OneOnOneSources,
  args: CommandArgs<'startOneOnOne'>,
): Promise<StartedOneOnOne | undefined> {
  if (team.state.kind !== 'ready' || !notes.ready) {
    void vscode.window.showErrorMessage(
      team.state.kind === 'noFolder' || team.state.kind === 'ready'
        ? vscode.l10n.t('Open a folder first: Two Hats keeps 1:1 notes in that workspace’s private storage.')
        : notReadyMessage(team.state),
    );
    return undefined;
  }
  const person = args.personId !== undefined ? team.find(args.personId) : await pickActivePerson(team, vscode.l10n.t('Two Hats: Start 1:1'), vscode.l10n.t('With whom?'));
  if (!person) {
    return undefined;
  }
  const remembered = memento.get<Record<string, string>>(LAST_TEMPLATE_KEY, {});
  const own = await loadOwnTemplates(consents);
  if (own.problems.length > 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Some of your own templates were skipped. {0}', own.problems.join(' ')));
  }
  const choices: TemplateChoice[] = [
    ...BUILT_IN_TEMPLATES.map((t) => ({ id: t.id, title: t.title, detail: t.description, markdown: () => templateAsMarkdown(t, principleTitle) })),
    ...own.templates.map((t) => ({ id: t.id, title: t.title, detail: vscode.l10n.t('Your template · {0}', t.fileName), markdown: () => t.markdown, own: true })),
  ];
  const template =
    args.templateId !== undefined ? choices.find((c) => c.id === args.templateId) : await pickTemplate(person, choices, remembered[person.id]);
  if (!template) {
    return undefined;
  }
  const markdown = template.markdown();
  const unknown = template.own ? unknownVariables(markdown) : [];
  if (unknown.length > 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Your template “{0}” uses {1}, which Two Hats does not fill; it is left in the note as written. Known: {2}.',
        template.title,
        unknown.map((v) => `{{${v}}}`).join(', '),
        TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', '),
      ),
    );
  }
  const date = localToday();
  const previous = notes.latest(person.id);
  // Read, not yet removed: the queue gives them up only once the note is safely on disk.
  const talkingPoints = takeForAgenda(team.find(person.id)?.talkingPoints ?? []).agenda;
  const checkIns = checkInsDue(delegation.all, person.id, date);
  const content = composeFromMarkdown(markdown, {
    person: person.name,
    date,
    carriedItems: previous ? previous.openItems.map((item) => ({ ...item, done: false })) : [],
    talkingPoints: talkingPoints.map(talkingPointAsMarkdown),
    delegationCheckIns: checkInAgendaLines(checkIns, levelLabel),
    goals: (person.goals ?? []).filter((goal) => !goal.reachedOn).map((goal) => goalAgendaLine(goal.text)),
  });
  const meta = await notes.create({ personId: person.id, date, templateId: template.id, title: noteTitle(person.name, date, template), content });
  await memento.update(LAST_TEMPLATE_KEY, { ...remembered, [person.id]: template.id });
  await team.recordOneOnOne(person.id, date, talkingPoints);
  if (checkIns.length > 0) {
    await delegation.updateMany(
      checkIns.map((item) => item.id),
      (item) => checkInHeld(item, date),
    );
  }
  const uri = noteUri(meta.id, meta.title);
  await vscode.window.showTextDocument(uri, { preview: false });
  return { noteId: meta.id, uri };
}


/** A template to start from, built-in or the user's own, its Markdown made only when chosen. */
interface TemplateChoice {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  readonly markdown: () => string;
  readonly own?: boolean;
}

const principleTitle = (id: string) => findPrinciple(id)?.title;

async function pickTemplate(person: Person, choices: readonly TemplateChoice[], lastTemplateId: string | undefined): Promise<TemplateChoice | undefined> {
  const last = choices.find((c) => c.id === lastTemplateId);
  const item = (c: TemplateChoice) => ({ label: c.title, description: c.id === lastTemplateId ? vscode.l10n.t('last time') : undefined, detail: c.detail, choice: c });
  const builtIn = choices.filter((c) => !c.own && c !== last);
  const own = choices.filter((c) => c.own && c !== last);
  const picked = await vscode.window.showQuickPick<vscode.QuickPickItem & { choice?: TemplateChoice }>(
    [
      ...(last ? [item(last)] : []),
      ...builtIn.map(item),
      ...(own.length > 0 ? [{ label: vscode.l10n.t('Your templates'), kind: vscode.QuickPickItemKind.Separator }, ...own.map(item)] : []),
    ],
    { title: vscode.l10n.t('Two Hats: 1:1 with {0}', person.name), placeHolder: vscode.l10n.t('Which template?'), matchOnDetail: true },
  );
  return picked?.choice;
}
