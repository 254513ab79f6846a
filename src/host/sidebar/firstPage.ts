/**
 * The sidebar's first page in a window, built before Two Hats' core is loaded (dist/firstPage.js,
 * required by the activation module on the first open of the view). Loading the core took 0.15 to
 * 0.3 s of a fresh window's click to painted team; now the page is on its way first and the core
 * loads while the webview builds it, then takes the view over (SidebarProvider.adopt). Messages
 * the page sends before then are kept and handed over with the view.
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { installHostLocalization } from '../localization';
import { hatIn } from '../principles/hatState';
import { presentingAtStart } from '../presenting/presentingAtStart';
import { resolveDataLocation } from '../storage/dataLocation';
import { markStartup } from '../startupTimeline';
import type { Snapshot } from '../../shared/protocol';
import { forPresenting } from './presentingSnapshot';
import { buildSidebarHtml } from './sidebarHtml';
import { cachedSnapshot } from './sidebarSnapshots';
import { firstRowsOf } from './snapshot';
import { SidebarTeamCache } from './teamCache';

/** What the sidebar's webview may do and load; the same for the first page and every later one. */
export function sidebarWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** How long the core waits for the first page to speak before taking the view over anyway. */
const UNHEARD_PAGE_MS = 1000;

/**
 * How long after the page's first message (sent once its first frame is drawn) the core loads.
 * The core's load is 60 to 90 ms of one core of a small machine; right after the frame, it held
 * back the workbench and the browser in showing that frame: `npm run bench` saw the painted
 * sidebar reach the outside stopwatch 90 ms after the page's frame, against the floor's 30, and
 * with 100 ms of breath the team's rows still waited for the load in half the windows. A click
 * in this breath is kept and handled when the core has taken the view over.
 */
const BREATH_AFTER_FIRST_FRAME_MS = 200;

/** A view whose page is showing, waiting for the core; `handOver` is called once, by the core. */
export interface FirstPage {
  /** Whether the page carries the cached team (then the core need not post an opening snapshot). */
  readonly withCachedTeam: boolean;
  /** Whether the view was closed before the core took it. */
  readonly disposed: boolean;
  /**
   * Calls `takeOver` once, in a task of its own: shortly after the page's first message (its
   * `ready`, sent once its first frame is drawn), when the view closes, or after `unheardMs` of
   * silence (a page whose script never ran, a view hidden at once). The core's loading and its
   * first reads of the data took the two cores of a small machine while the workbench was still
   * carrying the page to the webview: the page's message waited for them (issue #15).
   */
  whenPainted(takeOver: () => void, unheardMs?: number): void;
  /** Stops keeping messages and gives those kept so far, in order. */
  handOver(): unknown[];
}

/**
 * The cached team, with presenting's filter. Built as the view opens: built ahead at activation it
 * saved nothing (the bench's host steps: the workbench's request came that much later, and the
 * page was set at the same moment), and could be stale by the time the view opened.
 */
function openingSnapshot(context: vscode.ExtensionContext): Snapshot | undefined {
  const location = resolveDataLocation(context);
  const team = cachedSnapshot(
    { cache: new SidebarTeamCache(context.workspaceState), location: () => location },
    { hats: { current: hatIn(context.globalState) }, presenting: { on: false } },
  );
  // The cache holds nothing private, but the filter is the one rule for a shared screen.
  const shown = team && presentingAtStart(context.globalState, context.globalStorageUri) ? forPresenting(team) : team;
  return shown && firstRowsOf(shown);
}

/**
 * Sets the page of a view opened before the core is loaded. With the cached team (what the
 * sidebar showed last time in this folder, names and due dates only) the team is painted as the
 * page's script starts, exactly as the core would paint it: filtered for presenting when presenting
 * mode is on, or may be (presentingAtStart), and never for data that is encrypted.
 */
export function openFirstPage(view: vscode.WebviewView, context: vscode.ExtensionContext): FirstPage {
  installHostLocalization();
  const kept: unknown[] = [];
  let keeping = true;
  let disposed = false;
  let heard = () => {};
  const hear = () => heard();
  const listening = view.webview.onDidReceiveMessage((message: unknown) => {
    if (keeping) {
      kept.push(message);
      hear();
    }
  });
  const closing = view.onDidDispose(() => {
    disposed = true;
    hear();
  });
  view.webview.options = sidebarWebviewOptions(context.extensionUri);
  const cached = openingSnapshot(context);
  markStartup(cached ? 'sidebar.cache.read' : 'sidebar.cache.none');
  view.webview.html = sidebarPage(view, context.extensionUri, (...parts) => readShipped(context.extensionUri, parts), cached);
  markStartup(cached ? 'sidebar.html:early:cache' : 'sidebar.html:early');
  return {
    withCachedTeam: cached !== undefined,
    get disposed() {
      return disposed;
    },
    whenPainted(takeOver, unheardMs = UNHEARD_PAGE_MS) {
      let done = false;
      const once = (breathMs: number) => {
        if (!done) {
          done = true;
          clearTimeout(unheard);
          heard = () => {};
          setTimeout(takeOver, breathMs);
        }
      };
      const unheard = setTimeout(() => once(0), unheardMs);
      heard = () => once(disposed ? 0 : BREATH_AFTER_FIRST_FRAME_MS);
      if (disposed || kept.length > 0) {
        heard();
      }
    },
    handOver() {
      keeping = false;
      listening.dispose();
      closing.dispose();
      return kept.splice(0);
    },
  };
}

/** The sidebar's page for `view`, the opening snapshot in it when given. */
export function sidebarPage(
  view: vscode.WebviewView,
  extensionUri: vscode.Uri,
  read: (...parts: string[]) => Uint8Array | undefined,
  openingSnapshot: Parameters<typeof buildSidebarHtml>[3],
): string {
  return buildSidebarHtml(
    {
      cspSource: view.webview.cspSource,
      asset: (...parts) => view.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString(),
      read,
    },
    undefined,
    undefined,
    openingSnapshot,
  );
}

/** A file shipped with the extension; undefined when unreadable (the page then links it). */
function readShipped(extensionUri: vscode.Uri, parts: readonly string[]): Uint8Array | undefined {
  const file = vscode.Uri.joinPath(extensionUri, ...parts);
  if (file.scheme !== 'file') {
    return undefined;
  }
  try {
    return readFileSync(file.fsPath);
  } catch {
    return undefined;
  }
}
