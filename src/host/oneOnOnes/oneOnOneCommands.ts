/** Starting a 1:1 from the palette or the sidebar: pick the person and the template, then the use case writes the note; open it. */
import * as vscode from 'vscode';
import { withoutLocalFileLinks } from '../../shared/codeReferences';
import { unknownVariables } from '../../shared/oneOnOnes/ownTemplates';
import { shareableAgenda } from '../../shared/oneOnOnes/privacy';
import { BUILT_IN_TEMPLATES, TEMPLATE_VARIABLES, templateAsMarkdown } from '../../shared/oneOnOnes/templates';
import { findPrinciple } from '../../shared/principles/catalogue';
import type { Person } from '../../shared/team';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import type { NoteStore } from '../storage/noteStore';
import { pickActivePerson } from '../team/pickPerson';
import { NOTE_SCHEME } from '../constants';
import { noteUri } from './noteFileSystem';
import { loadOwnTemplates } from './templateLibrary';
import type { Consents } from '../consent';
import type { RepaintHold } from '../sidebar/repaintHold';
import { lastTemplates, startOneOnOne as startOneOnOneNow, startProblem, type OneOnOneStores } from '../useCases/startOneOnOne';

export interface StartedOneOnOne {
  readonly noteId: string;
  readonly uri: vscode.Uri;
}

/** What starting a 1:1 reads and writes, and the consent to read the user's own templates. */
export interface OneOnOneSources extends OneOnOneStores {
  readonly consents: Consents;
  /** The sidebar's repaints, held from writing the note until it shows in its editor. */
  readonly repaints: Pick<RepaintHold, 'during'>;
}

export function oneOnOneCommands(sources: OneOnOneSources): SomeCommandHandlers<'startOneOnOne' | 'copyShareableAgenda' | 'openNote'> {
  return {
    startOneOnOne: (args) => startOneOnOne(sources, args),
    copyShareableAgenda: () => copyShareableAgenda(),
    openNote: (args) => openNote(sources.notes, args.noteId),
  };
}

/** Opens a note in an editor; an id that names no note (deleted since the click) is said so. */
export async function openNote(notes: NoteStore, noteId: string | undefined): Promise<void> {
  const meta = noteId === undefined ? undefined : notes.find(noteId);
  if (meta) {
    await vscode.window.showTextDocument(noteUri(meta.id, meta.title), { preview: false });
  } else if (noteId !== undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('That note no longer exists.'));
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

/** Starts a 1:1: asks for whoever and whichever template `args` leaves out, runs the use case, opens the note. */
export async function startOneOnOne(sources: OneOnOneSources, args: CommandArgs<'startOneOnOne'>): Promise<StartedOneOnOne | undefined> {
  const { team, memento, consents } = sources;
  const problem = startProblem(sources);
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  const person = args.personId !== undefined ? team.find(args.personId) : await pickActivePerson(team, vscode.l10n.t('Two Hats: Start 1:1'), vscode.l10n.t('With whom?'));
  if (!person) {
    // A stale sidebar click names someone who has left; a cancelled pick needs no message.
    if (args.personId !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That person is no longer on your team.'));
    }
    return undefined;
  }
  const own = await loadOwnTemplates(consents);
  if (own.problems.length > 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Some of your own templates were skipped. {0}', own.problems.join(' ')));
  }
  const choices: TemplateChoice[] = [
    ...BUILT_IN_TEMPLATES.map((t) => ({ id: t.id, title: t.title, detail: t.description, markdown: () => templateAsMarkdown(t, principleTitle) })),
    ...own.templates.map((t) => ({ id: t.id, title: t.title, detail: vscode.l10n.t('Your template · {0}', t.fileName), markdown: () => t.markdown, own: true })),
  ];
  const template =
    args.templateId !== undefined ? choices.find((c) => c.id === args.templateId) : await pickTemplate(person, choices, lastTemplates(memento)[person.id]);
  if (!template) {
    if (args.templateId !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That template is no longer available.'));
    }
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
  // The note is on disk before its editor opens; the sidebar shows the change once it has.
  return sources.repaints.during(async () => {
    const started = await startOneOnOneNow(sources, { personId: person.id, template: { id: template.id, title: template.title, markdown } });
    if (!started.ok) {
      void vscode.window.showErrorMessage(started.error);
      return undefined;
    }
    for (const warning of started.warnings) {
      void vscode.window.showWarningMessage(warning);
    }
    await vscode.window.showTextDocument(started.uri, { preview: false });
    return { noteId: started.noteId, uri: started.uri };
  });
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
