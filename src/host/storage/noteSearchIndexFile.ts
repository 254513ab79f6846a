/**
 * `search-index.json`, the persisted full-text index, as the note store sees it: a small front in
 * the core for the keeper that lives in the search bundle (dist/search.js, searchIndexKeeper.ts),
 * loaded on the first search of a session. Until then a save does no index work:
 * the first search compares the file with the note index and reads again what changed.
 *
 * The file's bytes pass through `readDataFile`/`writeDataFile` here, in the core, so the one codec
 * encodes them like every other data file (encrypted when the folder is); Encrypt and Decrypt My
 * Notes convert it with the rest of the folder; erasing a person rewrites or deletes it. It is a
 * cache, never backed up (like notes-index.json).
 */
import * as vscode from 'vscode';
import { withPrivateLinesBlanked } from '../../shared/oneOnOnes/privacy';
import type { NoteSearchIndex } from '../../shared/oneOnOnes/searchIndex';
import { SEARCH_INDEX_MAX_BYTES } from '../../shared/fileLimits';
import { LockedError } from '../encryption/lockedError';
import { readDataFileBounded, writeDataFile } from './dataFiles';
import { withDataLock } from './dataLock';
import { UnreadableForNow } from './transientRead';
import { searchIndexUri } from './layout';
import type { NoteSearchIndexKeeper, SearchIndexFiles, SearchIndexSource } from './searchIndexKeeper';

type SearchIndexModule = typeof import('../searchIndexBundle');

let searchModule: SearchIndexModule | undefined;

function searchIndexCode(): SearchIndexModule {
  // Resolved next to dist/core.js at run time; esbuild leaves it to Node (see esbuild.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  searchModule ??= require('./search.js') as SearchIndexModule;
  return searchModule;
}

/** Exported for the tests, which write as another window would. */
export const indexFiles: SearchIndexFiles = {
  read: async (folder) => {
    try {
      return await readDataFileBounded(searchIndexUri(folder), SEARCH_INDEX_MAX_BYTES);
    } catch (error) {
      // Held by another program, or locked: left as it is, neither read nor written over.
      if (error instanceof UnreadableForNow || error instanceof LockedError) {
        throw error;
      }
      // Too large, cut short by a crash, damaged, or in the folder's other form (plain in an
      // encrypted folder): a cache, so it is rebuilt from the notes and written over.
      return undefined;
    }
  },
  // Not flushed to disk: a cache, rebuilt from the notes when a crash loses it. Under the data
  // lock, which Encrypt and Decrypt My Notes hold for their whole run: the write's last look at
  // the folder's form (writeDataFile) then comes after another window's conversion, never before
  // it, so a plain index cannot land in a folder just encrypted (nor an encrypted one in a
  // decrypted folder); that look refuses the write, and the next search writes it again.
  write: (folder, bytes) => withDataLock(folder, () => writeDataFile(searchIndexUri(folder), bytes, { durable: false })),
  remove: (folder) =>
    Promise.resolve(vscode.workspace.fs.delete(searchIndexUri(folder), { useTrash: false })).then(
      () => true,
      async () => (await stampOf(folder)) === undefined,
    ),
  stamp: stampOf,
};

function stampOf(folder: vscode.Uri): Promise<string | undefined> {
  return Promise.resolve(vscode.workspace.fs.stat(searchIndexUri(folder))).then(
    (stat) => `${stat.mtime}:${stat.size}`,
    () => undefined,
  );
}

export class NoteSearchIndexFile {
  /** Made by the first search; until then there is no index in memory to keep current. */
  private keeper: NoteSearchIndexKeeper | undefined;
  private readonly source: SearchIndexSource;

  constructor(source: Omit<SearchIndexSource, 'files' | 'shareable'>) {
    this.source = { ...source, shareable: withPrivateLinesBlanked, files: indexFiles };
  }

  /** The index, up to date with the notes; loads the search bundle and the file the first time. */
  ready(onProgress?: (soFar: NoteSearchIndex) => void): Promise<NoteSearchIndex> {
    try {
      this.keeper ??= new (searchIndexCode().NoteSearchIndexKeeper)(this.source);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return this.keeper.ready(onProgress);
  }

  /** A note as just saved. */
  set(id: string, text: string, updatedAt: number): void {
    this.keeper?.set(id, text, updatedAt);
  }

  /** A note deleted or changed on disk. */
  forget(id: string): void {
    this.keeper?.forget(id);
  }

  /** Another folder: the index of this one is let go (after `flushNow`). */
  clear(): void {
    this.keeper?.clear();
  }

  flushNow(): Promise<void> {
    return this.keeper?.flushNow() ?? Promise.resolve();
  }

  /**
   * After a person was erased: their words leave the file (an index not loaded is deleted, rebuilt
   * by the next search). True once no file holds their words.
   */
  async erase(): Promise<boolean> {
    if (this.keeper) {
      return this.keeper.erase();
    }
    const place = this.source.place();
    return place ? indexFiles.remove(place.folder) : true;
  }
}
