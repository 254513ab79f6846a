/**
 * Composition root: builds the stores, the sidebar and the commands, and nothing else. Loaded by
 * `extension.ts` on first use (its own bundle, dist/core.js), which keeps activation to a few
 * milliseconds; the sidebar and the note file system are handed back for it to serve.
 */
import * as vscode from 'vscode';
import { Consents } from './consent';
import { registerCommandTable, type CommandHandlers } from './commands/commandTable';
import { SETTINGS } from './constants';
import { briefCommands, registerBriefDocuments } from './oneOnOnes/briefCommands';
import { BriefPreviewTabs } from './oneOnOnes/briefPreviewTabs';
import { exportImportCommands } from './oneOnOnes/exportImport';
import { handoverExportCommands } from './oneOnOnes/handoverExport';
import { scheduleDueReminder } from './oneOnOnes/dueReminder';
import { fileFormatCommands } from './oneOnOnes/fileFormatCommands';
import { NoteFileSystem } from './oneOnOnes/noteFileSystem';
import { oneOnOneCommands } from './oneOnOnes/oneOnOneCommands';
import { searchCommands } from './oneOnOnes/searchCommand';
import { talkingPointCommands } from './oneOnOnes/talkingPointCommands';
import { templateCommands } from './oneOnOnes/templateLibrary';
import { registerCodeLinks } from './oneOnOnes/codeLinks';
import { installHostLocalization } from './localization';
import { HatState } from './principles/hatState';
import { LastNoteEditor } from './principles/noteInsertion';
import { principleCommands } from './principles/principleCommands';
import { registerPrincipleDocuments } from './principles/principleViewer';
import { delegationCommands } from './delegation/delegationCommands';
import { reflectionCommands } from './delegation/reflectionCommands';
import { SelfCheckState } from './delegation/selfCheckState';
import { PresentingMode, presentingCommands } from './presenting/presentingMode';
import { NotesAsPlainTextWhilePresenting } from './presenting/notesAsPlainText';
import { NotePreviewsClosedWhilePresenting } from './presenting/notePreviews';
import { noteUri } from './oneOnOnes/noteFileSystem';
import { PrivateNoteMask } from './presenting/privateNoteMask';
import { RepaintHold } from './sidebar/repaintHold';
import { SidebarProvider } from './sidebar/sidebarProvider';
import { SidebarTeamCache } from './sidebar/teamCache';
import { DelegationStore } from './storage/delegationStore';
import { announceSetAsideFiles, dataCommands, deleteAllData } from './storage/dataCommands';
import { BackupKeeper, workspaceIdentity } from './storage/backups';
import { resolveDataLocation } from './storage/dataLocation';
import { offerRestoreIfEmpty, restoreCommands } from './storage/restoreCommands';
import { backupFolderFor, backupsRoot } from './storage/layout';
import { EncryptionOnDemand } from './encryption/encryptionOnDemand';
import { closeNoteViews } from './encryption/noteViewsOnLock';
import { FolderFormFollower } from './encryption/folderForm';
import { NewerVersionGuard } from './storage/newerVersionGuard';
import { NoteStore } from './storage/noteStore';
import type { DataLocation } from './storage/jsonFileStore';
import { SidebarDraftStore } from './storage/sidebarDraftStore';
import { TeamStore } from './storage/teamStore';
import { goalCommands } from './team/goalCommands';
import { erasePersonCommands } from './team/erasePerson';
import { teamCommands } from './team/teamCommands';
import { markStartup } from './startupTimeline';
import { safeFileReason } from './shownErrors';

export { CORE_MODULES_FOR_BUNDLES } from './coreModulesForBundles';

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
  /** Resolves later views, and adopts the first one, whose page was set before the core loaded. */
  readonly sidebar: Pick<SidebarProvider, 'resolveWebviewView' | 'adopt'>;
  readonly noteFileSystem: vscode.FileSystemProvider;
}

/** What started Two Hats: the sidebar being shown, or anything else (a command, a restored note tab). */
export type StartedBy = 'sidebar' | 'other';

/**
 * How long the data waits for the sidebar's first paint at most: if the webview never asks (the
 * view was hidden again at once), the data loads anyway.
 */
const FIRST_PAINT_MAX_WAIT_MS = 2000;

/** Registers every command (the shim's placeholders are gone by now) and starts loading the data. */
export function startTwoHats(context: vscode.ExtensionContext, startedBy: StartedBy = 'other'): StartedTwoHats {
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
  const backups = new BackupKeeper(backupsRoot(context.globalStorageUri), { team: store, delegation, notes: noteStore }, log, guard);
  const encryption = new EncryptionOnDemand(context.secrets, backupsRoot(context.globalStorageUri), log, {
    pause: async () => {
      noteStore.stopWatching();
      const resumeBackups = await backups.pause();
      return () => {
        resumeBackups();
        noteStore.resumeWatching();
      };
    },
  });
  // Another window of this workspace encrypting, decrypting or locking: this one follows.
  const folderForm = new FolderFormFollower({ encryption, reopen: () => restoreContext.reopen(), log });
  /**
   * The data's last open, from its first step: a command waits for it, so it never runs on stores
   * emptied for a re-read (a reopen after another window encrypted, say) or not read yet.
   */
  let dataOpen: Promise<void> = Promise.resolve();
  const openAt = (location: DataLocation): Promise<void> => {
    const opening = openData(location);
    dataOpen = opening.catch(() => undefined);
    return opening;
  };
  const openData = async (location: DataLocation) => {
    guard.reset();
    // Global storage does not move with a folder; only workspace storage needs the backup.
    const folder = location.kind === 'folder' && location.scope === 'workspace' ? location.uri : undefined;
    const identity = folder ? await workspaceIdentity(folder) : undefined;
    const backupFolder = identity ? backupFolderFor(backupsRoot(context.globalStorageUri), identity.storagePath) : undefined;
    // Before any store reads: the codec for the folder's form, and a conversion a crash cut short finished.
    await encryption.open(location.kind === 'folder' ? location.uri : undefined, backupFolder, identity).catch((error: unknown) => {
      log.error(`Encryption: could not open the data folder's encryption: ${(error as Error).message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Two Hats could not finish converting your notes: {0}. Every note stays readable, and the next start finishes the job.', safeFileReason(error)));
    });
    await folderForm.follow(location.kind === 'folder' ? location.uri : undefined);
    await Promise.all([
      store.open(location).then(() => markStartup('data.team')),
      delegation.open(location),
      drafts.open(location),
      noteStore.open(location.kind === 'folder' ? location.uri : undefined).then(() => markStartup('data.notes')),
    ]);
    markStartup('data.stores');
    // Whatever the folder's form now (encrypted since the last start, say), the cache follows it.
    await teamCache.keep(store);
    // Locked: nothing is written, the backup's copies included, until the passphrase is typed.
    const locked = encryption.state === 'locked';
    await backups.follow(locked ? undefined : folder, locked ? undefined : identity);
  };
  const deleteEverything = () =>
    deleteAllData(
      context,
      () => Promise.all([noteStore.flush(), backups.flush(), drafts.flush()]).then(() => undefined),
      async () => {
        sidebar.forgetUiState();
        await openAt(resolveDataLocation(context));
      },
      (dataFolders) => encryption.forgetKeysIn(dataFolders),
    );
  // Starting a 1:1 holds the sidebar's repaints until the note shows (issue #15).
  const repaints = new RepaintHold();
  const oneOnOneSources = { team: store, notes: noteStore, delegation, memento: context.workspaceState, consents, repaints };
  const briefPreviews = new BriefPreviewTabs(() => store.all);
  const briefSources = { team: store, notes: noteStore, delegation, isHidden: () => presenting.on, onDidChangeHidden: presenting.onDidChange };
  const restoreContext = {
    backups,
    sources: { team: store, delegation, notes: noteStore },
    workspaceState: context.workspaceState,
    reopen: () => openAt(resolveDataLocation(context)),
  };
  // The one command table: the compiler refuses it if a contributed command has no handler. The
  // sidebar calls the same typed handlers directly, with what it already knows.
  // A tab label ends with the note's file name; checked against the notes only while presenting or locking.
  const isNotePreviewLabel = (label: string) =>
    briefPreviews.isBriefPreviewLabel(label) || noteStore.all.some((note) => label.endsWith(noteUri(note.id, note.title).path.split('/').pop()!));
  const commands: CommandHandlers = {
    ...presentingCommands(presenting),
    reloadData: () => restoreContext.reopen(),
    deleteAllData: () => deleteEverything(),
    ...dataCommands(store),
    ...restoreCommands(restoreContext),
    ...oneOnOneCommands(oneOnOneSources),
    ...delegationCommands(delegation, store),
    ...reflectionCommands(delegation, selfChecks, presenting, consents),
    ...talkingPointCommands(store),
    ...searchCommands(store, noteStore, presenting),
    ...templateCommands(store, noteStore, consents),
    ...exportImportCommands(store, noteStore, encryption),
    ...handoverExportCommands(store, noteStore),
    ...erasePersonCommands({ team: store, notes: noteStore, delegation, drafts, backups, workspaceState: context.workspaceState }),
    ...briefCommands(briefSources, briefPreviews),
    ...fileFormatCommands(store, noteStore),
    ...principleCommands(hats, notes),
    ...teamCommands(store),
    ...goalCommands(store),
    ...encryption.commands({
      flush: () => Promise.all([noteStore.flush(), backups.flush(), drafts.flush()]).then(() => undefined),
      reopen: () => restoreContext.reopen(),
      closeNoteViews: () => closeNoteViews(isNotePreviewLabel),
    }),
  };
  const teamCache = new SidebarTeamCache(context.workspaceState, log, () => !encryption.isEncrypted && !encryption.conversionUnderWay, {
    keyForSealing: () => encryption.keyForSealing(),
    secrets: context.secrets,
  });
  const cachedTeam = { cache: teamCache, location: () => resolveDataLocation(context) };
  const sidebar = new SidebarProvider(context.extensionUri, { team: store, notes: noteStore, delegation, hats, selfChecks, drafts, presenting, commands, cachedTeam, dataOpened: () => dataOpen, repaints }, log);
  context.subscriptions.push(
    log,
    guard,
    guard.onDidTurnReadOnly((message) => {
      log.warn(message);
      void vscode.window.showWarningMessage(message);
      sidebar.refresh();
    }),
    store,
    teamCache.follow(store),
    noteStore,
    delegation,
    drafts,
    selfChecks,
    hats,
    notes,
    presenting,
    new PrivateNoteMask(presenting),
    new NotesAsPlainTextWhilePresenting(presenting),
    new NotePreviewsClosedWhilePresenting(presenting, isNotePreviewLabel),
    sidebar,
    backups,
    noteFileSystem,
    registerCodeLinks(),
    briefPreviews,
    ...registerBriefDocuments(briefSources),
    registerPrincipleDocuments(),
    ...announceSetAsideFiles([store, delegation, drafts, noteStore]),
    ...registerCommandTable(commands, () => dataOpen),
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
    // After the stores, whose last background writes still go through the codec.
    encryption,
    folderForm,
    noteStore.onDidReconcile((found) => {
      if (found.added + found.updated + found.removed > 0) {
        log.info(`Notes changed outside Two Hats: ${found.added} added, ${found.updated} edited, ${found.removed} deleted; the index was rebuilt.`);
      }
      if (found.unplaced > 0) {
        log.warn(`${found.unplaced} note file(s) have no readable header, so Two Hats cannot tell whose they are. They are kept as they are.`);
        void vscode.window.showWarningMessage(
          vscode.l10n.t('{0} note files could not be placed (no readable header: damaged, or written elsewhere). They are not listed, and kept as they are in Two Hats’ storage.', found.unplaced),
        );
      }
    }),
  );
  // Reading the data (10,000 notes' index is most of a second of the extension host's time) would
  // hold up the answer to the sidebar's first `ready`: with a cached team to show, it waits for
  // that answer to be on its way.
  // An encrypted folder's cached team is sealed: opened first, with the key from the keychain.
  const firstLocation = resolveDataLocation(context);
  // Only for a sidebar about to paint: a command or a restored note tab would wait on the keychain for nothing.
  const loaded = (startedBy === 'sidebar' ? teamCache.open(firstLocation) : Promise.resolve(false))
    .catch(() => false)
    .then((opened) => {
      if (opened) {
        markStartup('sidebar.cache:sealed');
        // The view may have asked before the seal was open: it gets the cached team now.
        sidebar.refresh();
      }
      const paintFirst = startedBy === 'sidebar' && teamCache.read(firstLocation) !== undefined;
      return paintFirst ? firstPaintOrTimeout(sidebar.firstReadyAnswered()) : undefined;
    })
    .then(() => {
      markStartup('data.start');
      return openAt(firstLocation);
    });
  // Before its first step (the sidebar's first paint may come first): commands wait for it too.
  dataOpen = loaded.catch(() => undefined);
  sidebar.showCachedTeamUntil(loaded);
  noteStore.openingWith(loaded);
  // The core loads on first use, never at startup; the reminder waits a little longer still.
  context.subscriptions.push(scheduleDueReminder(store, { lastShown: context.workspaceState, presenting: () => presenting.on, onDidChangePresenting: presenting.onDidChange }, loaded));
  void loaded.then(() => noteStore.reconciled()).then(() => offerRestoreIfEmpty(restoreContext));
  return {
    api: { dataLocation: () => store.dataFolder, ready: () => loaded },
    sidebar,
    noteFileSystem,
  };
}

function firstPaintOrTimeout(firstPaint: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_PAINT_MAX_WAIT_MS)));
  return Promise.race([firstPaint, timeout]).finally(() => clearTimeout(timer));
}
