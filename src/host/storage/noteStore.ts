/**
 * The one module that owns 1:1 notes on disk, built from four parts: the note files
 * (`noteFiles.ts`), the index that caches what every note says (`noteIndexFile.ts`), the check of
 * that index against the files (`noteReconciler.ts`) and the texts search reads
 * (`noteSearchIndexFile.ts`). This class keeps them in step: one queue, one folder, one set of events.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { deriveNoteMeta, headerOf, type NoteHeader, type NoteMeta } from '../../shared/oneOnOnes/noteIndex';
import { NotesByPerson } from '../../shared/oneOnOnes/notesByPerson';
import type { NoteSearchIndex } from '../../shared/oneOnOnes/searchIndex';
import { withDataLock } from './dataLock';
import type { SetAsideNotice } from './jsonFileStore';
import { notesFolder } from './layout';
import { NewerVersionGuard } from './newerVersionGuard';
import { bodyStamp, deleteNoteFiles, deleteUnlistedNoteFiles, keepUndecodableOriginal, readNoteBody, writeNewNote, writeNoteBody, type BodyStamp } from './noteFiles';
import { loadNoteIndex, NoteIndexWriter } from './noteIndexFile';
import { NOTHING_FOUND, NoteReconciler, type Reconciliation } from './noteReconciler';
import { NoteSearchIndexFile } from './noteSearchIndexFile';
import { createPrivateFolder } from './permissions';
import { SerialQueue } from './serialQueue';

export type { Reconciliation } from './noteReconciler';

const lenient = new TextDecoder('utf-8');
export interface NewNote {
  readonly personId: string;
  readonly date: string;
  readonly templateId: string;
  readonly title: string;
  readonly content: string;
}

/** The part of a note's metadata the sidebar shows. */
function summaryOf(meta: NoteMeta): string {
  return JSON.stringify([meta.openItems, meta.hatTags, meta.mood, meta.goals]);
}

export class NoteStore implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<string | undefined>();
  private readonly summaryEmitter = new vscode.EventEmitter<void>();
  private readonly setAsideEmitter = new vscode.EventEmitter<SetAsideNotice>();
  private readonly reconcileEmitter = new vscode.EventEmitter<Reconciliation>();
  private readonly queue = new SerialQueue();
  private folder: vscode.Uri | undefined;
  private notes = new NotesByPerson();
  /** Notes whose index entry an older privacy rule derived: read again by the next reconcile. */
  private readonly derivedByOlderRule = new Set<string>();
  private readonly corpus: NoteSearchIndexFile;
  /**
   * The time and size on disk of this window's last write of each note's body. Not the index's `updatedAt`: that also moves when
   * a change made by another program is picked up, and its bytes are then still to be kept.
   */
  private readonly ownWrites = new Map<string, BodyStamp>();
  private readonly index: NoteIndexWriter;
  private readonly reconciler: NoteReconciler;
  private watcher: vscode.Disposable | undefined;
  private lastOpen: Promise<void> = Promise.resolve();
  private lastReconcile: Promise<Reconciliation> = Promise.resolve(NOTHING_FOUND);

  /** `guard` is shared with the window's other stores: a newer index or header makes all read-only. */
  constructor(private readonly guard = new NewerVersionGuard()) {
    // A read-only window writes nothing, not even the cache: the index may be a newer one.
    this.index = new NoteIndexWriter(() => (this.folder && this.guard.readOnlyReason === undefined ? { folder: this.folder, notes: this.notes.all } : undefined));
    this.corpus = new NoteSearchIndexFile({
      place: () => (this.folder ? { folder: this.folder, writable: this.guard.readOnlyReason === undefined } : undefined),
      notes: () => this.notes.all,
      read: (id) => this.read(id),
    });
    this.reconciler = new NoteReconciler({
      queue: this.queue,
      guard: this.guard,
      index: this.index,
      corpus: this.corpus,
      derivedByOlderRule: this.derivedByOlderRule,
      notes: () => this.notes,
      isCurrent: (folder) => this.folder?.toString() === folder.toString(),
      changed: (id) => this.changed(id),
    });
  }

  /** Fires with the id of the note that changed, or undefined when everything may have. */
  readonly onDidChange = this.changeEmitter.event;
  /**
   * Fires when what the sidebar shows about notes may have changed: not for a save that only
   * changed prose, which is most saves.
   */
  readonly onDidChangeSummary = this.summaryEmitter.event;
  /** Fires when a damaged index was moved aside; the notes rebuild it, the user is told where it went. */
  readonly onDidSetAside = this.setAsideEmitter.event;
  readonly onDidReconcile = this.reconcileEmitter.event;

  /**
   * Loads the index and starts checking it against the note files. Resolves once the index is
   * loaded; the check follows in the background (see `reconciled`).
   */
  open(folder: vscode.Uri | undefined): Promise<void> {
    const opened = this.queue.run(async () => {
      await this.index.flushNow();
      await this.corpus.flushNow();
      this.watcher?.dispose();
      this.watcher = undefined;
      this.folder = folder;
      this.notes = new NotesByPerson();
      this.corpus.clear();
      this.derivedByOlderRule.clear();
      if (folder) {
        await createPrivateFolder(folder);
        await createPrivateFolder(notesFolder(folder));
        const loaded = await loadNoteIndex(folder, this.guard);
        loaded.derivedByOlderRule.forEach((id) => this.derivedByOlderRule.add(id));
        this.notes = new NotesByPerson(loaded.notes);
        if (loaded.setAside) {
          this.setAsideEmitter.fire(loaded.setAside);
        }
        this.watcher = this.reconciler.watch(folder);
      }
      this.changed(undefined);
    });
    this.lastOpen = opened.catch(() => undefined);
    this.lastReconcile = opened.then(async () => {
      const found = folder ? await this.reconciler.reconcile(folder) : undefined;
      if (found) {
        this.reconcileEmitter.fire(found);
      }
      return found ?? NOTHING_FOUND;
    });
    return opened;
  }

  /**
   * The first `open` is coming but waits (for the sidebar's first paint): a note restored in a tab
   * meanwhile waits for `pending`, the load that opens this store, instead of finding no index.
   */
  openingWith(pending: Promise<void>): void {
    this.lastOpen = pending.catch(() => undefined);
  }

  /** Resolves once the last `open` has loaded the index (or failed to). */
  opened(): Promise<void> {
    return this.lastOpen;
  }

  /** The check of the index against the note files that followed the last `open`. */
  reconciled(): Promise<Reconciliation> {
    return this.lastReconcile;
  }

  get ready(): boolean {
    return this.folder !== undefined;
  }

  find(id: string): NoteMeta | undefined {
    return this.notes.find(id);
  }

  /** A person's notes, newest first. */
  forPerson(personId: string): readonly NoteMeta[] {
    return this.notes.forPerson(personId);
  }

  /** Every note, for figures across the whole team such as the week's balance. */
  get all(): readonly NoteMeta[] {
    return this.notes.all;
  }

  latest(personId: string): NoteMeta | undefined {
    return this.notes.latest(personId);
  }

  /**
   * The note's bytes as stored, for the editor, which decodes them itself. A note grown past
   * `NOTE_MAX_BYTES` outside Two Hats is refused, before it is read, with a sentence saying so.
   */
  async readBytes(id: string): Promise<Uint8Array> {
    const bytes = await readNoteBody(this.requireFolder(), id);
    if (bytes === undefined) {
      throw vscode.FileSystemError.FileNotFound(vscode.l10n.t('Two Hats note {0}', id));
    }
    return bytes;
  }

  async read(id: string): Promise<string> {
    return lenient.decode(await this.readBytes(id));
  }

  create(note: NewNote): Promise<NoteMeta> {
    const header: NoteHeader = { id: randomUUID(), personId: note.personId, date: note.date, templateId: note.templateId, title: note.title, createdAt: Date.now() };
    return this.addNote(header, note.content);
  }

  /**
   * Brings back an exported note under its own id, date and template. The caller makes sure the
   * id is free: an import never overwrites a note.
   */
  importNote(header: NoteHeader, content: string): Promise<NoteMeta> {
    return this.addNote(header, content, () => {
      if (this.find(header.id)) {
        throw vscode.FileSystemError.FileExists(vscode.l10n.t('Two Hats note {0}', header.id));
      }
    });
  }

  /**
   * Deletes every note of a person for good: body, header and any original kept beside it, and
   * the files of theirs no listed note owns (a header, a kept original). A note a file of which
   * could not be deleted stays listed (`left`), so that deleting the person again finds it. The
   * index and the search index are rewritten at once, so no copy of their notes' titles, items or
   * words stays behind; whether that worked is answered too (`indexWritten`, `searchIndexErased`),
   * also when there was nothing to delete, so a second try writes what the first could not.
   */
  removePerson(personId: string): Promise<{ readonly ids: string[]; readonly left: readonly string[]; readonly indexWritten: boolean; readonly searchIndexErased: boolean }> {
    return this.queue.run(async () => {
      const folder = this.folder;
      if (!folder) {
        return { ids: [], left: [], indexWritten: true, searchIndexErased: true };
      }
      const all = this.notes.forPerson(personId).map((meta) => meta.id);
      const left = await deleteNoteFiles(folder, all);
      const unlisted = await deleteUnlistedNoteFiles(folder, personId, (id) => this.notes.find(id) !== undefined);
      const ids = all.filter((id) => !left.includes(id));
      for (const id of ids) {
        this.notes.remove(id);
        this.corpus.forget(id);
      }
      const indexWritten = await this.index.writeNow();
      const searchIndexErased = await this.corpus.erase();
      if (ids.length > 0) {
        this.changed(undefined);
      }
      return { ids: [...ids, ...unlisted.theirs], left: [...left, ...unlisted.left], indexWritten, searchIndexErased };
    });
  }

  /** Saves a note's text. Costs the note's own size only; the index catches up in the background. */
  write(id: string, content: string): Promise<NoteMeta> {
    return this.queue.run(async () => {
      this.guard.assertWritable();
      const current = this.find(id);
      if (!current) {
        throw vscode.FileSystemError.FileNotFound(vscode.l10n.t('Two Hats note {0}', id));
      }
      await this.withLock(async (folder) => {
        await keepUndecodableOriginal(folder, id, this.ownWrites.get(id));
        await writeNoteBody(folder, id, content);
        const written = await bodyStamp(folder, id);
        if (written) {
          this.ownWrites.set(id, written);
        } else {
          this.ownWrites.delete(id);
        }
      });
      const meta = deriveNoteMeta(headerOf(current), content, Date.now());
      this.notes.put(meta);
      this.corpus.set(id, content, meta.updatedAt);
      this.index.schedule();
      this.changeEmitter.fire(id);
      if (summaryOf(meta) !== summaryOf(current)) {
        this.summaryEmitter.fire();
      }
      return meta;
    });
  }

  /**
   * The full-text index, up to date with the notes, for search: loaded from its file on the first
   * search, rebuilt from the notes when it must be (`onProgress` then gets it as it grows).
   */
  searchIndex(onProgress?: (soFar: NoteSearchIndex) => void): Promise<NoteSearchIndex> {
    return this.corpus.ready(onProgress);
  }

  /** Every note's id, newest first: the order search shows its hits in. */
  newestFirst(): string[] {
    // ISO dates compare as strings; localeCompare costs tens of milliseconds at ten thousand notes.
    return [...this.notes.all].sort((a, b) => (a.date === b.date ? b.createdAt - a.createdAt : a.date < b.date ? 1 : -1)).map((note) => note.id);
  }

  /**
   * While this window converts the folder (encryption at rest): its own rewrites of every note are
   * not read again one by one. The conversion is always followed by an `open`, which watches again
   * and checks every note once.
   */
  stopWatching(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
  }

  /**
   * After a conversion, also a failed one (an unlock that could not finish), which no `open`
   * follows: without it the store would miss every later change made outside for the session.
   * Watching only: the `open` after a finished conversion checks every note once.
   */
  resumeWatching(): void {
    void this.queue.run(() => {
      if (this.folder && !this.watcher) {
        this.watcher = this.reconciler.watch(this.folder);
      }
      return Promise.resolve();
    });
  }

  /** Writes a pending index update now; called before the store closes or moves. */
  flush(): Promise<void> {
    return this.queue.run(async () => {
      await this.index.flushNow();
      await this.corpus.flushNow();
    });
  }

  dispose(): void {
    // Best effort: the next open rebuilds whatever this write does not get to.
    void this.index.flushNow();
    void this.corpus.flushNow();
    this.watcher?.dispose();
    this.changeEmitter.dispose();
    this.summaryEmitter.dispose();
    this.setAsideEmitter.dispose();
    this.reconcileEmitter.dispose();
  }

  /** Writes a new note's files, then takes it into the index; `check` may refuse it first. */
  private addNote(header: NoteHeader, content: string, check?: () => void): Promise<NoteMeta> {
    return this.queue.run(async () => {
      this.guard.assertWritable();
      check?.();
      // Body and header first: the index must never point at a note that is not on disk.
      await this.withLock((folder) => writeNewNote(folder, header, content));
      // Stamped after the writes, so the next start does not take the note for one edited outside.
      const meta = deriveNoteMeta(header, content, Date.now());
      this.notes.put(meta);
      this.corpus.set(meta.id, content, meta.updatedAt);
      this.index.schedule();
      this.changed(meta.id);
      return meta;
    });
  }

  private changed(id: string | undefined): void {
    this.changeEmitter.fire(id);
    this.summaryEmitter.fire();
  }

  private requireFolder(): vscode.Uri {
    if (!this.folder) {
      throw vscode.FileSystemError.Unavailable(vscode.l10n.t('Open a folder first: Two Hats keeps notes in its workspace storage.'));
    }
    return this.folder;
  }

  /**
   * Note saves hold the data folder's lock, the one JSON saves take: cheap (a few file-system
   * calls), and a start in another window never cleans up under a save in flight.
   */
  private withLock<T>(task: (folder: vscode.Uri) => Promise<T>): Promise<T> {
    const folder = this.requireFolder();
    return withDataLock(folder, () => task(folder));
  }
}
