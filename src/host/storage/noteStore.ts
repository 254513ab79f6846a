/**
 * The one module that owns 1:1 notes on disk. Each note is two files in `notes/`: its Markdown
 * body and a header written once at creation (who, when, which template). `notes-index.json`
 * is a cache of what every note says, so the sidebar need not read thousands of bodies; it is
 * written in the background after saves, and rebuilt from the note files when it is missing,
 * damaged, or behind notes that were edited, added or deleted outside Two Hats.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { NOTE_MAX_BYTES } from '../../shared/fileLimits';
import {
  deriveNoteMeta,
  headerOf,
  parseNoteHeader,
  parseNoteIndex,
  serializeNoteHeader,
  serializeNoteIndex,
  type NoteHeader,
  type NoteMeta,
} from '../../shared/oneOnOnes/noteIndex';
import { NotesByPerson } from '../../shared/oneOnOnes/notesByPerson';
import type { SearchableNote } from '../../shared/oneOnOnes/search';
import { readFileIfExists, removeLeftoverTemps, setAside, writeFileAtomic } from './atomicFile';
import { whenDataLockFree, withDataLock } from './dataLock';
import { readBounded } from './boundedRead';
import { createPrivateFolder, makeFilePrivate } from './permissions';
import type { SetAsideNotice } from './jsonFileStore';
import { NewerVersionGuard } from './newerVersionGuard';
import { SerialQueue } from './serialQueue';
import { readPatiently } from './transientRead';
import { markStartup } from '../startupTimeline'; // For `npm run bench` only: a few startup moments in memory.

const INDEX_FILE = 'notes-index.json';
const NOTES_DIR = 'notes';
const HEADER_SUFFIX = '.header.json';
/** Saves that come close together share one index write. */
const INDEX_WRITE_DELAY_MS = 1000;
/** Notes checked per turn of the queue while reconciling. */
const CHECK_CHUNK = 64;
/** How long file events gather before the notes they name are checked. */
const WATCH_SETTLE_MS = 300;
/** How often a first search's reading reports the notes read so far. */
const SEARCH_PROGRESS_MS = 150;
const NOTHING_FOUND: Reconciliation = { added: 0, updated: 0, removed: 0, unplaced: 0 };
const encoder = new TextEncoder();
const lenient = new TextDecoder('utf-8');
const strict = new TextDecoder('utf-8', { fatal: true });

export interface NewNote {
  readonly personId: string;
  readonly date: string;
  readonly templateId: string;
  readonly title: string;
  readonly content: string;
}

/** What the check against the note files found, for the log and the tests. */
export interface Reconciliation {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  /** Markdown files in the notes folder that have no header: kept, but not shown. */
  readonly unplaced: number;
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
  /** Note bodies read so far, for search; filled on the first search, kept current by writes. */
  private readonly texts = new Map<string, string>();
  private indexTimer: ReturnType<typeof setTimeout> | undefined;
  private indexWrites: Promise<void> = Promise.resolve();
  private watcher: vscode.Disposable | undefined;
  private lastOpen: Promise<void> = Promise.resolve();
  private lastReconcile: Promise<Reconciliation> = Promise.resolve(NOTHING_FOUND);

  /** `guard` is shared with the window's other stores: a newer index or header makes all read-only. */
  constructor(private readonly guard = new NewerVersionGuard()) {}

  /** Fires with the id of the note that changed, or undefined when everything may have. */
  readonly onDidChange = this.changeEmitter.event;
  /**
   * Fires when what the sidebar shows about notes may have changed: not for a save that only
   * changed prose, which is most saves.
   */
  readonly onDidChangeSummary = this.summaryEmitter.event;
  readonly onDidSetAside = this.setAsideEmitter.event;
  readonly onDidReconcile = this.reconcileEmitter.event;

  /**
   * Loads the index and starts checking it against the note files. Resolves once the index is
   * loaded; the check follows in the background (see `reconciled`).
   */
  open(folder: vscode.Uri | undefined): Promise<void> {
    const opened = this.queue.run(async () => {
      await this.flushIndexNow();
      this.watcher?.dispose();
      this.watcher = undefined;
      this.folder = folder;
      this.notes = new NotesByPerson();
      this.texts.clear();
      this.derivedByOlderRule.clear();
      if (folder) {
        await createPrivateFolder(folder);
        await createPrivateFolder(vscode.Uri.joinPath(folder, NOTES_DIR));
        this.notes = new NotesByPerson(await this.readIndex(folder));
        this.watcher = this.watchNotes(folder);
      }
      this.changeEmitter.fire(undefined);
      this.summaryEmitter.fire();
    });
    this.lastOpen = opened.catch(() => undefined);
    this.lastReconcile = opened.then(() => (folder ? this.reconcile(folder) : NOTHING_FOUND));
    return opened;
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
    const bytes = await readBounded(this.noteUri(id), NOTE_MAX_BYTES);
    if (bytes === undefined) {
      throw vscode.FileSystemError.FileNotFound(`Two Hats note ${id}`);
    }
    return bytes;
  }

  async read(id: string): Promise<string> {
    return lenient.decode(await this.readBytes(id));
  }

  create(note: NewNote): Promise<NoteMeta> {
    return this.queue.run(async () => {
      this.guard.assertWritable();
      const now = Date.now();
      const header: NoteHeader = { id: randomUUID(), personId: note.personId, date: note.date, templateId: note.templateId, title: note.title, createdAt: now };
      // Body and header first: the index must never point at a note that is not on disk.
      await this.withLock(async () => {
        await writeFileAtomic(this.noteUri(header.id), encoder.encode(note.content));
        await writeFileAtomic(this.headerUri(header.id), encoder.encode(serializeNoteHeader(header)));
      });
      // Stamped after the writes, so the next start does not take the note for one edited outside.
      const meta = deriveNoteMeta(header, note.content, Date.now());
      this.notes.put(meta);
      this.texts.set(meta.id, note.content);
      this.scheduleIndexWrite();
      this.changeEmitter.fire(meta.id);
      this.summaryEmitter.fire();
      return meta;
    });
  }

  /**
   * Brings back an exported note under its own id, date and template. The caller makes sure the
   * id is free: an import never overwrites a note.
   */
  importNote(header: NoteHeader, content: string): Promise<NoteMeta> {
    return this.queue.run(async () => {
      this.guard.assertWritable();
      if (this.find(header.id)) {
        throw vscode.FileSystemError.FileExists(`Two Hats note ${header.id}`);
      }
      await this.withLock(async () => {
        await writeFileAtomic(this.noteUri(header.id), encoder.encode(content));
        await writeFileAtomic(this.headerUri(header.id), encoder.encode(serializeNoteHeader(header)));
      });
      const meta = deriveNoteMeta(header, content, Date.now());
      this.notes.put(meta);
      this.texts.set(meta.id, content);
      this.scheduleIndexWrite();
      this.changeEmitter.fire(meta.id);
      this.summaryEmitter.fire();
      return meta;
    });
  }

  /**
   * Deletes every note of a person for good: body, header and any original kept beside it. The
   * index is rewritten at once, so no copy of their notes' titles or items stays behind.
   */
  removePerson(personId: string): Promise<string[]> {
    return this.queue.run(async () => {
      const folder = this.folder;
      const ids = this.notes.forPerson(personId).map((meta) => meta.id);
      if (!folder || ids.length === 0) {
        return [];
      }
      const dir = vscode.Uri.joinPath(folder, NOTES_DIR);
      const names = (await vscode.workspace.fs.readDirectory(dir).then(undefined, () => [] as [string, vscode.FileType][])).map(([name]) => name);
      for (const id of ids) {
        for (const name of names.filter((n) => n.startsWith(`${id}.`))) {
          await vscode.workspace.fs.delete(vscode.Uri.joinPath(dir, name), { useTrash: false }).then(undefined, () => undefined);
        }
        this.notes.remove(id);
        this.texts.delete(id);
      }
      this.scheduleIndexWrite();
      await this.flushIndexNow();
      this.changeEmitter.fire(undefined);
      this.summaryEmitter.fire();
      return ids;
    });
  }

  /** Saves a note's text. Costs the note's own size only; the index catches up in the background. */
  write(id: string, content: string): Promise<NoteMeta> {
    return this.queue.run(async () => {
      this.guard.assertWritable();
      const current = this.find(id);
      if (!current) {
        throw vscode.FileSystemError.FileNotFound(`Two Hats note ${id}`);
      }
      await this.withLock(async () => {
        await this.keepUndecodableOriginal(id);
        await writeFileAtomic(this.noteUri(id), encoder.encode(content));
      });
      this.texts.set(id, content);
      const meta = deriveNoteMeta(headerOf(current), content, Date.now());
      this.notes.put(meta);
      this.scheduleIndexWrite();
      this.changeEmitter.fire(id);
      if (summaryOf(meta) !== summaryOf(current)) {
        this.summaryEmitter.fire();
      }
      return meta;
    });
  }

  /**
   * Every note's text, newest first, for search: read from disk once, then kept current by saves.
   * The first read of ten thousand notes takes a second or two, so `onProgress` is given the
   * notes read so far (newest first, every few tenths of a second) to search while it goes on.
   */
  async searchable(onProgress?: (readSoFar: SearchableNote[]) => void): Promise<SearchableNote[]> {
    const newestFirst = [...this.notes.all].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
    const corpus = () =>
      newestFirst.flatMap((note) => {
        const text = this.texts.get(note.id);
        return text === undefined ? [] : [{ id: note.id, text }];
      });
    const missing = newestFirst.filter((note) => !this.texts.has(note.id));
    let reportedAt = 0;
    // A few reads at a time: thousands of notes at once would flood the file system.
    for (let i = 0; i < missing.length; i += 64) {
      await Promise.all(
        missing.slice(i, i + 64).map(async (note) => {
          const text = await this.read(note.id).catch(() => undefined);
          if (text !== undefined) {
            this.texts.set(note.id, text);
          }
        }),
      );
      if (onProgress && Date.now() - reportedAt >= SEARCH_PROGRESS_MS) {
        reportedAt = Date.now();
        onProgress(corpus());
      }
    }
    return corpus();
  }

  /** Writes a pending index update now; called before the store closes or moves. */
  flush(): Promise<void> {
    return this.queue.run(() => this.flushIndexNow());
  }

  dispose(): void {
    // Best effort: the next open rebuilds whatever this write does not get to.
    void this.flushIndexNow();
    this.watcher?.dispose();
    this.changeEmitter.dispose();
    this.summaryEmitter.dispose();
    this.setAsideEmitter.dispose();
    this.reconcileEmitter.dispose();
  }

  /**
   * Note saves hold the data folder's lock, the one JSON saves take: cheap (a few file-system
   * calls), and a start in another window never cleans up under a save in flight.
   */
  private withLock<T>(task: () => Promise<T>): Promise<T> {
    if (!this.folder) {
      throw vscode.FileSystemError.Unavailable('Open a folder first: Two Hats keeps notes in its workspace storage.');
    }
    return withDataLock(this.folder, task);
  }

  private noteUri(id: string): vscode.Uri {
    if (!this.folder) {
      throw vscode.FileSystemError.Unavailable('Open a folder first: Two Hats keeps notes in its workspace storage.');
    }
    return vscode.Uri.joinPath(this.folder, NOTES_DIR, `${id}.md`);
  }

  private headerUri(id: string): vscode.Uri {
    return vscode.Uri.joinPath(this.noteUri(id), '..', `${id}${HEADER_SUFFIX}`);
  }

  /**
   * A note that is not valid UTF-8 (written by another program) cannot be shown exactly; before
   * the editor's version replaces it, the original bytes are kept beside it.
   */
  private async keepUndecodableOriginal(id: string): Promise<void> {
    // A file no newer than Two Hats' own last write of it holds that write, which is UTF-8:
    // a stat, not a read of the whole note, on the save path.
    const known = this.find(id);
    const stat = await vscode.workspace.fs.stat(this.noteUri(id)).then(undefined, () => undefined);
    if (!stat || (known && stat.mtime <= known.updatedAt)) {
      return;
    }
    const bytes = await readFileIfExists(this.noteUri(id));
    if (!bytes) {
      return;
    }
    try {
      strict.decode(bytes);
    } catch {
      const copy = vscode.Uri.joinPath(this.noteUri(id), '..', `${id}.not-utf8-${Date.now()}.bak`);
      await vscode.workspace.fs.writeFile(copy, bytes);
      await makeFilePrivate(copy);
    }
  }

  private scheduleIndexWrite(): void {
    if (this.indexTimer) {
      return;
    }
    this.indexTimer = setTimeout(() => void this.flushIndexNow(), INDEX_WRITE_DELAY_MS);
  }

  /**
   * Writes the index, in order with earlier index writes but outside the store's queue: it is a
   * cache (rebuilt from the notes if it is behind), so a save never waits for it.
   */
  private flushIndexNow(): Promise<void> {
    if (!this.indexTimer) {
      return this.indexWrites;
    }
    clearTimeout(this.indexTimer);
    this.indexTimer = undefined;
    // A read-only window writes nothing, not even the cache: the index may be a newer one.
    if (this.folder && this.guard.readOnlyReason === undefined) {
      const target = vscode.Uri.joinPath(this.folder, INDEX_FILE);
      const text = serializeNoteIndex(this.notes.all);
      this.indexWrites = this.indexWrites.then(() => writeFileAtomic(target, encoder.encode(text), { durable: false })).catch(() => undefined);
    }
    return this.indexWrites;
  }

  private async readIndex(folder: vscode.Uri): Promise<NoteMeta[]> {
    const target = vscode.Uri.joinPath(folder, INDEX_FILE);
    // The index is only a cache, rebuilt from the notes: a file held by another program for now
    // is not damaged, and is simply not used this time.
    markStartup('notes.indexRead.start');
    const bytes = await readPatiently(INDEX_FILE, () => readFileIfExists(target)).catch(() => undefined);
    markStartup('notes.indexRead');
    if (bytes === undefined) {
      return [];
    }
    const result = parseNoteIndex(lenient.decode(bytes));
    markStartup('notes.indexParsed');
    if (result.ok) {
      if (result.outdated) {
        // Derived by an older privacy rule: until the reconcile reads each note again, the index
        // counts every open item as private.
        result.notes.forEach((note) => this.derivedByOlderRule.add(note.id));
      }
      return result.notes;
    }
    if (result.fromNewerVersion) {
      this.guard.turnReadOnly(INDEX_FILE);
      return [];
    }
    // Damaged: set it aside for inspection, and rebuild it from the notes.
    await setAside(target, 'corrupt');
    return [];
  }

  /**
   * Brings the index in line with the note files: notes added or restored by hand are picked up
   * from their headers, notes edited outside are read again, notes deleted outside are dropped.
   * Notes from before headers existed get one written from the index.
   */
  private async reconcile(folder: vscode.Uri): Promise<Reconciliation> {
    // In steps through the queue, so that a start or a save never waits for thousands of notes.
    const step = <T>(task: () => Promise<T>): Promise<T | undefined> =>
      this.queue.run(async () => (this.folder?.toString() === folder.toString() ? task() : undefined));
    const dir = vscode.Uri.joinPath(folder, NOTES_DIR);
    const names = await step(async () => {
      // A save cut off before its rename never reached the note: the note still holds the last
      // acknowledged save, and the temporary file is only in the way. Under the lock, and only
      // temps whose window has gone: another window may be saving a note right now.
      await whenDataLockFree(folder, async () => {
        await removeLeftoverTemps(dir);
        await removeLeftoverTemps(folder, INDEX_FILE);
      });
      const entries = await vscode.workspace.fs.readDirectory(dir).then(undefined, () => [] as [string, vscode.FileType][]);
      return new Set(entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name));
    });
    if (!names) {
      return NOTHING_FOUND;
    }
    const removed =
      (await step(async () => {
        const gone = this.notes.all.filter((meta) => !names.has(`${meta.id}.md`));
        for (const meta of gone) {
          this.notes.remove(meta.id);
          this.texts.delete(meta.id);
        }
        return gone.length;
      })) ?? 0;
    const ids = [...names].map((name) => /^([\w-]{1,64})\.md$/.exec(name)?.[1]).filter((id): id is string => id !== undefined);
    const outcomes = await this.checkNotes(folder, ids, names);
    const result = { ...outcomes, removed };
    if (result.added + result.updated + result.removed > 0) {
      await step(async () => {
        this.scheduleIndexWrite();
        await this.flushIndexNow();
      });
      this.changeEmitter.fire(undefined);
      this.summaryEmitter.fire();
    }
    this.reconcileEmitter.fire(result);
    return result;
  }

  /** Checks notes against their files, a chunk per turn of the queue. */
  private async checkNotes(folder: vscode.Uri, ids: readonly string[], names: ReadonlySet<string>): Promise<Omit<Reconciliation, 'removed'>> {
    const dir = vscode.Uri.joinPath(folder, NOTES_DIR);
    const counts = { added: 0, updated: 0, unplaced: 0 };
    for (let i = 0; i < ids.length; i += CHECK_CHUNK) {
      const outcomes = await this.queue.run(async () =>
        this.folder?.toString() === folder.toString() ? Promise.all(ids.slice(i, i + CHECK_CHUNK).map((id) => this.reconcileNote(dir, id, names))) : [],
      );
      counts.added += outcomes.filter((o) => o === 'added').length;
      counts.updated += outcomes.filter((o) => o === 'updated').length;
      counts.unplaced += outcomes.filter((o) => o === 'unplaced').length;
    }
    return counts;
  }

  /** Checks one note file against the index: what changed about it, if anything. */
  private async reconcileNote(dir: vscode.Uri, id: string, names: ReadonlySet<string>): Promise<'added' | 'updated' | 'removed' | 'unplaced' | 'same'> {
    const known = this.notes.find(id);
    const uri = vscode.Uri.joinPath(dir, `${id}.md`);
    const stat = await vscode.workspace.fs.stat(uri).then(undefined, () => undefined);
    if (!stat) {
      if (!known) {
        return 'same';
      }
      this.notes.remove(id);
      this.texts.delete(id);
      return 'removed';
    }
    if (known) {
      if (!names.has(`${id}${HEADER_SUFFIX}`) && this.guard.readOnlyReason === undefined) {
        await writeFileAtomic(this.headerUri(id), encoder.encode(serializeNoteHeader(headerOf(known))));
      }
      if (stat.mtime <= known.updatedAt && !this.derivedByOlderRule.has(id)) {
        return 'same';
      }
      this.derivedByOlderRule.delete(id);
      // Grown past the limit outside Two Hats: shown as it was; opening it says why it is not read.
      const bytes = await readBounded(uri, NOTE_MAX_BYTES).catch(() => undefined);
      if (!bytes) {
        return 'same';
      }
      this.notes.put(deriveNoteMeta(headerOf(known), lenient.decode(bytes), stat.mtime));
      this.texts.delete(id);
      return 'updated';
    }
    const headerBytes = names.has(`${id}${HEADER_SUFFIX}`) ? await readFileIfExists(this.headerUri(id)) : undefined;
    const header = headerBytes ? parseNoteHeader(lenient.decode(headerBytes)) : undefined;
    if (header && !header.ok && header.fromNewerVersion) {
      this.guard.turnReadOnly(`${id}${HEADER_SUFFIX}`);
    }
    if (!header?.ok || header.value.id !== id) {
      return 'unplaced';
    }
    const bytes = await readBounded(uri, NOTE_MAX_BYTES).catch(() => undefined);
    if (!bytes) {
      return 'unplaced';
    }
    this.notes.put(deriveNoteMeta(header.value, lenient.decode(bytes), stat.mtime));
    return 'added';
  }

  /**
   * Follows note files changed by something other than Two Hats while it runs. Each event checks
   * only the note it names, so Two Hats' own saves cost a stat, not a scan of every note.
   */
  private watchNotes(folder: vscode.Uri): vscode.Disposable {
    const dir = vscode.Uri.joinPath(folder, NOTES_DIR);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, '*.{md,json}'));
    // A sync tool may drop thousands of files at once: gather the ids, then check them in chunks.
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = async () => {
      timer = undefined;
      const ids = [...pending];
      pending.clear();
      const names = new Set(ids.flatMap((id) => [`${id}.md`, `${id}${HEADER_SUFFIX}`]));
      const before = new Set(ids.filter((id) => this.notes.find(id)));
      const found = await this.checkNotes(folder, ids, names);
      const removed = ids.filter((id) => before.has(id) && !this.notes.find(id)).length;
      if (found.added + found.updated + removed > 0) {
        this.scheduleIndexWrite();
        this.changeEmitter.fire(ids.length === 1 && removed === 0 ? ids[0] : undefined);
        this.summaryEmitter.fire();
      }
    };
    const check = (uri: vscode.Uri) => {
      const id = /\/([\w-]{1,64})(?:\.md|\.header\.json)$/.exec(uri.path)?.[1];
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

}
