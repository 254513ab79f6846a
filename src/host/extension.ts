/**
 * Activation. VS Code counts loading this module and calling `activate` as the activation time,
 * and every extension activating after this one waits for it. So activation only puts up doors:
 * a placeholder for each contributed command, the sidebar and the note file system. The first
 * door used loads the rest of Two Hats (dist/core.js, `twoHats.ts`) and steps aside; the sidebar's
 * first open sets its page first (dist/firstPage.js, `sidebar/firstPage.ts`), then loads the core.
 */
import * as vscode from 'vscode';
import { COMMANDS, NOTE_SCHEME, SIDEBAR_VIEW_ID } from './constants';
import { markStartup, startupTimeline, type StartupMark } from './startupTimeline';
import type { StartedBy, StartedTwoHats, TwoHatsApi } from './twoHats';

export type { TwoHatsApi } from './twoHats';

/** The API, and for `npm run bench` the moments of this window's start (kept in memory only). */
export interface TwoHatsApiWithTimeline extends TwoHatsApi {
  startupTimeline(): readonly StartupMark[];
}

type CoreModule = typeof import('./twoHats');
type FirstPageModule = typeof import('./sidebar/firstPage');

export function activate(context: vscode.ExtensionContext): TwoHatsApiWithTimeline {
  markStartup('activate');
  // The command table's ids; a unit test holds them against package.json's contributed commands.
  const placeholders = Object.values(COMMANDS).map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      // The real command replaces this placeholder synchronously, but it needs the data loaded.
      await start().api.ready().catch(() => undefined);
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  const noteFileSystem = new NoteFileSystemDoor(() => start());
  let started: StartedTwoHats | undefined;
  let firstPageModule: FirstPageModule | undefined;
  const firstPage = (): FirstPageModule => {
    if (!firstPageModule) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      firstPageModule = require('./firstPage.js') as FirstPageModule;
      markStartup('firstPage.loaded');
    }
    return firstPageModule;
  };
  /** First pages waiting for the core to take their view over (FirstPage.whenPainted). */
  const waitingPages = new Set<() => void>();
  const start = (startedBy: StartedBy = 'other'): StartedTwoHats => {
    if (!started) {
      // Gone before the core registers the same ids, which would otherwise throw.
      placeholders.forEach((placeholder) => placeholder.dispose());
      // A separate bundle, so that its 160 KB are read on first use, not at activation.
      markStartup('core.require');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const core = require('./core.js') as CoreModule;
      markStartup('core.loaded');
      // With a first page showing, the core starts as the sidebar's, whichever door came first.
      started = core.startTwoHats(context, waitingPages.size > 0 ? 'sidebar' : startedBy);
      markStartup('core.started');
      void started.api.ready().then(() => markStartup('data.ready'), () => undefined);
      noteFileSystem.connect(started.noteFileSystem);
      // Another door (a command, a restored note tab) started the core while a first page was
      // painting: its view is taken over now, not once the page speaks.
      [...waitingPages].forEach((takeOver) => takeOver());
    }
    return started;
  };
  context.subscriptions.push(
    { dispose: () => placeholders.forEach((placeholder) => placeholder.dispose()) },
    noteFileSystem,
    vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, {
      resolveWebviewView: (view) => {
        markStartup('sidebar.resolve');
        if (started) {
          const resolved = started.sidebar.resolveWebviewView(view);
          markStartup('sidebar.resolved');
          return resolved;
        }
        // The first open: the page goes out now, built by a small bundle; the core loads once the
        // page has painted the cached team (FirstPage.whenPainted: why), then takes the view over.
        markStartup('firstPage.require');
        const page = firstPage().openFirstPage(view, context);
        markStartup('sidebar.resolved');
        let takenOver = false;
        const takeOver = () => {
          if (takenOver) {
            return;
          }
          takenOver = true;
          waitingPages.delete(takeOver);
          try {
            start('sidebar').sidebar.adopt(view, page);
          } catch (error: unknown) {
            showCoreFailure(view, page, error);
          }
        };
        if (page.withCachedTeam) {
          waitingPages.add(takeOver);
          page.whenPainted(takeOver);
        } else {
          // Nothing to paint before the data (a first start, an encrypted folder's sealed team):
          // the core loads at once, after this turn.
          setTimeout(takeOver, 0);
        }
      },
    }),
    vscode.workspace.registerFileSystemProvider(NOTE_SCHEME, noteFileSystem, { isCaseSensitive: true }),
  );
  markStartup('activated');
  return {
    dataLocation: () => start().api.dataLocation(),
    ready: () => start().api.ready(),
    startupTimeline,
  };
}

/**
 * The core could not load or start (a damaged install, most likely): the first page would go on
 * showing the cached team, deaf to clicks and to presenting mode. It is replaced by a sentence
 * with nothing from the data in it; the error itself goes to the extension host's log only (it
 * may name a path under the home folder).
 */
function showCoreFailure(view: vscode.WebviewView, page: { readonly disposed: boolean; handOver(): readonly unknown[] }, error: unknown): void {
  console.error('Two Hats could not start', error);
  page.handOver();
  const sentence = vscode.l10n.t('Two Hats could not start. Reload the window to try again; if it happens again, reinstall the extension.');
  if (page.disposed) {
    void vscode.window.showErrorMessage(sentence);
    return;
  }
  const text = sentence.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  view.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head><body><p role="alert" style="padding: 0 12px; color: var(--vscode-errorForeground)">${text}</p></body></html>`;
  void vscode.window.showErrorMessage(sentence);
}

export function deactivate(): void {
  // Saves are awaited when they are made; the background writes (the note index, a cache, and
  // the backup) are flushed by the stores' dispose, and rebuilt at the next start if cut short.
}

/**
 * Notes restored in editor tabs at startup activate Two Hats through this scheme; the first read
 * starts the core. Its change events are forwarded from the moment it exists.
 */
class NoteFileSystemDoor implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private inner: vscode.FileSystemProvider | undefined;
  private forwarding: vscode.Disposable | undefined;

  /** `start` loads the core, which calls `connect`. */
  constructor(private readonly start: () => void) {}

  connect(inner: vscode.FileSystemProvider): void {
    this.inner = inner;
    this.forwarding = inner.onDidChangeFile((events) => this.changes.fire(events));
  }

  private get target(): vscode.FileSystemProvider {
    if (!this.inner) {
      this.start();
    }
    return this.inner!;
  }

  watch(uri: vscode.Uri, options: Parameters<vscode.FileSystemProvider['watch']>[1]): vscode.Disposable {
    return this.target.watch(uri, options);
  }
  stat(uri: vscode.Uri) {
    return this.target.stat(uri);
  }
  readDirectory(uri: vscode.Uri) {
    return this.target.readDirectory(uri);
  }
  createDirectory(uri: vscode.Uri) {
    return this.target.createDirectory(uri);
  }
  readFile(uri: vscode.Uri) {
    return this.target.readFile(uri);
  }
  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }) {
    return this.target.writeFile(uri, content, options);
  }
  delete(uri: vscode.Uri, options: { readonly recursive: boolean }) {
    return this.target.delete(uri, options);
  }
  rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }) {
    return this.target.rename(oldUri, newUri, options);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changes.dispose();
  }
}
