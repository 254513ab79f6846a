/**
 * `notes-index.json`: a cache of what every note says, so the sidebar need not read thousands of
 * bodies. Written in the background after saves (saves close together share one write), and
 * rebuilt from the note files when it is missing, damaged or behind them.
 */
import * as vscode from 'vscode';
import { parseNoteIndex, serializeNoteIndex, type NoteMeta } from '../../shared/oneOnOnes/noteIndex';
import { NOTE_INDEX_FILE } from '../../shared/storageLayout';
import { setAside } from './atomicFile';
import { readDataFile, writeDataFile } from './dataFiles';
import { withDataLock } from './dataLock';
import type { SetAsideNotice } from './jsonFileStore';
import { noteIndexUri } from './layout';
import type { NewerVersionGuard } from './newerVersionGuard';
import { readPatiently } from './transientRead';
import { markStartup } from '../startupTimeline'; // For `npm run bench` only: a few startup moments in memory.

/** Saves that come close together share one index write. */
const INDEX_WRITE_DELAY_MS = 1000;
const encoder = new TextEncoder();
const lenient = new TextDecoder('utf-8');

/** What a data folder's index held, as far as it can be used. */
export interface LoadedIndex {
  readonly notes: NoteMeta[];
  /** Notes whose entry an older privacy rule derived: to be read again by the reconcile. */
  readonly derivedByOlderRule: readonly string[];
  /** Set when the index was damaged and moved aside; the user is told, the notes rebuild it. */
  readonly setAside?: SetAsideNotice;
}

/** Reads the index of `folder`; a damaged one is set aside, one from a newer Two Hats turns the window read-only. */
export async function loadNoteIndex(folder: vscode.Uri, guard: NewerVersionGuard): Promise<LoadedIndex> {
  const target = noteIndexUri(folder);
  // The index is only a cache, rebuilt from the notes: a file held by another program for now
  // is not damaged, and is simply not used this time.
  markStartup('notes.indexRead.start');
  const bytes = await readPatiently(NOTE_INDEX_FILE, () => readDataFile(target)).catch(() => undefined);
  markStartup('notes.indexRead');
  if (bytes === undefined) {
    return { notes: [], derivedByOlderRule: [] };
  }
  const result = parseNoteIndex(lenient.decode(bytes));
  markStartup('notes.indexParsed');
  if (result.ok) {
    // Derived by an older privacy rule: until the reconcile reads each note again, the index
    // counts every open item as private.
    return { notes: result.notes, derivedByOlderRule: result.outdated ? result.notes.map((note) => note.id) : [] };
  }
  if (result.fromNewerVersion) {
    guard.turnReadOnly(NOTE_INDEX_FILE);
    return { notes: [], derivedByOlderRule: [] };
  }
  // Damaged: set it aside for inspection, and rebuild it from the notes.
  const movedTo = await setAside(target, 'corrupt');
  return { notes: [], derivedByOlderRule: [], setAside: { original: target, movedTo, reason: result.reason } };
}

/**
 * The delayed writer of one data folder's index. Writes run in order with each other but
 * outside the note store's queue: a cache never makes a save wait.
 */
export class NoteIndexWriter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writes: Promise<void> = Promise.resolve();

  /**
   * `snapshot` gives the folder and notes to write now, or undefined when nothing may be written
   * (no folder, or a read-only window, whose index may be a newer one).
   */
  constructor(private readonly snapshot: () => { folder: vscode.Uri; notes: readonly NoteMeta[] } | undefined) {}

  /** Asks for a write soon; several asks before it runs make one write. */
  schedule(): void {
    if (this.timer) {
      return;
    }
    this.timer = setTimeout(() => void this.flushNow(), INDEX_WRITE_DELAY_MS);
  }

  /** Writes a pending update now; resolves once every write asked for so far is done. */
  flushNow(): Promise<void> {
    if (!this.timer) {
      return this.writes;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.snapshot();
    if (now) {
      const text = serializeNoteIndex(now.notes);
      const target = noteIndexUri(now.folder);
      this.writes = this.writes.then(() => writeIndex(now.folder, target, text)).catch(() => undefined);
    }
    return this.writes;
  }

  /**
   * Writes the index now, whether an update is pending or not, and answers whether it was
   * written: after Delete Person an index left behind would still hold their notes' titles and
   * open items, and the user must be told. True when nothing may be written (a read-only window).
   */
  async writeNow(): Promise<boolean> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const now = this.snapshot();
    if (!now) {
      return this.writes.then(() => true);
    }
    const text = serializeNoteIndex(now.notes);
    const target = noteIndexUri(now.folder);
    let written = true;
    this.writes = this.writes
      .then(() => writeIndex(now.folder, target, text))
      .catch(() => {
        written = false;
      });
    await this.writes;
    return written;
  }
}

/**
 * Not flushed to disk: a cache, rebuilt from the notes when a crash loses it. Under the data lock,
 * which Encrypt and Decrypt My Notes hold for their whole run (in any window): the write's last
 * look at the folder's form (writeDataFile) comes after such a conversion, never before it, so an
 * index of titles and open items cannot land plain in a folder just encrypted.
 */
function writeIndex(folder: vscode.Uri, target: vscode.Uri, text: string): Promise<void> {
  return withDataLock(folder, () => writeDataFile(target, encoder.encode(text), { durable: false }));
}
