/**
 * A real SidebarProvider over real stores on a folder, with the webview's side of the channel in
 * the test's hands: messages in, posts out. Everything behind the channel is what ships.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommandHandlers } from '../../src/host/commands/commandTable';
import { COMMANDS } from '../../src/host/constants';
import { SelfCheckState } from '../../src/host/delegation/selfCheckState';
import { HatState } from '../../src/host/principles/hatState';
import { PresentingMode } from '../../src/host/presenting/presentingMode';
import { openFirstPage, type FirstPage } from '../../src/host/sidebar/firstPage';
import { SidebarProvider } from '../../src/host/sidebar/sidebarProvider';
import { DelegationStore } from '../../src/host/storage/delegationStore';
import type { NewerVersionGuard } from '../../src/host/storage/newerVersionGuard';
import { NoteStore } from '../../src/host/storage/noteStore';
import { SidebarDraftStore } from '../../src/host/storage/sidebarDraftStore';
import { TeamStore } from '../../src/host/storage/teamStore';
import type { SidebarTeamCache } from '../../src/host/sidebar/teamCache';
import type { RepaintHold } from '../../src/host/sidebar/repaintHold';
import type { HostMessage } from '../../src/shared/protocol';

/** A memento kept in memory: the provider's own state, not what is under test. */
export class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T {
    return (this.values.has(key) ? this.values.get(key) : fallback) as T;
  }
  update(key: string, value: unknown): Thenable<void> {
    // As VS Code's own: storing undefined removes the key.
    if (value === undefined) {
      this.values.delete(key);
    } else {
      this.values.set(key, value);
    }
    return Promise.resolve();
  }
}

export interface SidebarOnFolder {
  readonly team: TeamStore;
  readonly notes: NoteStore;
  readonly delegation: DelegationStore;
  readonly drafts: SidebarDraftStore;
  /** Everything the host posted to the webview, oldest first. */
  readonly posted: HostMessage[];
  /** What the provider logged as a warning. */
  readonly warnings: string[];
  /** The page the provider gave the webview. */
  html(): string;
  /** With `firstPage`: the provider takes over the view (the core has loaded); otherwise nothing. */
  adopt(): void;
  /** With `firstPage`: the page set before the core loaded, as activation holds it. */
  readonly firstPage: FirstPage | undefined;
  /** Collapses or shows the view, as the workbench does: hidden, its page is gone. */
  setVisible(visible: boolean): void;
  /** Sends a message as the webview would (raw: it is not checked on this side). */
  send(message: unknown): void;
  /** Ends this "window": the provider and its stores, like an extension host shutting down. */
  close(): void;
  /** With `loadLater`: opens the stores now, as a fresh window does once the sidebar has painted. */
  load(): Promise<void>;
  /** Opens the stores again on the same folder, as the product's reload does. */
  reload(): Promise<void>;
}

export interface SidebarOptions {
  /** This "window's" presenting mode, when the test follows it; otherwise one of its own. */
  readonly presenting?: PresentingMode;
  /** The team cache the sidebar paints from while the stores load. */
  readonly teamCache?: SidebarTeamCache;
  /** The stores open only when the test calls `load`, and the sidebar shows the cache until then. */
  readonly loadLater?: boolean;
  /** The notes' guard, when the test turns this "window" read-only as a newer file would. */
  readonly guard?: NewerVersionGuard;
  /** The data's last open as the extension tracks it (a re-read under way): intents wait for it. */
  readonly dataOpened?: () => Promise<unknown>;
  /** Held while a 1:1's note opens, as the extension holds it. */
  readonly repaints?: RepaintHold;
  /**
   * The view's first page is set before the core loads, as in a fresh window (firstPage.ts), from
   * this window's global state and storage; the provider takes the view over at `adopt`.
   */
  readonly firstPage?: {
    readonly globalState: vscode.Memento;
    readonly globalStorageUri: vscode.Uri;
    readonly workspaceState: vscode.Memento;
  };
}

/**
 * The palette actions of the Two Hats running in this host, reached through their command ids:
 * this provider's own stores are for what it does itself (people, drafts, validation).
 */
const runningCommands = new Proxy({} as CommandHandlers, {
  get: (_, name) => (args: unknown) => vscode.commands.executeCommand(COMMANDS[name as keyof typeof COMMANDS], args),
});

export async function openSidebarOn(folder: vscode.Uri, options: SidebarOptions = {}): Promise<SidebarOnFolder> {
  const location = { kind: 'folder', uri: folder, scope: 'workspace' } as const;
  const team = new TeamStore();
  const notes = new NoteStore(options.guard);
  const delegation = new DelegationStore();
  const drafts = new SidebarDraftStore();
  const openStores = () => Promise.all([team.open(location), delegation.open(location), drafts.open(location), notes.open(folder)]).then(() => undefined);
  let startLoading = () => undefined as void;
  const loaded = options.loadLater ? new Promise<void>((resolve) => (startLoading = resolve)).then(openStores) : openStores();
  if (!options.loadLater) {
    await loaded;
  }
  const memento = new MemoryMemento();
  const warnings: string[] = [];
  const channel = vscode.window.createOutputChannel('Two Hats sidebar test', { log: true });
  const log = new Proxy(channel, {
    get: (target, key) => (key === 'warn' ? (message: string) => warnings.push(message) : Reflect.get(target, key)),
  });
  const provider = new SidebarProvider(
    vscode.Uri.file(path.join(__dirname, '..', '..', '..')),
    {
      team,
      notes,
      delegation,
      drafts,
      hats: new HatState(memento),
      selfChecks: new SelfCheckState(memento),
      presenting: options.presenting ?? new PresentingMode(memento),
      commands: runningCommands,
      ...(options.teamCache ? { cachedTeam: { cache: options.teamCache, location: () => location } } : {}),
      ...(options.dataOpened ? { dataOpened: options.dataOpened } : {}),
      ...(options.repaints ? { repaints: options.repaints } : {}),
    },
    log,
  );
  if (options.loadLater) {
    provider.showCachedTeamUntil(loaded);
  }
  const incoming = new vscode.EventEmitter<unknown>();
  const visibility = new vscode.EventEmitter<void>();
  const posted: HostMessage[] = [];
  const view = {
    visible: true,
    webview: {
      options: {},
      html: '',
      cspSource: 'vscode-resource:',
      asWebviewUri: (uri: vscode.Uri) => uri,
      onDidReceiveMessage: incoming.event,
      postMessage: (message: HostMessage) => {
        posted.push(message);
        return Promise.resolve(true);
      },
    },
    onDidChangeVisibility: visibility.event,
    onDidDispose: () => new vscode.Disposable(() => undefined),
  } as unknown as vscode.WebviewView;
  const setVisible = (visible: boolean) => {
    (view as { visible: boolean }).visible = visible;
    visibility.fire();
  };
  const extensionUri = vscode.Uri.file(path.join(__dirname, '..', '..', '..'));
  let adopt = () => undefined as void;
  let firstPage: FirstPage | undefined;
  if (options.firstPage) {
    const context = { extensionUri, storageUri: folder, ...options.firstPage } as unknown as vscode.ExtensionContext;
    const page = openFirstPage(view, context);
    firstPage = page;
    adopt = () => provider.adopt(view, page);
  } else {
    provider.resolveWebviewView(view);
  }
  return {
    adopt,
    firstPage,
    setVisible,
    team,
    notes,
    delegation,
    drafts,
    posted,
    warnings,
    html: () => view.webview.html,
    send: (message) => incoming.fire(message),
    load: () => {
      startLoading();
      return loaded;
    },
    reload: openStores,
    close() {
      provider.dispose();
      [team, notes, delegation, drafts, channel, incoming].forEach((d) => d.dispose());
    },
  };
}
