/**
 * Keeps the note index in line with the note files: notes added or restored by hand are picked up
 * from their headers, notes edited outside are read again, notes deleted outside are dropped, at
 * every open and, through a watcher, while Two Hats runs. Notes from before headers existed get
 * one written from the index.
 */
import * as vscode from 'vscode';
import { deriveNoteMeta, headerOf, parseNoteHeader } from '../../shared/oneOnOnes/noteIndex';
import type { NotesByPerson } from '../../shared/oneOnOnes/notesByPerson';
import { NOTE_INDEX_FILE, SEARCH_INDEX_FILE, noteBodyName, noteHeaderName, noteIdOfBody, noteIdOfFile } from '../../shared/storageLayout';
import { removeLeftoverTemps } from './atomicFile';
import { whenDataLockFree } from './dataLock';
import { fileNameOf, noteBodyUri, notesFolder } from './layout';
import type { NewerVersionGuard } from './newerVersionGuard';
import { listNoteFolder, readNoteBody, readNoteHeader, writeNoteHeader } from './noteFiles';
import type { NoteIndexWriter } from './noteIndexFile';
import type { NoteSearchIndexFile } from './noteSearchIndexFile';
import type { SerialQueue } from './serialQueue';

/** Notes checked per turn of the queue while reconciling. */
export const CHECK_CHUNK = 64;
/** How long file events gather before the notes they name are checked. */
const WATCH_SETTLE_MS = 300;
const lenient = new TextDecoder('utf-8');

/** What the check against the note files found, for the log and the tests. */
export interface Reconciliation {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  /** Markdown files in the notes folder that have no header: kept, but not shown. */
  readonly unplaced: number;
}

export const NOTHING_FOUND: Reconciliation = { added: 0, updated: 0, removed: 0, unplaced: 0 };

/** What the reconciler works on: the note store's state, lent for the length of a step. */
export interface ReconcilerHost {
  readonly queue: SerialQueue;
  readonly guard: NewerVersionGuard;
  readonly index: NoteIndexWriter;
  readonly corpus: NoteSearchIndexFile;
  /** Notes whose index entry an older privacy rule derived: read again whatever their time. */
  readonly derivedByOlderRule: Set<string>;
  /** The notes as the store knows them now (replaced at every open). */
  notes(): NotesByPerson;
  /** Whether `folder` is still the store's folder: a step for another one does nothing. */
  isCurrent(folder: vscode.Uri): boolean;
  /** Tells the store's listeners: one note changed, or (undefined) any may have. */
  changed(id: string | undefined): void;
}

type Outcome = 'added' | 'updated' | 'removed' | 'unplaced' | 'same';

export class NoteReconciler {
  constructor(private readonly host: ReconcilerHost) {}

  /**
   * Checks every note file of `folder` against the index, in steps that never hold up a save;
   * undefined when the store moved to another folder before the check could begin.
   */
  async reconcile(folder: vscode.Uri): Promise<Reconciliation | undefined> {
    const { queue } = this.host;
    const step = <T>(task: () => Promise<T>): Promise<T | undefined> => queue.run(async () => (this.host.isCurrent(folder) ? task() : undefined));
    let listedAt = Number.POSITIVE_INFINITY;
    const names = await step(async () => {
      // A save cut off before its rename never reached the note: the note still holds the last
      // acknowledged save, and the temporary file is only in the way. Under the lock, and only
      // temps whose window has gone: another window may be saving a note right now.
      await whenDataLockFree(folder, async () => {
        await removeLeftoverTemps(notesFolder(folder));
        await removeLeftoverTemps(folder, NOTE_INDEX_FILE);
        await removeLeftoverTemps(folder, SEARCH_INDEX_FILE);
      });
      listedAt = Date.now();
      return listNoteFolder(folder);
    });
    if (!names) {
      return undefined;
    }
    const removed =
      (await step(async () => {
        const notes = this.host.notes();
        // A note saved after the listing is not in it, yet not gone: only older ones can be.
        const gone = notes.all.filter((meta) => meta.updatedAt < listedAt && !names.has(noteBodyName(meta.id)));
        for (const meta of gone) {
          notes.remove(meta.id);
          this.host.corpus.forget(meta.id);
        }
        return gone.length;
      })) ?? 0;
    const ids = [...names].map(noteIdOfBody).filter((id): id is string => id !== undefined);
    const outcomes = await this.checkNotes(folder, ids, names);
    const result = { ...outcomes, removed };
    if (result.added + result.updated + result.removed > 0) {
      await step(async () => {
        this.host.index.schedule();
        await this.host.index.flushNow();
      });
      this.host.changed(undefined);
    }
    return result;
  }

  /**
   * Follows note files changed by something other than Two Hats while it runs. Each event checks
   * only the note it names, so Two Hats' own saves cost a stat, not a scan of every note.
   */
  watch(folder: vscode.Uri): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(notesFolder(folder), '*.{md,json}'));
    // A sync tool may drop thousands of files at once: gather the ids, then check them in chunks.
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = async () => {
      timer = undefined;
      const ids = [...pending];
      pending.clear();
      const names = new Set(ids.flatMap((id) => [noteBodyName(id), noteHeaderName(id)]));
      const before = new Set(ids.filter((id) => this.host.notes().find(id)));
      const found = await this.checkNotes(folder, ids, names);
      const removed = ids.filter((id) => before.has(id) && !this.host.notes().find(id)).length;
      if (found.added + found.updated + removed > 0) {
        this.host.index.schedule();
        this.host.changed(ids.length === 1 && removed === 0 ? ids[0] : undefined);
      }
    };
    const check = (uri: vscode.Uri) => {
      const id = noteIdOfFile(fileNameOf(uri));
      if (id) {
        pending.add(id);
        timer ??= setTimeout(() => void flush(), WATCH_SETTLE_MS);
      }
    };
    return vscode.Disposable.from(
      watcher,
      watcher.onDidChange(check),
      watcher.onDidCreate(check),
      watcher.onDidDelete(check),
      new vscode.Disposable(() => timer && clearTimeout(timer)),
    );
  }

  /** Checks notes against their files, a chunk per turn of the queue. */
  private async checkNotes(folder: vscode.Uri, ids: readonly string[], names: ReadonlySet<string>): Promise<Omit<Reconciliation, 'removed'>> {
    const counts = { added: 0, updated: 0, unplaced: 0 };
    for (let i = 0; i < ids.length; i += CHECK_CHUNK) {
      const outcomes = await this.host.queue.run(async () =>
        this.host.isCurrent(folder) ? Promise.all(ids.slice(i, i + CHECK_CHUNK).map((id) => this.checkNote(folder, id, names))) : [],
      );
      counts.added += outcomes.filter((o) => o === 'added').length;
      counts.updated += outcomes.filter((o) => o === 'updated').length;
      counts.unplaced += outcomes.filter((o) => o === 'unplaced').length;
    }
    return counts;
  }

  /** Checks one note file against the index: what changed about it, if anything. */
  private async checkNote(folder: vscode.Uri, id: string, names: ReadonlySet<string>): Promise<Outcome> {
    const notes = this.host.notes();
    const known = notes.find(id);
    const stat = await vscode.workspace.fs.stat(noteBodyUri(folder, id)).then(undefined, () => undefined);
    if (!stat) {
      if (!known) {
        return 'same';
      }
      notes.remove(id);
      this.host.corpus.forget(id);
      return 'removed';
    }
    if (known) {
      if (!names.has(noteHeaderName(id)) && this.host.guard.readOnlyReason === undefined) {
        await writeNoteHeader(folder, headerOf(known));
      }
      if (stat.mtime <= known.updatedAt && !this.host.derivedByOlderRule.has(id)) {
        return 'same';
      }
      this.host.derivedByOlderRule.delete(id);
      // Grown past the limit outside Two Hats: shown as it was; opening it says why it is not read.
      const bytes = await readNoteBody(folder, id).catch(() => undefined);
      if (!bytes) {
        return 'same';
      }
      notes.put(deriveNoteMeta(headerOf(known), lenient.decode(bytes), stat.mtime));
      this.host.corpus.forget(id);
      return 'updated';
    }
    // A header that cannot be read (damaged, or sealed with another key) leaves its note out, and
    // only it: one bad file must not hide every note when the index is rebuilt.
    const headerBytes = names.has(noteHeaderName(id)) ? await readNoteHeader(folder, id).catch(() => undefined) : undefined;
    const header = headerBytes ? parseNoteHeader(lenient.decode(headerBytes)) : undefined;
    if (header && !header.ok && header.fromNewerVersion) {
      this.host.guard.turnReadOnly(noteHeaderName(id));
    }
    if (!header?.ok || header.value.id !== id) {
      return 'unplaced';
    }
    const bytes = await readNoteBody(folder, id).catch(() => undefined);
    if (!bytes) {
      return 'unplaced';
    }
    notes.put(deriveNoteMeta(header.value, lenient.decode(bytes), stat.mtime));
    return 'added';
  }
}
