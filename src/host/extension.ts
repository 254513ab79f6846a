/**
 * Composition root: builds the store, the sidebar and the commands, and nothing else.
 * Activation is implicit from the contributed view and commands; nothing here runs at startup.
 */
import * as vscode from 'vscode';
import { COMMANDS, SETTINGS, SIDEBAR_VIEW_ID } from './constants';
import { registerExportImportCommands } from './oneOnOnes/exportImport';
import { NOTE_SCHEME, NoteFileSystem } from './oneOnOnes/noteFileSystem';
import { registerOneOnOneCommands } from './oneOnOnes/oneOnOneCommands';
import { registerSearchCommand } from './oneOnOnes/searchCommand';
import { registerTalkingPointCommands } from './oneOnOnes/talkingPointCommands';
import { registerTemplateCommands } from './oneOnOnes/templateLibrary';
import { HatState } from './principles/hatState';
import { LastNoteEditor } from './principles/noteInsertion';
import { registerPrincipleCommands } from './principles/principleCommands';
import { registerPrincipleDocuments } from './principles/principleViewer';
import { registerDelegationCommands } from './delegation/delegationCommands';
import { registerReflectionCommands, SelfCheckState } from './delegation/reflectionCommands';
import { SidebarProvider } from './sidebar/sidebarProvider';
import { DelegationStore } from './storage/delegationStore';
import { deleteAllData, registerDataCommands } from './storage/dataCommands';
import { BackupKeeper, workspaceIdentity } from './storage/backups';
import { resolveDataLocation } from './storage/dataLocation';
import { offerRestoreIfEmpty, registerRestoreCommand } from './storage/restoreCommands';
import { NoteStore } from './storage/noteStore';
import type { DataLocation } from './storage/jsonFileStore';
import { TeamStore } from './storage/teamStore';
import { registerGoalCommands } from './team/goalCommands';
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
  const noteStore = new NoteStore();
  const delegation = new DelegationStore();
  const selfChecks = new SelfCheckState(context.workspaceState);
  const hats = new HatState(context.globalState);
  const notes = new LastNoteEditor();
  const sidebar = new SidebarProvider(context.extensionUri, { team: store, notes: noteStore, delegation, hats, selfChecks }, log);
  const backups = new BackupKeeper(vscode.Uri.joinPath(context.globalStorageUri, 'backups'), { team: store, delegation, notes: noteStore }, log);
  const openAt = async (location: DataLocation) => {
    await Promise.all([store.open(location), delegation.open(location), noteStore.open(location.kind === 'folder' ? location.uri : undefined)]);
    // Global storage does not move with a folder; only workspace storage needs the backup.
    const folder = location.kind === 'folder' && location.scope === 'workspace' ? location.uri : undefined;
    await backups.follow(folder, folder ? await workspaceIdentity(folder) : undefined);
  };
  const deleteEverything = () =>
    deleteAllData(
      context,
      () => Promise.all([noteStore.flush(), backups.flush()]).then(() => undefined),
      async () => {
        sidebar.forgetUiState();
        await openAt(resolveDataLocation(context));
      },
    );
  const restoreContext = {
    backups,
    sources: { team: store, delegation, notes: noteStore },
    workspaceState: context.workspaceState,
    reopen: () => openAt(resolveDataLocation(context)),
  };
  context.subscriptions.push(
    log,
    store,
    noteStore,
    delegation,
    selfChecks,
    hats,
    notes,
    sidebar,
    backups,
    registerRestoreCommand(restoreContext),
    vscode.commands.registerCommand(COMMANDS.reloadData, () => restoreContext.reopen()),
    vscode.workspace.registerFileSystemProvider(NOTE_SCHEME, new NoteFileSystem(noteStore), { isCaseSensitive: true }),
    ...registerOneOnOneCommands(store, noteStore, delegation, context.workspaceState),
    ...registerDelegationCommands(delegation, store),
    ...registerReflectionCommands(delegation, selfChecks),
    ...registerTalkingPointCommands(store),
    registerSearchCommand(store, noteStore),
    ...registerTemplateCommands(store, noteStore),
    ...registerExportImportCommands(store, noteStore),
    registerPrincipleDocuments(),
    ...registerPrincipleCommands(hats, notes),
    vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, sidebar),
    ...registerTeamCommands(store),
    ...registerGoalCommands(store),
    ...registerDataCommands(store, [store, delegation, noteStore]),
    vscode.commands.registerCommand(COMMANDS.deleteAllData, deleteEverything),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.useGlobalStorageWhenNoFolder}`)) {
        void openAt(resolveDataLocation(context));
      }
      if (event.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.weeklySelfCheck}`)) {
        sidebar.refresh();
      }
    }),
  );
  context.subscriptions.push(
    noteStore.onDidReconcile((found) => {
      if (found.added + found.updated + found.removed > 0) {
        log.info(`Notes changed outside Two Hats: ${found.added} added, ${found.updated} edited, ${found.removed} deleted; the index was rebuilt.`);
      }
      if (found.unplaced > 0) {
        log.warn(`${found.unplaced} Markdown file(s) in the notes folder have no header, so Two Hats cannot tell whose they are. They are kept as they are.`);
      }
    }),
  );
  const loaded = openAt(resolveDataLocation(context));
  void loaded.then(() => noteStore.reconciled()).then(() => offerRestoreIfEmpty(restoreContext));
  return {
    dataLocation: () => store.dataFolder,
    ready: () => loaded,
  };
}

export function deactivate(): void {
  // Saves are awaited when they are made; the background writes (the note index, a cache, and
  // the backup) are flushed by the stores' dispose, and rebuilt at the next start if cut short.
}
