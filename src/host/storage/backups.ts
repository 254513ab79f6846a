/**
 * Keeps a rolling copy of each workspace's Two Hats data in global storage, which survives a
 * moved or renamed folder (VS Code then hands the workspace new, empty storage: microsoft/vscode
 * issues 152414 and 170690). Copies only what changed, a few seconds after it changed; never
 * copies deletions, so a mistake in the workspace cannot empty the backup. On the same machine
 * only: global storage is as private as workspace storage.
 *
 * Local files are copied by the operating system (`copyFileAtomic`), cloned where the disk allows,
 * never read into the extension and written back: the first backup of ten thousand notes is not
 * forty megabytes through JavaScript. Each copy is a file of its own, never a second name of the
 * note (a hard link): a program that writes into a note in place, or damage on disk, must not
 * reach the backup, nor damage to the backup the note. Backups hold the stored bytes as they are
 * (encrypted when the data is), so no copy needs the codec.
 */
import * as vscode from 'vscode';
import { describeBackup, restoreCandidates, serializeBackupManifest, type BackupManifest, type WorkspaceIdentity } from '../../shared/backups';
import {
  BACKED_UP_FILES,
  BACKUP_MANIFEST_FILE,
  DELEGATION_FILE,
  MAX_NOTE_PACK_ENTRIES,
  fileStamp,
  keptBeforeSetAsideName,
  ENCRYPTION_KEY_FILE,
  TEAM_FILE,
  type BackedUpFile,
} from '../../shared/storageLayout';
import { parseKeyfile } from '../encryption/keyWrapping';
import { readDataFile, readStoredCopy, storedBytesAreDamaged, storedBytesAreEncoded, writeDataFile, writeStoredCopy } from './dataFiles';
import { listBackups, readBackupManifest, restoreBackupInto, type OpenBackup, type StoredBackup } from './backupFolders';
import { erasePersonFromBackups, type BackupErasure } from './backupErasure';
import { copyFileAtomic, flushFolder } from './atomicFile';
import { changedNoteFiles, copiedSince, copyNoteFiles, noteFilesToCopy, uncopiedNoteFiles, type NoteFileJob } from './backupNoteCopies';
import { dataLockWanted, giveWayToDataLockWaiters, withDataLock } from './dataLock';
import { LockBusyError } from './fileLock';
import { backupFolderFor, fileNameOf, notesFolder } from './layout';
import { notePackCode } from './notePackCode';
import { createPrivateFolder } from './permissions';
import type { DelegationStore } from './delegationStore';
import type { SetAsideNotice } from './jsonFileStore';
import type { NewerVersionGuard } from './newerVersionGuard';
import type { NoteStore } from './noteStore';
import type { TeamStore } from './teamStore';

const BACKUP_DELAY_MS = 2000;
/**
 * Note files copied under one hold of the data lock: a few hundred milliseconds, well inside the
 * ten seconds another window's save waits for that lock, and about a hundred holds for a first
 * backup of ten thousand notes.
 */
const NOTE_FILES_PER_LOCKED_STEP = 256;
/** Longer than a waiting save's longest poll early on (fileLock.ts), short beside a step. */
const PAUSE_BETWEEN_LOCKED_STEPS_MS = 30;
/**
 * A first backup with at least this many note files to copy writes them into one pack
 * (notePack.ts) instead of a file each: creating twenty thousand small files was most of the
 * thirteen seconds a first backup of ten thousand notes took (issue #15). Below it single copies
 * cost milliseconds, and keep the backup in its plainest form.
 */
const PACK_FROM_NOTE_FILES = 200;

export interface BackupSources {
  readonly team: TeamStore;
  readonly delegation: DelegationStore;
  readonly notes: NoteStore;
}

export class BackupKeeper implements vscode.Disposable {
  private current: { data: vscode.Uri; backup: vscode.Uri; identity: WorkspaceIdentity } | undefined;
  private dirtyFiles = new Set<BackedUpFile>();
  private dirtyNotes = new Set<string>();
  private everything = false;
  /**
   * Files (as URIs) this window could not read and set aside: their backup copy is the last good
   * version, so before the file saved afresh is copied, that copy is kept under another name.
   */
  private readonly heldBack = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  /** Copies kept as their file is set aside (`keepBeforeSetAside`), one after another. */
  private keeping: Promise<void> = Promise.resolve();
  /** Pauses under way (a conversion of the data folder's form): no copy is made until all end. */
  private pauses = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly root: vscode.Uri,
    private readonly sources: BackupSources,
    private readonly log: vscode.LogOutputChannel,
    private readonly guard?: NewerVersionGuard,
  ) {
    this.subscriptions = [
      sources.team.onDidChange(() => this.markFile(TEAM_FILE)),
      sources.delegation.onDidChange(() => this.markFile(DELEGATION_FILE)),
      sources.team.onDidSetAside((notice) => this.keepBeforeSetAside(notice)),
      sources.delegation.onDidSetAside((notice) => this.keepBeforeSetAside(notice)),
      sources.notes.onDidChange((id) => (id ? this.markNote(id) : this.markEverything())),
    ];
  }

  /** Starts keeping the backup of this data folder; undefined stops (no folder, global storage). */
  async follow(data: vscode.Uri | undefined, identity: WorkspaceIdentity | undefined): Promise<void> {
    await this.flush();
    this.current = data && identity ? { data, backup: backupFolderFor(this.root, identity.storagePath), identity } : undefined;
    this.dirtyFiles.clear();
    this.dirtyNotes.clear();
    this.everything = false;
    if (this.current && !(await readDataFile(vscode.Uri.joinPath(this.current.backup, BACKUP_MANIFEST_FILE)).catch(() => undefined))) {
      this.markEverything();
    }
  }

  /** Every backup on this machine, newest first; unreadable ones are skipped. */
  list(): Promise<StoredBackup[]> {
    return listBackups(this.root);
  }

  /** Backups that probably belong to this workspace after a move; only readable ones say where they came from. */
  async candidatesFor(identity: WorkspaceIdentity): Promise<OpenBackup[]> {
    return restoreCandidates(
      (await this.list()).filter((backup): backup is OpenBackup => backup.manifest !== undefined),
      identity,
    );
  }

  /** Whether `backup` is the one this data folder writes (never offered back to it). */
  isBackupOf(backup: StoredBackup, data: vscode.Uri): boolean {
    return backup.manifest ? backup.manifest.storagePath === data.fsPath : backup.folder.toString() === backupFolderFor(this.root, data.fsPath).toString();
  }

  /** Copies a backup into an empty data folder; files already there are never overwritten. */
  restore(backup: StoredBackup, into: vscode.Uri): Promise<number> {
    return restoreBackupInto(backup, into);
  }

  /** Takes a person out of every backup on this machine it can read, after writing what is pending; reports those it cannot. */
  async erasePerson(personId: string, name: string, noteIds: readonly string[]): Promise<BackupErasure> {
    await this.flush();
    // This window's own backup is cleaned under its data lock even before its first manifest
    // (the one place that says whose it is) is written.
    const own = this.current && { backup: this.current.backup, data: this.current.data };
    const erased = await erasePersonFromBackups(this.root, personId, name, noteIds, own, this.log);
    if (erased.inUse.length > 0) {
      this.log.info(`Erasure: ${erased.inUse.length} backup(s) in use by another window, to be run again.`);
    }
    return erased;
  }

  /**
   * No backup pass runs until the returned `resume` is called, after one under way has finished.
   * For turning encryption on or off: the conversion rewrites the backup's copies too, and a pass
   * in between would copy files of the old form over copies already converted. What changed
   * meanwhile is copied once the pause ends.
   */
  async pause(): Promise<() => void> {
    this.pauses++;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await Promise.all([this.running, this.keeping]);
    let resumed = false;
    return () => {
      if (!resumed) {
        resumed = true;
        this.pauses--;
        if (this.dirtyFiles.size > 0 || this.dirtyNotes.size > 0 || this.everything) {
          this.schedule();
        }
      }
    };
  }

  /** Writes what is pending now (while paused, it stays pending). */
  flush(): Promise<void> {
    if (this.pauses > 0) {
      return this.running;
    }
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.running = this.running.then(() => this.write()).catch((error: unknown) => this.log.warn(`Backup failed: ${String(error)}`));
    }
    return Promise.all([this.running, this.keeping]).then(() => undefined);
  }

  dispose(): void {
    void this.flush();
    this.subscriptions.forEach((s) => s.dispose());
  }

  private markFile(name: BackedUpFile): void {
    this.dirtyFiles.add(name);
    this.schedule();
  }

  private markNote(id: string): void {
    this.dirtyNotes.add(id);
    this.schedule();
  }

  private markEverything(): void {
    this.everything = true;
    this.schedule();
  }

  private schedule(): void {
    if (!this.current || this.timer || this.pauses > 0) {
      return;
    }
    this.timer = setTimeout(() => void this.flush(), BACKUP_DELAY_MS);
  }

  private async write(): Promise<void> {
    const target = this.current;
    if (!target) {
      return;
    }
    const everything = this.everything;
    const dirtyFiles = [...this.dirtyFiles];
    const dirtyNotes = [...this.dirtyNotes];
    this.dirtyFiles.clear();
    this.dirtyNotes.clear();
    this.everything = false;
    try {
      await this.pass(target, everything, dirtyFiles, dirtyNotes);
    } catch (error) {
      // Still to do: a failed pass over everything is never taken for a complete one.
      this.everything ||= everything;
      dirtyFiles.forEach((name) => this.dirtyFiles.add(name));
      dirtyNotes.forEach((id) => this.dirtyNotes.add(id));
      if (!(error instanceof LockBusyError)) {
        throw error;
      }
      // Another window held the data lock all the while (converting the folder, most likely):
      // nothing is lost, the pass is tried again a little later.
      this.log.info('Backup put off: another window is changing the data.');
      this.schedule();
    }
  }

  private async pass(target: NonNullable<BackupKeeper['current']>, marked: boolean, dirtyFiles: BackedUpFile[], dirtyNotes: string[]): Promise<void> {
    const startedAt = Date.now();
    // Each step copies under the data lock, which Encrypt and Decrypt My Notes (in any window)
    // hold for their whole run: a copy never lands between a conversion's rewrite of the data and
    // of this backup's copies, where it would leave a plain copy in a backup just encrypted. Steps,
    // not the whole pass: a first backup of thousands of notes must not hold every save back.
    const locked = <T>(task: () => Promise<T>) => withDataLock(target.data, task);
    const { team, delegation } = this.sources;
    // Only what holds something is worth a backup; an empty workspace must not look like one.
    if (team.all.length + delegation.all.length + this.sources.notes.all.length === 0) {
      return;
    }
    // A window that met a newer file may see less than is there: it backs up nothing.
    if (this.guard?.readOnlyReason !== undefined) {
      this.log.info('Backup skipped: this window is read-only (a file was written by a newer Two Hats).');
      return;
    }
    const backupNotes = notesFolder(target.backup);
    for (const folder of [this.root, target.backup, backupNotes]) {
      await createPrivateFolder(folder);
    }
    // The manifest marks a backup as complete (listed, offered for restore), so only a pass over
    // everything writes the first one: a pass over a few changed notes after an interrupted first
    // pass must not make the half backup look whole.
    const previous = await this.readManifest(target.backup);
    const everything = marked || previous === undefined;
    const files = everything ? [...BACKED_UP_FILES] : dirtyFiles;
    // An encrypted note another program damaged or altered never replaces its good copy here (a
    // file of its own or in the pack: a job here always has one): the backup is where the user
    // would find the note again. Judged under the note's own name, on the bytes copied.
    const damaged = async (bytes: Uint8Array, to: vscode.Uri) => {
      const isDamaged = await storedBytesAreDamaged(bytes, to);
      if (isDamaged) {
        this.log.warn(`Backup: ${fileNameOf(to)} does not decrypt (damaged or altered); the backup keeps its earlier copy.`);
      }
      return isDamaged;
    };
    const copyUri = async (from: vscode.Uri, to: vscode.Uri, unlessCopiedSince = false) => {
      if (unlessCopiedSince && (await copiedSince(from, to))) {
        return;
      }
      // A plain folder's copy is not read back: any bytes are a note someone may have edited.
      if (await copyFileAtomic(from, to, storedBytesAreEncoded() ? (bytes) => damaged(bytes, to) : undefined)) {
        return;
      }
      // Not a local file. An empty file (a torn write by another program) never replaces a copy that holds something.
      const bytes = await readStoredCopy(from);
      if (!bytes || (bytes.byteLength === 0 && (await readStoredCopy(to))) || (await damaged(bytes, to))) {
        return;
      }
      await writeStoredCopy(to, bytes);
    };
    const stores: Record<BackedUpFile, TeamStore | DelegationStore> = { [TEAM_FILE]: team, [DELEGATION_FILE]: delegation };
    const notAsRead: (TeamStore | DelegationStore)[] = [];
    await locked(async () => {
      for (const name of files) {
        const store = stores[name];
        if (store.state.kind !== 'ready') {
          continue;
        }
        if (store.dataFolder?.toString() !== target.data.toString()) {
          this.dirtyFiles.add(name); // the stores moved on meanwhile: copied when they follow
          continue;
        }
        const original = vscode.Uri.joinPath(target.data, name).toString();
        if (this.heldBack.has(original)) {
          await this.keepGoodCopy(vscode.Uri.joinPath(target.backup, name));
          this.heldBack.delete(original);
        }
        // Only bytes the store has read as whole: a file another program damaged a moment ago
        // (not read here yet) would otherwise replace the good copy, the very one kept for it.
        const stored = await store.storedBytesAsRead();
        if (stored instanceof Uint8Array) {
          await writeStoredCopy(vscode.Uri.joinPath(target.backup, name), stored);
        } else if (stored === 'notAsRead') {
          // Still to copy (no new pass is scheduled for it: reading the file again marks a change).
          this.dirtyFiles.add(name);
          notAsRead.push(store);
        }
      }
    });
    // Read again now (after the lock): a whole file changes the store, which marks it for the
    // next pass; a damaged one is set aside, and its good copy here is kept.
    notAsRead.forEach((store) => void store.followDisk());
    // Everything is marked at every start and reload. Of ten thousand notes, look only at those
    // that changed since the last complete pass began, or whose copy is missing: one listing of
    // the backup instead of two stats per file. A backup from before that was recorded is checked
    // file by file, once.
    // The pack's names are read before the folder is listed: an unpacking in between (restore,
    // erasure) deletes the pack only once its files are in the folder, so no copy is missed.
    // Many changed notes at once (a store filling in while it is open, from a sync tool, say) may
    // have no copy yet either: those are packed too.
    const manyChanged = dirtyNotes.length * 2 >= PACK_FROM_NOTE_FILES;
    const packed = everything || manyChanged ? await notePackCode().readPackNames(target.backup) : undefined;
    let jobs: NoteFileJob[] = everything
      ? await noteFilesToCopy(backupNotes, this.sources.notes.all, previous?.completeAsOf, packed)
      : await changedNoteFiles(backupNotes, dirtyNotes, manyChanged ? packed : undefined);
    // A store without an index, or changed outside Two Hats, fills in over seconds as it checks
    // the note files: their files are backed up all the same, found in the data folder.
    if (everything && packed !== undefined && target.data.scheme === 'file') {
      jobs = [...jobs, ...(await uncopiedNoteFiles(notesFolder(target.data), backupNotes, packed, jobs))];
    }
    // Many files with no copy yet (none single, none in a pack that reads): one pack holds them,
    // with what an older pack held. The rest are copied file by file.
    const fresh = jobs.filter((job) => job.kind === 'new').map((job) => job.name);
    // A pack holds at most MAX_NOTE_PACK_ENTRIES (its index stays small enough to read whole).
    const fits = packed !== undefined && packed.size + fresh.length <= MAX_NOTE_PACK_ENTRIES;
    const notPacked =
      packed !== undefined && fits && fresh.length >= PACK_FROM_NOTE_FILES && target.data.scheme === 'file' && target.backup.scheme === 'file'
        ? await notePackCode().writeNotePack(target, fresh, packed.size > 0, this.log)
        : undefined;
    if (notPacked) {
      // Those the pack had no room for (it stays below 2 GiB) are copied file by file.
      const rest = new Set(notPacked);
      jobs = jobs.filter((job) => job.kind !== 'new' || rest.has(job.name));
    }
    for (let i = 0; i < jobs.length; ) {
      // The lock is not fair: a save of this window waiting for it goes first, and a step ends
      // early when one comes.
      await giveWayToDataLockWaiters(target.data);
      const done = await locked(() => copyNoteFiles(jobs.slice(i, i + NOTE_FILES_PER_LOCKED_STEP), notesFolder(target.data), backupNotes, copyUri, () => dataLockWanted(target.data)));
      i += done;
      // And a save in another window, which polls, must find it free between two steps.
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_LOCKED_STEPS_MS));
    }
    // New copies' names on disk before the manifest that says the backup holds them: after a
    // power cut, a complete-looking backup must not miss notes (each copy's bytes are flushed; a
    // replaced copy keeps its name). Not after a pass that only replaced copies: a save's pass.
    if (jobs.some((job) => job.kind === 'new') && target.backup.scheme === 'file') {
      await flushFolder(backupNotes.fsPath);
    }
    const completeAsOf = everything ? startedAt : previous?.completeAsOf;
    const manifest: BackupManifest = {
      ...target.identity,
      savedAt: Date.now(),
      ...(completeAsOf !== undefined ? { completeAsOf } : {}),
      people: team.all.length,
      notes: this.sources.notes.all.length,
      items: delegation.all.length,
    };
    await locked(async () => {
      await writeDataFile(vscode.Uri.joinPath(target.backup, BACKUP_MANIFEST_FILE), new TextEncoder().encode(serializeBackupManifest(manifest)));
      // Encrypted copies are worth nothing without the wrapped key: every pass carries the key file
      // along (a backup folder made after encryption, or one a crash left without it).
      const keyfile = await readStoredCopy(vscode.Uri.joinPath(target.data, ENCRYPTION_KEY_FILE));
      const backupKeyfile = vscode.Uri.joinPath(target.backup, ENCRYPTION_KEY_FILE);
      const whole = keyfile !== undefined && parseKeyfile(new TextDecoder().decode(keyfile)).ok;
      if (keyfile && whole && !Buffer.from(keyfile).equals(Buffer.from((await readStoredCopy(backupKeyfile)) ?? []))) {
        await writeStoredCopy(backupKeyfile, keyfile);
      }
    });
  }

  /**
   * Keeps the backup's copy of a file just set aside, at once rather than at the next pass: until
   * then another window's pass could copy a fresh file over it (this window's mark is in memory
   * only), or the window could close. Under the data lock, not behind a pass under way; when that
   * cannot be done now (paused for a conversion, the lock busy), the next pass does it.
   */
  private keepBeforeSetAside(notice: SetAsideNotice): void {
    const original = notice.original.toString();
    this.heldBack.add(original);
    const target = this.current;
    const name = fileNameOf(notice.original);
    if (!target || this.pauses > 0 || vscode.Uri.joinPath(target.data, name).toString() !== original) {
      return;
    }
    // Not behind a pass under way (a first pass over thousands of notes takes many locked steps):
    // the lock alone orders it with the pass, which looks at `heldBack` under the lock too.
    this.keeping = this.keeping
      .then(() =>
        withDataLock(target.data, async () => {
          if (this.heldBack.delete(original)) {
            await this.keepGoodCopy(vscode.Uri.joinPath(target.backup, name));
          }
        }),
      )
      .catch((error: unknown) => this.log.warn(`Backup: the copy of ${name} from before it was set aside is kept at the next pass (${String(error)}).`));
  }

  /** Moves the backup copy of a file that was set aside to a name no later backup writes. */
  private async keepGoodCopy(copy: vscode.Uri): Promise<void> {
    const name = fileNameOf(copy);
    const kept = vscode.Uri.joinPath(copy, '..', keptBeforeSetAsideName(name, fileStamp()));
    const moved = await Promise.resolve(vscode.workspace.fs.rename(copy, kept, { overwrite: false })).then(
      () => true,
      () => false,
    );
    if (moved) {
      this.log.info(`Kept the backup of ${name} from before it was set aside, as ${kept.fsPath}.`);
    }
  }

  private readManifest(folder: vscode.Uri): Promise<BackupManifest | undefined> {
    return readBackupManifest(folder);
  }
}

export { describeBackup };
export type { BackupErasure, OpenBackup, StoredBackup };
export { workspaceIdentity } from './workspaceIdentity';
