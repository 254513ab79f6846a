/**
 * Keeps the persisted full-text index (shared/oneOnOnes/searchIndex.ts) in step with the notes.
 * Part of the search bundle (dist/search.js), with the index: the core holds only
 * a small front (noteSearchIndexFile.ts) that loads this on the first search.
 *
 * Brought up to date at every search by comparing the index with the note index (a note whose
 * `updatedAt` differs is read again, one no longer there is dropped); rebuilt from the note files
 * when the file is missing, damaged or of another version. The file's bytes come and go through
 * the core's `SearchIndexFiles` (its codec: encrypted with the rest), written in the background a
 * while after saves: a write lost to a crash only leaves a few notes to read again.
 */
import type * as vscode from 'vscode';
import type { NoteMeta } from '../../shared/oneOnOnes/noteIndex';
import { NoteSearchIndex } from '../../shared/oneOnOnes/searchIndex';

/** Saves close together share one write; the file is several megabytes at ten thousand notes. */
const SEARCH_INDEX_WRITE_DELAY_MS = 10_000;
/** How often a rebuild reports the index so far, for the search to show what it already finds. */
const PROGRESS_MS = 150;
/** Notes read at a time: thousands at once would flood the file system. */
const READ_CHUNK = 64;

const encoder = new TextEncoder();
const lenient = new TextDecoder('utf-8');

/**
 * The index file of a data folder, read and written by the core (never by this bundle's own copy
 * of the storage code: the codec that encrypts is the core's).
 */
export interface SearchIndexFiles {
  read(folder: vscode.Uri): Promise<Uint8Array | undefined>;
  write(folder: vscode.Uri, bytes: Uint8Array): Promise<void>;
  /** Deletes the file; true once it is gone (also when it was never there). */
  remove(folder: vscode.Uri): Promise<boolean>;
  /** What tells one version of the file from another (its time and size); undefined when there is none. */
  stamp(folder: vscode.Uri): Promise<string | undefined>;
}

/** What the index is kept from: the note store's folder, its notes, and a way to read one. */
export interface SearchIndexSource {
  /** The folder, and whether this window may write there (not a read-only one); undefined without a folder. */
  place(): { folder: vscode.Uri; writable: boolean } | undefined;
  notes(): readonly NoteMeta[];
  read(id: string): Promise<string>;
  /** A note's text with its private part blanked (the core's privacy rule; it is not bundled twice). */
  shareable(text: string): string;
  readonly files: SearchIndexFiles;
}

export class NoteSearchIndexKeeper {
  private index: NoteSearchIndex | undefined;
  private loading: Promise<NoteSearchIndex> | undefined;
  /** Texts just saved, so that bringing the index up to date need not read them back. */
  private readonly saved = new Map<string, { text: string; updatedAt: number }>();
  private refreshing: Promise<unknown> = Promise.resolve();
  /** Bumped when the store opens another folder: work for the old one is dropped. */
  private generation = 0;
  private dirty = false;
  /**
   * The file is there but could not be read (locked, held by another program): this session's
   * index, built without it, must not replace it.
   */
  private fileUnread = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writes: Promise<void> = Promise.resolve();
  /** The file's stamp when this window last read or wrote it: another window's write changes it. */
  private stamp: string | undefined;

  constructor(private readonly source: SearchIndexSource) {}

  /** A note as just saved; taken into the index at the next search (a save does no index work). */
  set(id: string, text: string, updatedAt: number): void {
    if (this.index || this.loading) {
      this.saved.set(id, { text, updatedAt });
      this.schedule();
    }
  }

  /** A note deleted or changed on disk: dropped now, read again by the next search if it is still there. */
  forget(id: string): void {
    this.saved.delete(id);
    if (this.index) {
      this.index.remove(id);
      this.dirty = true;
      this.schedule();
    }
  }

  /** Another folder: the index of this one is let go (after `flushNow`). */
  clear(): void {
    this.generation++;
    this.index = undefined;
    this.loading = undefined;
    this.saved.clear();
    this.dirty = false;
    this.fileUnread = false;
    this.stamp = undefined;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /**
   * The index, brought up to date with the notes. The first call of a session loads the file; when
   * it must read many notes (a rebuild), `onProgress` gets the index so far every few tenths of a
   * second, to search while it goes on.
   */
  ready(onProgress?: (soFar: NoteSearchIndex) => void): Promise<NoteSearchIndex> {
    const generation = this.generation;
    const run = this.refreshing.then(async () => {
      this.loading ??= this.load();
      // A load that failed is tried again by the next search.
      const loaded = await this.loading.catch((error: unknown) => {
        this.loading = undefined;
        throw error;
      });
      if (generation !== this.generation) {
        return loaded; // Loaded from the folder before a `clear`: not kept for the next one.
      }
      const index = (this.index ??= loaded);
      await this.bringUpToDate(index, generation, onProgress);
      return index;
    });
    this.refreshing = run.catch(() => undefined);
    return run;
  }

  /**
   * After a person was erased (their notes already gone from the store): their words leave the
   * file now. An index not loaded this session is deleted instead, and rebuilt by the next search.
   * True once no file holds their words (rewritten, deleted, or never there).
   */
  async erase(): Promise<boolean> {
    const place = this.source.place();
    if (!place) {
      return true;
    }
    if (place.writable && (this.index || this.loading)) {
      try {
        await this.ready();
        this.dirty = true;
        // Over whatever another window wrote meanwhile: this index is the one without them.
        await this.flushNow(true);
        if (!this.dirty) {
          return true;
        }
      } catch {
        // Fall through: a file that cannot be rewritten must not keep their words.
      }
    }
    await this.writes;
    this.stamp = undefined;
    // A window that may not write (a newer version wrote the data) still deletes a cache.
    return this.source.files.remove(place.folder);
  }

  /**
   * Writes a pending update now; resolves once every write asked for so far is done. A file
   * another window wrote or deleted since this one read or wrote it is not overwritten (unless
   * `overwrite`): that window may have erased a person whose notes this window has not yet seen
   * go, and its file must not get their words back. This window's index is let go instead, and the
   * next search loads that file and reads again what it lacks (an erased note can no longer be read).
   */
  flushNow(overwrite = false): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const index = this.index;
    const place = this.source.place();
    if (!index || !this.dirty || !place?.writable || this.fileUnread) {
      return this.writes;
    }
    this.dirty = false;
    const generation = this.generation;
    this.writes = this.writes
      .then(async () => {
        if (!overwrite && (await this.source.files.stamp(place.folder)) !== this.stamp) {
          if (generation === this.generation && this.index === index) {
            this.index = undefined;
            this.loading = undefined;
          }
          return;
        }
        await this.source.files.write(place.folder, encoder.encode(index.serialize()));
        this.stamp = await this.source.files.stamp(place.folder);
      })
      .catch(() => {
        this.dirty = true;
      });
    return this.writes;
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      // Saves are taken in by the next search; a write takes them in itself when none came.
      void this.ready().then(() => this.flushNow(), () => undefined);
    }, SEARCH_INDEX_WRITE_DELAY_MS);
  }

  /** The stored index, or an empty one to rebuild when it is missing, damaged or of another version. */
  private async load(): Promise<NoteSearchIndex> {
    const place = this.source.place();
    // Taken before the read: a write in between makes this window's next write give way, never the reverse.
    this.stamp = place ? await this.source.files.stamp(place.folder).catch(() => undefined) : undefined;
    const bytes = place
      ? await this.source.files.read(place.folder).catch(() => {
          this.fileUnread = true;
          return undefined;
        })
      : undefined;
    let stored: NoteSearchIndex | undefined;
    try {
      stored = bytes ? NoteSearchIndex.parse(lenient.decode(bytes)) : undefined;
    } catch {
      stored = undefined; // Text too long for a string: rebuilt like a damaged file.
    }
    if (!stored) {
      this.dirty = true;
    }
    return stored ?? NoteSearchIndex.empty();
  }

  /** Drops notes no longer there and reads again those changed since they were indexed. */
  private async bringUpToDate(index: NoteSearchIndex, generation: number, onProgress?: (soFar: NoteSearchIndex) => void): Promise<void> {
    const notes = this.source.notes();
    const live = new Set(notes.map((note) => note.id));
    for (const id of index.ids()) {
      if (!live.has(id)) {
        index.remove(id);
        this.dirty = true;
      }
    }
    // Newest first: a rebuild finds the notes a search shows first before the others.
    const stale = notes.filter((note) => !index.isCurrent(note.id, note.updatedAt)).sort((a, b) => (a.date === b.date ? b.createdAt - a.createdAt : a.date < b.date ? 1 : -1));
    let reportedAt = Date.now();
    for (let i = 0; i < stale.length; i += READ_CHUNK) {
      const texts = await Promise.all(stale.slice(i, i + READ_CHUNK).map((note) => this.textOf(note)));
      if (generation !== this.generation) {
        return;
      }
      texts.forEach((text, k) => {
        const note = stale[i + k]!;
        if (text !== undefined) {
          index.set({ id: note.id, text, shareable: this.source.shareable(text), updatedAt: note.updatedAt });
          this.dirty = true;
        }
      });
      if (onProgress && Date.now() - reportedAt >= PROGRESS_MS) {
        reportedAt = Date.now();
        onProgress(index);
      }
    }
    if (stale.length > READ_CHUNK) {
      // A rebuild: written soon, so that the next session starts from it.
      this.schedule();
    }
  }

  private async textOf(note: NoteMeta): Promise<string | undefined> {
    const saved = this.saved.get(note.id);
    this.saved.delete(note.id);
    if (saved && saved.updatedAt === note.updatedAt) {
      return saved.text;
    }
    return this.source.read(note.id).catch(() => undefined);
  }
}
