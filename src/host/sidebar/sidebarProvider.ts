import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { parseWebviewMessage, requestIdOfRejected, type HostMessage, type WebviewMessage } from '../../shared/protocol';
import type { Snapshot } from '../../shared/protocol';
import { countOverdue, localToday } from '../../shared/team';
import type { HatState } from '../principles/hatState';
import type { NoteStore } from '../storage/noteStore';
import type { TeamStore } from '../storage/teamStore';
import type { DelegationStore } from '../storage/delegationStore';
import type { SidebarDraftStore } from '../storage/sidebarDraftStore';
import type { SelfCheckState } from '../delegation/selfCheckState';
import { sidebarPage, sidebarWebviewOptions, type FirstPage } from './firstPage';
import { runSidebarIntent } from './intentFailure';
import type { CommandHandlers } from '../commands/commandTable';
import type { RepaintHold } from './repaintHold';
import { cachedSnapshot, fullSnapshot, type CachedTeamSource } from './sidebarSnapshots';
import { firstRowsOf } from './snapshot';
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
  /** The team last shown, for the first paint of a fresh window; without it, nothing is shown before the data. */
  readonly cachedTeam?: CachedTeamSource;
  /** The data's last open (a re-read after another window encrypted, say): intents wait for it. */
  readonly dataOpened?: () => Promise<unknown>;
  /** Held while a 1:1's note opens: the sidebar repaints once the note shows, not in its way. */
  readonly repaints?: RepaintHold;
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
  /** Until the stores have loaded, the sidebar shows the cached team, if any, and intents wait. */
  private loading: Promise<void> | undefined;
  private readonly firstReadyAnswer = new Deferred();
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly shippedFiles = new Map<string, Uint8Array | undefined>();

  private readonly store: TeamStore;
  private readonly drafts: SidebarDraftStore;
  private readonly cachedTeam: CachedTeamSource | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly sources: SidebarSources,
    private readonly log: vscode.LogOutputChannel,
  ) {
    ({ team: this.store, drafts: this.drafts, cachedTeam: this.cachedTeam } = sources);
    this.disposables.push(
      ...[sources.team, sources.delegation, sources.hats, sources.selfChecks].map((source) => source.onDidChange(() => this.refresh())),
      // Presenting repaints at once, never held or put off: private details leave a shared screen now.
      sources.presenting.onDidChange(() => this.refreshNow()),
      // Most note saves change only prose: the sidebar repaints only when what it shows changed.
      sources.notes.onDidChangeSummary(() => this.refresh()),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    view.webview.options = sidebarWebviewOptions(this.extensionUri);
    // A fresh window's cached team goes in the page itself, a long team's first rows only
    // (firstRowsOf): painted as the script starts, the rest with the answer to its `ready`.
    const team = this.loading && this.cachedTeam ? cachedSnapshot(this.cachedTeam, this.sources) : undefined;
    const cached = team && firstRowsOf(team);
    view.webview.html = sidebarPage(view, this.extensionUri, (...parts) => this.shippedFile(parts), cached);
    markStartup(cached ? 'sidebar.html:cache' : 'sidebar.html');
    this.attach(view, cached !== undefined, []);
  }

  /**
   * Takes over a view whose first page was set before the core loaded (firstPage.ts), with the
   * messages its page sent meanwhile (its `ready`, most likely), handled now in order.
   */
  adopt(view: vscode.WebviewView, page: FirstPage): void {
    const kept = page.handOver();
    if (page.disposed) {
      return;
    }
    markStartup('sidebar.adopted');
    this.attach(view, page.withCachedTeam, kept);
  }

  private attach(view: vscode.WebviewView, pageHoldsSnapshot: boolean, kept: readonly unknown[]): void {
    this.view = view;
    if (!pageHoldsSnapshot) {
      this.postOpeningSnapshot();
    }
    let carriesCachedTeam = pageHoldsSnapshot;
    const dropCachedTeam = () => {
      // The team cached at the window's start would be painted again: names shown after
      // presenting began, or after Delete All. The page shown next waits for the host's answer.
      carriesCachedTeam = false;
      view.webview.html = sidebarPage(view, this.extensionUri, (...parts) => this.shippedFile(parts), undefined);
    };
    if (carriesCachedTeam && !view.visible) {
      // Hidden before the core took the first page over: no later hiding will come to drop it.
      dropCachedTeam();
    }
    const subscriptions = [
      view.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      // A hidden view's content is gone; showing it creates the content again, from this page.
      view.onDidChangeVisibility(() => {
        if (view.visible) {
          this.postOpeningSnapshot();
        } else if (carriesCachedTeam) {
          dropCachedTeam();
        }
      }),
    ];
    view.onDidDispose(() => {
      subscriptions.forEach((s) => s.dispose());
      if (this.view === view) {
        this.view = undefined;
      }
    });
    kept.forEach((raw) => this.receive(raw));
    this.updateBadge();
  }

  /** Files shipped with the extension never change while it runs: each is read once. */
  private shippedFile(parts: readonly string[]): Uint8Array | undefined {
    const file = vscode.Uri.joinPath(this.extensionUri, ...parts);
    if (file.scheme !== 'file') {
      return undefined;
    }
    const key = parts.join('/');
    if (!this.shippedFiles.has(key)) {
      let bytes: Uint8Array | undefined;
      try {
        bytes = readFileSync(file.fsPath);
      } catch (error) {
        this.log.warn(`The sidebar links ${key} instead of carrying it: ${String(error)}`);
      }
      this.shippedFiles.set(key, bytes);
    }
    return this.shippedFiles.get(key);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.disposables.forEach((d) => d.dispose());
  }

  /** Tells the webview that all data was deleted, so it drops its drafts too. */
  forgetUiState(): void {
    this.drafts.forget();
    void this.post({ type: 'didDeleteAllData' });
  }

  /**
   * Shows the cached team until `loaded` settles, then the stores. Meant for the first load of a
   * window: a reload later keeps showing the stores, which say what they are doing.
   */
  showCachedTeamUntil(loaded: Promise<void>): void {
    const loading = loaded.catch(() => undefined);
    this.loading = loading;
    void loading.then(() => {
      if (this.loading === loading) {
        this.loading = undefined;
        this.refresh();
      }
    });
  }

  /**
   * Settles once the webview's first `ready` has been answered and the answer handed to the
   * workbench, so that loading the data can wait for the first paint instead of competing with it.
   */
  firstReadyAnswered(): Promise<void> {
    return this.firstReadyAnswer.promise;
  }

  /** Repaints soon: changes that come together (a 1:1 start touches three stores) paint once. */
  refresh(): void {
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = undefined;
      if (this.sources.repaints) {
        this.sources.repaints.whenFree(this.repaintNow);
      } else {
        this.refreshNow();
      }
    }, REFRESH_DELAY_MS);
  }

  /** One function for every held repaint, so that a hold runs it once however often it was asked. */
  private readonly repaintNow = () => this.refreshNow();

  /**
   * Posted while the content's script is still loading, which VS Code holds until the webview is
   * ready: the snapshot is built and on its way in parallel, instead of after a round trip for
   * `ready` (a tenth of a second at 200 people). In a fresh window it may be dropped, so every
   * `ready` is answered too.
   */
  private postOpeningSnapshot(): void {
    void this.postSnapshot();
  }

  /** Offers the kept form to a view that just loaded; the view takes it only if it has none. */
  private async restoreDraft(): Promise<void> {
    // The draft store is among the stores a fresh window loads after its first paint.
    await this.loading;
    const form = await this.drafts.form();
    if (form) {
      void this.post({ type: 'didRestoreDraft', form });
    }
  }

  private refreshNow(): void {
    this.updateBadge();
    if (this.view?.visible) {
      void this.postSnapshot();
    }
  }

  /** Posts what the sidebar should show now; resolves once the workbench has taken it (or has none to take). */
  private async postSnapshot(): Promise<void> {
    const snapshot = this.snapshot();
    if (snapshot) {
      await this.post({ type: 'didChangeSnapshot', snapshot });
    }
  }

  /** Undefined while loading with no cached team: the first paint then waits for the data. */
  private snapshot(): Snapshot | undefined {
    if (this.loading) {
      return this.cachedTeam && cachedSnapshot(this.cachedTeam, this.sources);
    }
    return fullSnapshot(this.sources, this.historyOf);
  }

  private updateBadge(): void {
    if (!this.view) {
      return;
    }
    const overdue = countOverdue(this.store.all, localToday());
    this.view.badge =
      overdue > 0 ? { value: overdue, tooltip: overdue === 1 ? '1 person is overdue for a 1:1' : `${overdue} people are overdue for a 1:1` } : undefined;
  }

  private post(message: HostMessage): Promise<void> {
    // For `npm run bench`: what each early snapshot showed, and when it left.
    if (message.type === 'didChangeSnapshot') {
      markStartup(`sidebar.post:${message.snapshot.fromCache ? 'cache' : message.snapshot.storage.kind}:${message.snapshot.people.length}`);
    }
    return Promise.resolve(this.view?.webview.postMessage(message)).then(
      () => undefined,
      (error: unknown) => {
        this.log.warn(`Could not post ${message.type} to the sidebar: ${String(error)}`);
      },
    );
  }

  private receive(raw: unknown): void {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.log.warn(`Rejected a message from the sidebar: ${parsed.reason}`);
      const requestId = requestIdOfRejected(raw);
      if (requestId !== undefined) {
        void this.post({
          type: 'didCompleteRequest',
          requestId,
          error: vscode.l10n.t('Two Hats could not read this request from the sidebar. Nothing was changed.'),
        });
      }
      return;
    }
    void this.handle(parsed.message).catch((error: unknown) => {
      this.log.error(`Handling ${parsed.message.type} failed: ${String(error)}`);
    });
  }

  private async handle(message: WebviewMessage): Promise<void> {
    if (message.type === 'ready') {
      // Every `ready` gets a snapshot: the one posted as the content opened may have been dropped.
      this.historyOf = message.historyOf;
      void this.restoreDraft();
      await this.postSnapshot();
      this.firstReadyAnswer.resolve();
      return;
    }
    // A click on the cached team acts on the data once it is loaded, not on empty stores; a draft
    // kept before then would be dropped by the draft store's opening.
    await this.loading;
    // Like the palette's commands, never on stores emptied for a re-read.
    await this.sources.dataOpened?.();
    // Any error is told to the user and the view repainted (intentFailure.ts): none fails silently.
    await runSidebarIntent(message, {
      sources: this.sources,
      log: this.log,
      post: (message) => this.post(message),
      refresh: () => this.refresh(),
      showHistory: async (personId) => {
        this.historyOf = personId;
        await this.postSnapshot();
      },
    });
  }
}

/** A promise with its resolve at hand. */
class Deferred {
  resolve!: () => void;
  readonly promise = new Promise<void>((resolve) => (this.resolve = resolve));
}
