import * as vscode from 'vscode';
import { assertNever } from '../../shared/assertNever';
import {
  parseWebviewMessage,
  type HostMessage,
  type WebviewMessage,
  type WebviewRequest,
} from '../../shared/protocol';
import { countOverdue, localToday } from '../../shared/team';
import type { CommandHandlers } from '../commands/commandTable';
import { COMMANDS } from '../constants';
import { enableGlobalStorageWhenNoFolder } from '../storage/dataLocation';
import { isPrincipleId } from '../../shared/principles/catalogue';
import { tickActionItem } from '../useCases/tickActionItem';
import type { HatState } from '../principles/hatState';
import type { NoteStore } from '../storage/noteStore';
import type { MutationResult, TeamStore } from '../storage/teamStore';
import type { DelegationStore } from '../storage/delegationStore';
import type { SidebarDraftStore } from '../storage/sidebarDraftStore';
import { selfCheckSentence, type SelfCheckState } from '../delegation/selfCheckState';
import { delegationView } from './delegationSnapshot';
import { handleDelegationIntent } from '../delegation/sidebarIntents';
import { buildSidebarHtml } from './sidebarHtml';
import { forPresenting } from './presentingSnapshot';
import { buildSnapshot, weekBalance } from './snapshot';
import type { PresentingMode } from '../presenting/presentingMode';
import { markStartup } from '../startupTimeline';

const REFRESH_DELAY_MS = 30;

/** Everything the sidebar shows comes from these; each tells it when to refresh. */
export interface SidebarSources {
  readonly team: TeamStore;
  readonly notes: NoteStore;
  readonly delegation: DelegationStore;
  readonly hats: HatState;
  readonly selfChecks: SelfCheckState;
  readonly drafts: SidebarDraftStore;
  readonly presenting: PresentingMode;
  /** The same typed actions the palette commands run: the sidebar only supplies what it knows. */
  readonly commands: CommandHandlers;
}

/**
 * The Two Hats sidebar. The host owns the data: the webview asks with `ready`, gets a snapshot,
 * and sends intents that are validated here. No retainContextWhenHidden: a hidden view's document
 * is thrown away and posts to it are dropped, so a fresh snapshot goes out whenever it is shown.
 */
export class SidebarProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  /** The person whose 1:1 history the sidebar has open: only theirs goes into the snapshot. */
  private historyOf: string | undefined;
  /** A snapshot was posted as the content was created, so its `ready` needs no second one. */
  private openingSnapshotPosted = false;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly store: TeamStore;
  private readonly notes: NoteStore;
  private readonly delegation: DelegationStore;
  private readonly hats: HatState;
  private readonly selfChecks: SelfCheckState;
  private readonly drafts: SidebarDraftStore;
  private readonly presenting: PresentingMode;
  private readonly commands: CommandHandlers;

  constructor(
    private readonly extensionUri: vscode.Uri,
    sources: SidebarSources,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.store = sources.team;
    this.notes = sources.notes;
    this.delegation = sources.delegation;
    this.hats = sources.hats;
    this.selfChecks = sources.selfChecks;
    this.drafts = sources.drafts;
    this.presenting = sources.presenting;
    this.commands = sources.commands;
    this.disposables.push(
      ...[sources.team, sources.delegation, sources.hats, sources.selfChecks, sources.presenting].map((source) => source.onDidChange(() => this.refresh())),
      // Most note saves change only prose: the sidebar repaints only when what it shows changed.
      sources.notes.onDidChangeSummary(() => this.refresh()),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    view.webview.html = buildSidebarHtml({
      cspSource: view.webview.cspSource,
      asset: (...parts) => view.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...parts)).toString(),
    });
    markStartup('sidebar.html');
    this.postOpeningSnapshot();
    const subscriptions = [
      view.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      // A hidden view's content is gone; showing it creates the content again.
      view.onDidChangeVisibility(() => view.visible && this.postOpeningSnapshot()),
    ];
    view.onDidDispose(() => {
      subscriptions.forEach((s) => s.dispose());
      if (this.view === view) {
        this.view = undefined;
      }
    });
    this.updateBadge();
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.disposables.forEach((d) => d.dispose());
  }

  /** Tells the webview that all data was deleted, so it drops its drafts too. */
  forgetUiState(): void {
    this.drafts.forget();
    this.post({ type: 'didDeleteAllData' });
  }

  /** Repaints soon: changes that come together (a 1:1 start touches three stores) paint once. */
  refresh(): void {
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = undefined;
      this.refreshNow();
    }, REFRESH_DELAY_MS);
  }

  /**
   * Posted while the content's script is still loading, which VS Code holds until the webview is
   * ready: the snapshot is built and on its way in parallel, instead of after a round trip for
   * `ready` (a tenth of a second at 200 people).
   */
  private postOpeningSnapshot(): void {
    this.openingSnapshotPosted = true;
    this.post({ type: 'didChangeSnapshot', snapshot: this.snapshot() });
  }

  /** Offers the kept form to a view that just loaded; the view takes it only if it has none. */
  private async restoreDraft(): Promise<void> {
    const form = await this.drafts.form();
    if (form) {
      this.post({ type: 'didRestoreDraft', form });
    }
  }

  private refreshNow(): void {
    this.updateBadge();
    if (this.view?.visible) {
      this.post({ type: 'didChangeSnapshot', snapshot: this.snapshot() });
    }
  }

  private snapshot() {
    const today = localToday();
    const check = this.selfChecks.due(this.delegation.all, today);
    const snapshot = buildSnapshot({
      storage: this.store.state,
      people: this.store.all,
      hat: this.hats.current,
      notesOf: (personId) => this.notes.forPerson(personId),
      balance: weekBalance(this.notes.all, this.store.all, today),
      today,
      delegation: delegationView(
        this.delegation.all,
        (id) => this.store.find(id)?.name,
        today,
        check ? { week: check.week, sentence: selfCheckSentence(check) } : undefined,
      ),
      historyOf: this.historyOf,
    });
    // Left out here, in the host: what is never sent cannot show on a shared screen.
    return this.presenting.on ? forPresenting(snapshot) : snapshot;
  }

  private updateBadge(): void {
    if (!this.view) {
      return;
    }
    const overdue = countOverdue(this.store.all, localToday());
    this.view.badge =
      overdue > 0 ? { value: overdue, tooltip: overdue === 1 ? '1 person is overdue for a 1:1' : `${overdue} people are overdue for a 1:1` } : undefined;
  }

  private post(message: HostMessage): void {
    // For `npm run bench`: what each early snapshot showed, and when it left.
    if (message.type === 'didChangeSnapshot') {
      markStartup(`sidebar.post:${message.snapshot.storage.kind}:${message.snapshot.people.length}`);
    }
    void this.view?.webview.postMessage(message).then(undefined, (error: unknown) => {
      this.log.warn(`Could not post ${message.type} to the sidebar: ${String(error)}`);
    });
  }

  private receive(raw: unknown): void {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.log.warn(`Rejected a message from the sidebar: ${parsed.reason}`);
      return;
    }
    void this.handle(parsed.message).catch((error: unknown) => {
      this.log.error(`Handling ${parsed.message.type} failed: ${String(error)}`);
    });
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'keepDraft':
        this.drafts.keep(message.form);
        return;
      case 'ready': {
        void this.restoreDraft();
        // The snapshot posted while the view loaded already answers this `ready`, unless the view
        // came back with another person's history open.
        const answered = this.openingSnapshotPosted && message.historyOf === this.historyOf;
        this.openingSnapshotPosted = false;
        this.historyOf = message.historyOf;
        if (!answered) {
          this.post({ type: 'didChangeSnapshot', snapshot: this.snapshot() });
        }
        return;
      }
      case 'showHistory':
        this.historyOf = message.personId;
        this.post({ type: 'didChangeSnapshot', snapshot: this.snapshot() });
        return;
      case 'addPerson':
        return this.answer(message, await this.store.add(message.draft));
      case 'updatePerson':
        return this.answer(message, await this.store.update(message.id, message.draft));
      case 'setArchived':
        return this.answer(message, await this.store.setArchived(message.id, message.archived));
      case 'openFolder':
        await vscode.commands.executeCommand('workbench.action.files.openFolder');
        return;
      case 'useGlobalStorage':
        await enableGlobalStorageWhenNoFolder();
        return;
      case 'showDataLocation':
        // Still registered by src/host/storage, outside the command table (see StorageOwnedCommand).
        await vscode.commands.executeCommand(COMMANDS.showDataLocation);
        return;
      case 'unlock':
        await this.commands.unlockNotes({});
        return;
      case 'startOneOnOne':
        await this.commands.startOneOnOne({ personId: message.personId });
        return;
      case 'prepareOneOnOne':
        await this.commands.prepareOneOnOne({ personId: message.personId });
        return;
      case 'addGoal':
        await this.commands.addGoal({ personId: message.personId });
        return;
      case 'markGoalReached':
        await this.commands.markGoalReached({ personId: message.personId, goalId: message.goalId });
        return;
      case 'queueTalkingPoint':
        await this.commands.queueTalkingPoint({ personId: message.personId });
        return;
      case 'previewNote': {
        const meta = this.presenting.on ? undefined : this.notes.find(message.noteId);
        if (meta) {
          this.post({ type: 'didLoadNotePreview', noteId: meta.id, title: meta.title, markdown: previewOf(await this.notes.read(meta.id)) });
        }
        return;
      }
      case 'openNote':
        await this.commands.openNote({ noteId: message.noteId });
        return;
      case 'tickActionItem': {
        const problem = await tickActionItem(this.notes, message);
        if (problem) {
          void vscode.window.showWarningMessage(problem);
          this.refresh();
        }
        return;
      }
      case 'switchHat':
        await this.hats.switch();
        return;
      case 'delegation': {
        const deleted = await handleDelegationIntent(message.intent, { delegation: this.delegation, selfChecks: this.selfChecks, commands: this.commands });
        if (deleted) {
          this.post({ type: 'didDeleteDelegationItem', itemId: deleted.id, title: deleted.title });
        }
        return;
      }
      case 'stopPresenting':
        await this.presenting.set(false);
        return;
      case 'openPrinciple':
        if (isPrincipleId(message.id)) {
          await this.commands.openPrinciple({ principleId: message.id });
        } else {
          this.log.warn(`The sidebar asked for an unknown principle: ${message.id}`);
        }
        return;
      default:
        assertNever(message);
    }
  }

  private answer(request: WebviewRequest, result: MutationResult): void {
    this.post(
      result.ok
        ? { type: 'didCompleteRequest', requestId: request.requestId, personId: result.person.id }
        : { type: 'didCompleteRequest', requestId: request.requestId, error: result.error },
    );
  }
}

/** A preview that stays quick however long the note: a 5 MB note is shown in part. */
const PREVIEW_MAX_CHARS = 200_000;

function previewOf(markdown: string): string {
  return markdown.length <= PREVIEW_MAX_CHARS
    ? markdown
    : `${markdown.slice(0, PREVIEW_MAX_CHARS)}\n\n---\n\n_The preview shows the first part of this long note. Open the note to see all of it._\n`;
}
