/**
 * Composition root: builds the store, the sidebar and the commands, and nothing else.
 * Activation is implicit from the contributed view and commands; nothing here runs at startup.
 */
import * as vscode from 'vscode';
import { SETTINGS, SIDEBAR_VIEW_ID } from './constants';
import { HatState } from './principles/hatState';
import { LastNoteEditor } from './principles/noteInsertion';
import { registerPrincipleCommands } from './principles/principleCommands';
import { registerPrincipleDocuments } from './principles/principleViewer';
import { SidebarProvider } from './sidebar/sidebarProvider';
import { registerDataCommands } from './storage/dataCommands';
import { resolveDataLocation } from './storage/dataLocation';
import { TeamStore } from './storage/teamStore';
import { registerTeamCommands } from './team/teamCommands';

/** What Two Hats offers other extensions (and its own tests). */
export interface TwoHatsApi {
  /** The folder on this machine holding this workspace's Two Hats data, if there is one. */
  dataLocation(): vscode.Uri | undefined;
  /** Resolves once the data has been loaded. */
  ready(): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): TwoHatsApi {
  const log = vscode.window.createOutputChannel('Two Hats', { log: true });
  const store = new TeamStore();
  const hats = new HatState(context.globalState);
  const notes = new LastNoteEditor();
  const sidebar = new SidebarProvider(context.extensionUri, store, hats, log);
  context.subscriptions.push(
    log,
    store,
    hats,
    notes,
    sidebar,
    registerPrincipleDocuments(),
    ...registerPrincipleCommands(hats, notes),
    vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, sidebar),
    ...registerTeamCommands(store),
    ...registerDataCommands(store),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.useGlobalStorageWhenNoFolder}`)) {
        void store.open(resolveDataLocation(context));
      }
    }),
  );
  const loaded = store.open(resolveDataLocation(context));
  return {
    dataLocation: () => store.dataFolder,
    ready: () => loaded,
  };
}

export function deactivate(): void {
  // Every write is awaited when it is made; there is nothing left to flush here.
}
