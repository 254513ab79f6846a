/**
 * Composition root: builds the stores, the sidebar and the commands, and nothing else. Loaded by
 * `extension.ts` on first use (its own bundle, dist/core.js), which keeps activation to a few
 * milliseconds; the sidebar and the note file system are handed back for it to serve.
 */
import * as vscode from 'vscode';
import { Consents } from './consent';
import { COMMANDS, SETTINGS } from './constants';
import { registerBriefCommands } from './oneOnOnes/briefCommands';
import { registerExportImportCommands } from './oneOnOnes/exportImport';
import { registerHandoverExportCommand } from './oneOnOnes/handoverExport';
import { registerMarkdownFolderImport } from './oneOnOnes/markdownFolderImport';
import { registerScheduleCommands, scheduleDueReminder } from './oneOnOnes/scheduleCommands';
import { NoteFileSystem } from './oneOnOnes/noteFileSystem';
import { registerOneOnOneCommands } from './oneOnOnes/oneOnOneCommands';
import { registerSearchCommand } from './oneOnOnes/searchCommand';
import { registerTalkingPointCommands } from './oneOnOnes/talkingPointCommands';
import { registerTemplateCommands } from './oneOnOnes/templateLibrary';
import { registerCodeLinks } from './oneOnOnes/codeLinks';
import { installHostLocalization } from './localization';
import { HatState } from './principles/hatState';
import { LastNoteEditor } from './principles/noteInsertion';
import { registerPrincipleCommands } from './principles/principleCommands';
import { registerPrincipleDocuments } from './principles/principleViewer';
import { registerDelegationCommands } from './delegation/delegationCommands';
import { registerReflectionCommands, SelfCheckState } from './delegation/reflectionCommands';
import { PresentingMode, registerPresentingCommands } from './presenting/presentingMode';
import { NotesAsPlainTextWhilePresenting } from './presenting/notesAsPlainText';
import { PrivateNoteMask } from './presenting/privateNoteMask';
import { SidebarProvider } from './sidebar/sidebarProvider';
import { DelegationStore } from './storage/delegationStore';
import { deleteAllData, registerDataCommands } from './storage/dataCommands';
import { BackupKeeper, workspaceIdentity } from './storage/backups';
import { resolveDataLocation } from './storage/dataLocation';
import { offerRestoreIfEmpty, registerRestoreCommand } from './storage/restoreCommands';
import { NewerVersionGuard } from './storage/newerVersionGuard';
import { NoteStore } from './storage/noteStore';
import type { DataLocation } from './storage/jsonFileStore';
import { SidebarDraftStore } from './storage/sidebarDraftStore';
import { TeamStore } from './storage/teamStore';
import { registerGoalCommands } from './team/goalCommands';
import { registerErasePersonCommand } from './team/erasePerson';
import { registerTeamCommands } from './team/teamCommands';

/** What Two Hats offers other extensions (and its own tests). */
export interface TwoHatsApi {
  /** The folder on this machine holding this workspace's Two Hats data, if there is one. */
  dataLocation(): vscode.Uri | undefined;
  /** Resolves once the data has been loaded. */
  ready(): Promise<void>;
}

/** What the activation shim serves once Two Hats has started. */
export interface StartedTwoHats {
  readonly api: TwoHatsApi;
  readonly sidebar: vscode.WebviewViewProvider;
  readonly noteFileSystem: vscode.FileSystemProvider;
}

/** Registers every command (the shim's placeholders are gone by now) and starts loading the data. */
export function startTwoHats(context: vscode.ExtensionContext): StartedTwoHats {
  installHostLocalization();
  const log = vscode.window.createOutputChannel('Two Hats', { log: true });
  // One for the window: a file from a newer Two Hats makes every store read-only together.
  const guard = new NewerVersionGuard();
  const store = new TeamStore({ guard });
  const noteStore = new NoteStore(guard);
  const delegation = new DelegationStore({ guard });
  const drafts = new SidebarDraftStore({ guard });
  const selfChecks = new SelfCheckState(context.workspaceState);
  const consents = new Consents(context.workspaceState);
  const hats = new HatState(context.globalState);
  const notes = new LastNoteEditor();
  const presenting = new PresentingMode(context.globalState, context.globalStorageUri);
  const noteFileSystem = new NoteFileSystem(noteStore);
  const sidebar = new SidebarProvider(context.extensionUri, { team: store, notes: noteStore, delegation, hats, selfChecks, drafts, presenting }, log);
  const backups = new BackupKeeper(vscode.Uri.joinPath(context.globalStorageUri, 'backups'), { team: store, delegation, notes: noteStore }, log, guard);
  const openAt = async (location: DataLocation) => {
    guard.reset();
    await Promise.all([store.open(location), delegation.open(location), drafts.open(location), noteStore.open(location.kind === 'folder' ? location.uri : undefined)]);
    // Global storage does not move with a folder; only workspace storage needs the backup.
    const folder = location.kind === 'folder' && location.scope === 'workspace' ? location.uri : undefined;
    await backups.follow(folder, folder ? await workspaceIdentity(folder) : undefined);
  };
  const deleteEverything = () =>
    deleteAllData(
      context,
      () => Promise.all([noteStore.flush(), backups.flush(), drafts.flush()]).then(() => undefined),
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
    guard,
    guard.onDidTurnReadOnly((message) => {
      log.warn(message);
      void vscode.window.showWarningMessage(message);
      sidebar.refresh();
    }),
    store,
    noteStore,
    delegation,
    drafts,
    selfChecks,
    hats,
    notes,
    presenting,
    new PrivateNoteMask(presenting),
    new NotesAsPlainTextWhilePresenting(presenting),
    ...registerPresentingCommands(presenting),
    sidebar,
    backups,
    registerRestoreCommand(restoreContext),
    vscode.commands.registerCommand(COMMANDS.reloadData, () => restoreContext.reopen()),
    noteFileSystem,
    registerCodeLinks(),
    ...registerOneOnOneCommands(store, noteStore, delegation, context.workspaceState, consents),
    ...registerDelegationCommands(delegation, store),
    ...registerReflectionCommands(delegation, selfChecks, presenting, consents),
    ...registerTalkingPointCommands(store),
    registerSearchCommand(store, noteStore, presenting),
    ...registerTemplateCommands(store, noteStore, consents),
    ...registerExportImportCommands(store, noteStore),
    registerHandoverExportCommand(store, noteStore),
    registerErasePersonCommand({ team: store, notes: noteStore, delegation, drafts, backups, workspaceState: context.workspaceState }),
    registerMarkdownFolderImport(store, noteStore),
    ...registerBriefCommands({ team: store, notes: noteStore, delegation, isHidden: () => presenting.on, onDidChangeHidden: presenting.onDidChange }),
    ...registerScheduleCommands(store),
    registerPrincipleDocuments(),
    ...registerPrincipleCommands(hats, notes),
    ...registerTeamCommands(store),
    ...registerGoalCommands(store),
    ...registerDataCommands(store, [store, delegation, drafts, noteStore]),
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
  // The core loads on first use, never at startup; the reminder waits a little longer still.
  context.subscriptions.push(scheduleDueReminder(store, context.workspaceState, loaded));
  void loaded.then(() => noteStore.reconciled()).then(() => offerRestoreIfEmpty(restoreContext));
  return {
    api: { dataLocation: () => store.dataFolder, ready: () => loaded },
    sidebar,
    noteFileSystem,
  };
}
