/**
 * Prepare for a 1:1: the brief (src/shared/oneOnOnes/brief.ts) shown read-only in VS Code's own
 * Markdown preview. It is a virtual document on its own scheme, so nothing is written to disk and
 * it cannot be edited or saved by mistake; command links stay off, so "Start 1:1" is a
 * notification button and an editor title button on the brief, not a link in it.
 */
import * as vscode from 'vscode';
import type { CommandArgs } from '../commands/commandArgs';
import { executeOwnCommand, type SomeCommandHandlers } from '../commands/commandTable';
import type { BriefPreviewTabs } from './briefPreviewTabs';
import { composeBrief } from '../../shared/oneOnOnes/brief';
import { localToday } from '../../shared/team';
import { BRIEF_SCHEME } from '../constants';
import type { DelegationStore } from '../storage/delegationStore';
import type { NoteStore } from '../storage/noteStore';
import type { TeamStore } from '../storage/teamStore';
import { pickActivePerson } from '../team/pickPerson';
import { startProblem } from '../useCases/startOneOnOne';

export interface PreparedBrief {
  readonly uri: vscode.Uri;
  readonly personId: string;
  readonly markdown: string;
}

export interface BriefSources {
  readonly team: TeamStore;
  readonly notes: NoteStore;
  readonly delegation: DelegationStore;
  /**
   * The one place that decides whether briefs may show (presenting mode hides them): a hidden
   * brief is neither opened nor rendered, even in a tab that is already open.
   */
  readonly isHidden: () => boolean;
  /** Fires when `isHidden` may have changed: an open brief is hidden (or shown) at once. */
  readonly onDidChangeHidden: vscode.Event<unknown>;
}

function hiddenText(): string {
  return `# ${vscode.l10n.t('Brief hidden')}\n\n${vscode.l10n.t('Briefs are hidden while presenting.')}\n`;
}

export function briefUri(personId: string, personName: string): vscode.Uri {
  const title = vscode.l10n.t('Prepare 1:1 with {0}', personName).replace(/[\\/:*?"<>|#%]/g, ' ');
  return vscode.Uri.from({ scheme: BRIEF_SCHEME, path: `/${title}.md`, query: new URLSearchParams({ personId }).toString() });
}

export function personIdOfBrief(uri: unknown): string | undefined {
  return uri instanceof vscode.Uri && uri.scheme === BRIEF_SCHEME ? (new URLSearchParams(uri.query).get('personId') ?? undefined) : undefined;
}

class BriefDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly listening: vscode.Disposable;

  constructor(private readonly sources: BriefSources) {
    // An open brief follows the data: a ticked item or a new talking point shows at once.
    const refresh = () => this.refreshOpen();
    this.listening = vscode.Disposable.from(sources.team.onDidChange(refresh), sources.notes.onDidChangeSummary(refresh), sources.delegation.onDidChange(refresh), sources.onDidChangeHidden(refresh));
  }

  refreshOpen(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === BRIEF_SCHEME) {
        this.changes.fire(document.uri);
      }
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const personId = personIdOfBrief(uri);
    return personId ? briefMarkdown(this.sources, personId) : `# ${vscode.l10n.t('No brief')}\n`;
  }

  dispose(): void {
    this.listening.dispose();
    this.changes.dispose();
  }
}

async function briefMarkdown(sources: BriefSources, personId: string): Promise<string> {
  if (sources.isHidden()) {
    return hiddenText();
  }
  const person = sources.team.find(personId);
  if (!person) {
    return `# ${vscode.l10n.t('No brief')}\n\n${vscode.l10n.t('That person is no longer on your team.')}\n`;
  }
  const history = sources.notes.forPerson(personId);
  const lastNoteText = history[0] ? await sources.notes.read(history[0].id).catch(() => undefined) : undefined;
  return composeBrief({ person, today: localToday(), history, lastNoteText, delegation: sources.delegation.all });
}

/** The brief documents, shown in the Markdown preview. */
export function registerBriefDocuments(sources: BriefSources): vscode.Disposable[] {
  const documents = new BriefDocuments(sources);
  return [
    documents,
    vscode.workspace.registerTextDocumentContentProvider(BRIEF_SCHEME, documents),
  ];
}

/** `previews` knows which preview tab shows whose brief: the title-bar Start button needs it. */
export function briefCommands(sources: BriefSources, previews: BriefPreviewTabs): SomeCommandHandlers<'prepareOneOnOne' | 'startOneOnOneFromBrief'> {
  return {
    prepareOneOnOne: async (args) => {
      const prepared = await prepareOneOnOne(sources, args);
      if (prepared) {
        previews.remember(prepared.uri, prepared.personId);
      }
      return prepared;
    },
    startOneOnOneFromBrief: (uri) => {
      const personId = personIdOfBrief(uri ?? vscode.window.activeTextEditor?.document.uri) ?? previews.activePersonId();
      return executeOwnCommand('startOneOnOne', personId ? { personId } : undefined);
    },
  };
}

/** Opens the brief before a 1:1, asking for whoever `args` leaves out. */
export async function prepareOneOnOne(sources: BriefSources, args: CommandArgs<'prepareOneOnOne'>): Promise<PreparedBrief | undefined> {
  const { team } = sources;
  // The same reason Start 1:1 gives: locked, damaged or read-only notes are not "no folder".
  const problem = startProblem(sources);
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  if (sources.isHidden()) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Briefs are hidden while presenting.'));
    return undefined;
  }
  const person = args.personId !== undefined ? team.find(args.personId) : await pickActivePerson(team, vscode.l10n.t('Two Hats: Prepare for 1:1'), vscode.l10n.t('With whom?'));
  if (!person) {
    // A stale sidebar click names someone who has left; a cancelled pick needs no message.
    if (args.personId !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That person is no longer on your team.'));
    }
    return undefined;
  }
  const uri = briefUri(person.id, person.name);
  const markdown = await briefMarkdown(sources, person.id);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  if (args.quiet !== true) {
    const start = vscode.l10n.t('Start 1:1');
    void vscode.window.showInformationMessage(vscode.l10n.t('Brief for your 1:1 with {0} is open.', person.name), start).then((choice) =>
      choice === start ? executeOwnCommand('startOneOnOne', { personId: person.id }) : undefined,
    );
  }
  return { uri, personId: person.id, markdown };
}
