/**
 * A backup folder's note pack on disk (format in notePackFormat.ts): written by the first backup
 * pass of a large store, listed by later passes, and unpacked into single files before anything
 * else reads or changes the backup's notes (restore, erasure, encryption), so that code sees one
 * form only. A single file in `notes/` is newer than the pack's entry of the same name and wins.
 *
 * Local files only (Node's fs): the pack is written where the backup is local, never elsewhere.
 * Part of the pack bundle (dist/backupPack.js): the core reaches it through notePackCode.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, open, readdir, readFile, rename, stat, unlink, utimes, type FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { NOTE_PACK_FILE, noteIdOfFile, NOTES_FOLDER, tempName } from '../../shared/storageLayout';
import { flushFolder, flushToDisk } from './atomicFile';
import { LockBusyError } from './fileLock';
import { MAX_PACK_LENGTH, PACK_HEADER_LENGTH, PACK_TRAILER_LENGTH, PackWriter, readPack, readPackIndex, readPackLayout, type PackEntry, type PackLayout } from './notePackFormat';
import { createPrivateFolder, PRIVATE_FILE_MODE } from './permissions';

/** Source files read at once while packing: about Node's thread pool (4) twice over. */
const IN_FLIGHT = 8;

export function notePackUri(backupFolder: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(backupFolder, NOTE_PACK_FILE);
}

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), tempName(path.basename(target), process.pid, randomBytes(6).toString('hex')));
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The names in a backup's pack, read from its index alone (two small reads, not the pack's
 * megabytes); an empty set when there is no pack, undefined when there is one that does not read.
 */
export async function readPackNames(backupFolder: vscode.Uri): Promise<Set<string> | undefined> {
  if (backupFolder.scheme !== 'file') {
    return new Set();
  }
  let handle: FileHandle;
  try {
    handle = await open(notePackUri(backupFolder).fsPath, 'r');
  } catch (error) {
    return isMissing(error) ? new Set() : undefined;
  }
  try {
    const found = await layoutAndIndex(handle, (await handle.stat()).size);
    if (!found) {
      return undefined;
    }
    const entries = readPackIndex(found.layout, found.index);
    // A pack counts its notes as copied only once its data is seen whole: a damaged byte would
    // otherwise have every pass leave those notes alone while restore refuses the pack.
    return entries.ok && (await dataVerifies(handle, found.layout)) ? new Set(entries.value.map((entry) => entry.name)) : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/**
 * The pack's layout and its index as read, from its header and trailer (two small reads) and the
 * index they point to; undefined when they do not say where its index is (cut short, not a pack,
 * another version, sizes past this version's limits). Nothing larger than the index is read.
 */
async function layoutAndIndex(handle: FileHandle, size: number): Promise<{ layout: PackLayout; index: Buffer } | undefined> {
  if (size < PACK_HEADER_LENGTH + PACK_TRAILER_LENGTH) {
    return undefined;
  }
  const header = Buffer.alloc(PACK_HEADER_LENGTH);
  const trailer = Buffer.alloc(PACK_TRAILER_LENGTH);
  await handle.read(header, 0, header.length, 0);
  await handle.read(trailer, 0, trailer.length, size - PACK_TRAILER_LENGTH);
  const layout = readPackLayout(header, trailer, size);
  if (!layout.ok) {
    return undefined;
  }
  // Bounded by the file's real size and this version's limits: the layout pins the index inside it.
  const index = Buffer.alloc(layout.value.indexLength);
  const { bytesRead } = await handle.read(index, 0, index.length, layout.value.indexOffset);
  return { layout: layout.value, index: index.subarray(0, bytesRead) };
}

/** Packs (by file: inode, size, time) whose data was hashed in this session, and what it showed. */
const dataChecked = new Map<string, boolean>();

/**
 * Whether the pack's header and data hash to what its trailer says: read in chunks (never the
 * whole pack in memory), once per pack file in a session (the pass at every start lists it).
 */
async function dataVerifies(handle: FileHandle, layout: PackLayout): Promise<boolean> {
  const found = await handle.stat();
  const key = `${found.ino}:${found.size}:${found.mtimeMs}`;
  const known = dataChecked.get(key);
  if (known !== undefined) {
    return known;
  }
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1 << 20);
  for (let at = 0; at < layout.indexOffset; ) {
    const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, layout.indexOffset - at), at);
    if (bytesRead === 0) {
      break;
    }
    hash.update(chunk.subarray(0, bytesRead));
    at += bytesRead;
  }
  const verifies = hash.digest().equals(layout.dataHash);
  dataChecked.set(key, verifies);
  return verifies;
}

/**
 * A pack being written under a temporary name beside its target: `add` appends note files read
 * from the data folder, `commit` writes the index, flushes and renames it into place. Until then
 * no reader sees it; a crash leaves only a temporary file (removed as abandoned by a later pass).
 */
export class PackUnderWay {
  private closed = false;
  private isFull = false;

  private constructor(
    private readonly writer: PackWriter,
    private readonly handle: FileHandle,
    private readonly temp: string,
    private readonly target: string,
  ) {}

  /** `startedAt`: before the first note file is read (see `packHeader`). */
  static async begin(backupFolder: vscode.Uri, startedAt: number): Promise<PackUnderWay> {
    const target = notePackUri(backupFolder).fsPath;
    const temp = tempPathFor(target);
    const handle = await open(temp, 'wx', PRIVATE_FILE_MODE);
    const writer = new PackWriter(startedAt);
    const pack = new PackUnderWay(writer, handle, temp, target);
    try {
      await handle.write(writer.header);
    } catch (error) {
      await pack.abandon();
      throw error;
    }
    return pack;
  }

  get count(): number {
    return this.writer.count;
  }

  /** The names added so far. */
  get names(): readonly string[] {
    return this.writer.names;
  }

  /** Appends entries of an older pack (already read and checked). */
  async carry(entries: readonly { name: string; bytes: Uint8Array }[]): Promise<void> {
    await this.handle.write(Buffer.concat(entries.map(({ name, bytes }) => this.writer.add(name, bytes))));
  }

  /** Whether a note file no longer fit (MAX_PACK_LENGTH): nothing more is added. */
  get full(): boolean {
    return this.isFull;
  }

  /**
   * Reads these note files (a few at a time) and appends their stored bytes; a file gone since is
   * left out. Gives the names that did not fit (from the first that did not on): they are copied
   * file by file.
   */
  async add(fromNotes: vscode.Uri, names: readonly string[]): Promise<string[]> {
    if (this.isFull) {
      return [...names];
    }
    const read: (Buffer | undefined)[] = new Array(names.length);
    let next = 0;
    const worker = async () => {
      while (next < names.length) {
        const i = next++;
        read[i] = await readFile(path.join(fromNotes.fsPath, names[i]!)).catch((error: unknown) => {
          if (isMissing(error)) {
            return undefined;
          }
          throw error;
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, names.length) }, worker));
    const parts: Uint8Array[] = [];
    const left: string[] = [];
    names.forEach((name, i) => {
      const bytes = read[i];
      this.isFull ||= bytes !== undefined && !this.writer.fits(name, bytes.byteLength);
      if (this.isFull) {
        if (bytes) {
          left.push(name);
        }
      } else if (bytes) {
        parts.push(this.writer.add(name, bytes));
      }
    });
    await this.handle.write(Buffer.concat(parts));
    return left;
  }

  /** Writes the index, flushes the pack to disk and renames it over any older one. */
  async commit(): Promise<void> {
    try {
      await this.handle.write(this.writer.finish());
      // On disk before the rename: a power cut must not leave the pack's name on empty blocks.
      await this.handle.sync();
      await this.close();
      await rename(this.temp, this.target);
    } catch (error) {
      await this.abandon();
      throw error;
    }
  }

  /** Drops the temporary file; nothing under the pack's name changes. */
  async abandon(): Promise<void> {
    await this.close().catch(() => undefined);
    await unlink(this.temp).catch(() => undefined);
  }

  private async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.handle.close();
    }
  }
}

/** `none`: no pack. `unpacked`: its notes are single files now and it is gone. `damaged`: it does not read and was left as it is. */
export type Unpacked = 'none' | 'unpacked' | 'damaged';

/**
 * A backup's whole pack, checked, and its `stamp` (see `notePackStamp`); undefined when there is
 * none or it does not read.
 */
export async function readNotePack(backupFolder: vscode.Uri): Promise<{ startedAt: number; entries: PackEntry[]; stamp: string } | undefined> {
  const read = await readWholePack(backupFolder).catch(() => undefined);
  return read === undefined || read === 'none' || read === 'damaged' ? undefined : read;
}

/**
 * Which file the pack is now (inode, size, time): another one when it was unpacked or rewritten
 * since; undefined when there is none. Throws when that cannot be told (a disk error, a name that
 * does not resolve): a pack that may still be there is never taken for one that is gone.
 */
export async function notePackStamp(backupFolder: vscode.Uri): Promise<string | undefined> {
  const found = await stat(notePackUri(backupFolder).fsPath).catch((error: unknown) => {
    if (isMissing(error)) {
      return undefined;
    }
    throw error;
  });
  return found && `${found.ino}:${found.size}:${found.mtimeMs}`;
}

async function readWholePack(backupFolder: vscode.Uri): Promise<{ startedAt: number; entries: PackEntry[]; stamp: string } | 'none' | 'damaged'> {
  if (backupFolder.scheme !== 'file') {
    return 'none';
  }
  let handle: FileHandle;
  try {
    handle = await open(notePackUri(backupFolder).fsPath, 'r');
  } catch (error) {
    if (isMissing(error)) {
      return 'none';
    }
    throw error;
  }
  let bytes: Buffer;
  let stamp: string;
  try {
    const found = await handle.stat();
    stamp = `${found.ino}:${found.size}:${found.mtimeMs}`;
    // Its header and trailer first (two small reads): a pack that does not say where its index is
    // is refused before megabytes are read. One longer than a Buffer holds is not one this version
    // wrote (see MAX_PACK_LENGTH).
    if (found.size > MAX_PACK_LENGTH || !(await layoutAndIndex(handle, found.size))) {
      return 'damaged';
    }
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  const pack = readPack(bytes);
  return pack.ok ? { ...pack.value, stamp } : 'damaged';
}

/**
 * Turns a backup's pack back into single files in its `notes/`, then deletes it. A name that is
 * already a single file keeps that file (newer than the pack); a file written there meanwhile by a
 * backup pass is never overwritten (each entry is linked into place, which fails on an existing
 * name). The pack goes only once every entry is on disk, so a run cut short leaves the pack and
 * the next one carries on. Throws when a file cannot be written.
 */
export async function unpackNotes(backupFolder: vscode.Uri, whileRemoving: (remove: () => Promise<void>) => Promise<void> = (remove) => remove(), depth = 0): Promise<Unpacked> {
  const pack = await readWholePack(backupFolder);
  if (pack === 'none' || pack === 'damaged') {
    return pack;
  }
  const packPath = notePackUri(backupFolder).fsPath;
  const { entries, startedAt } = pack;
  const notes = vscode.Uri.joinPath(backupFolder, NOTES_FOLDER);
  await createPrivateFolder(notes);
  const written: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const entry = entries[next++]!;
      const target = path.join(notes.fsPath, entry.name);
      if (await stat(target).then(() => true, (error: unknown) => !isMissing(error))) {
        continue;
      }
      const temp = tempPathFor(target);
      try {
        const handle = await open(temp, 'wx', PRIVATE_FILE_MODE);
        try {
          await handle.writeFile(entry.bytes);
        } finally {
          await handle.close();
        }
        // The copy is as old as the pack: a note changed after it was packed is copied again.
        await utimes(temp, startedAt / 1000, startedAt / 1000);
        if (await putInPlace(temp, target)) {
          written.push(target);
        }
      } finally {
        await unlink(temp).catch(() => undefined);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, entries.length) }, worker));
  // Every entry on disk, and the folder's new names too, before the pack goes.
  await flushToDisk(written);
  await flushFolder(notes.fsPath);
  // Only the pack that was read goes: one renamed into place meanwhile by another window's pass
  // is unpacked in turn (`whileRemoving` holds off such a rename while this one looks and deletes).
  let replaced = false;
  await whileRemoving(async () => {
    const now = await notePackStamp(backupFolder);
    if (now !== pack.stamp) {
      replaced = now !== undefined;
      return;
    }
    await unlink(packPath).catch((error: unknown) => {
      if (!isMissing(error)) {
        throw error;
      }
    });
  });
  if (!replaced) {
    return 'unpacked';
  }
  // Replaced again and again (another window's passes keep writing it): a pack is still there, so
  // this backup is not taken for unpacked, nor for damaged (it reads): it is in use.
  if (depth >= 3) {
    throw new LockBusyError();
  }
  return unpackNotes(backupFolder, whileRemoving, depth + 1);
}

/**
 * Deletes a backup's pack whose bytes are damaged (a SHA-256 hash of it does not match), under
 * `whileRemoving` (the data lock), unless it changed since it was read. A pack cannot be cleaned
 * of a person's notes when it does not read, and a backup that keeps it would be reported not
 * cleaned at every erasure for good; the caller makes sure it is only a copy (packNamesAllIn: the
 * data folder keeps the notes, and the backup's next pass copies them again as files of their
 * own). Kept: one this version does not read though its hashes match or cannot be checked (from a
 * newer Two Hats, larger than this version reads: sound, and read elsewhere), one that reads after
 * all, or one replaced meanwhile. Gone: there is none, or it went meanwhile.
 */
export async function removeDamagedPack(backupFolder: vscode.Uri, whileRemoving: (remove: () => Promise<void>) => Promise<void> = (remove) => remove()): Promise<'removed' | 'kept' | 'gone'> {
  if (backupFolder.scheme !== 'file') {
    return 'kept';
  }
  const packPath = notePackUri(backupFolder).fsPath;
  const stamp = await notePackStamp(backupFolder);
  if (stamp === undefined) {
    return 'gone';
  }
  if ((await readWholePack(backupFolder)) !== 'damaged' || !(await hashCheckFails(packPath))) {
    return 'kept';
  }
  // Set inside the locked step: typed whole, so the checks after it are not narrowed to 'kept'.
  let outcome = 'kept' as 'removed' | 'kept' | 'gone';
  await whileRemoving(async () => {
    const now = await notePackStamp(backupFolder);
    if (now === undefined) {
      outcome = 'gone';
    } else if (now === stamp) {
      await unlink(packPath);
      outcome = 'removed';
    }
  });
  if (outcome === 'removed') {
    await flushFolder(path.dirname(packPath));
  }
  return outcome;
}

/**
 * Whether every note file the pack's index lists is in `dataFolder`'s notes as well, but for the
 * notes `goneOnPurpose` (a person's, being erased), read from an index that hashes whole (its
 * data is not looked at: it is what failed). False when the index does not read. Only then is a
 * damaged pack only copies: a data folder emptied or reused since may have left the pack the last
 * copy of its notes, and one bad byte must not take them all.
 */
export async function packNamesAllIn(backupFolder: vscode.Uri, dataFolder: vscode.Uri, goneOnPurpose: ReadonlySet<string>): Promise<boolean> {
  if (backupFolder.scheme !== 'file' || dataFolder.scheme !== 'file') {
    return false;
  }
  try {
    const handle = await open(notePackUri(backupFolder).fsPath, 'r');
    let names: string[] | undefined;
    try {
      const found = await layoutAndIndex(handle, (await handle.stat()).size);
      const entries = found ? readPackIndex(found.layout, found.index) : undefined;
      names = entries?.ok ? entries.value.map((entry) => entry.name) : undefined;
    } finally {
      await handle.close();
    }
    if (names === undefined) {
      return false;
    }
    const here = new Set(await readdir(path.join(dataFolder.fsPath, NOTES_FOLDER)));
    return names.every((name) => here.has(name) || goneOnPurpose.has(noteIdOfFile(name) ?? ''));
  } catch {
    return false;
  }
}

/**
 * Whether one of the pack's two SHA-256 hashes (of its index, of its header and data, read in
 * chunks) does not match what its trailer says: its bytes are damaged. False when they match, or
 * when no hash could be checked (cut short, another version, sizes past this version's limits, as
 * a sound pack larger than this version reads): such a pack is kept.
 */
async function hashCheckFails(packPath: string): Promise<boolean> {
  const handle = await open(packPath, 'r');
  try {
    const found = await layoutAndIndex(handle, (await handle.stat()).size);
    if (!found || found.index.length !== found.layout.indexLength) {
      return false;
    }
    if (!createHash('sha256').update(found.index).digest().equals(found.layout.indexHash)) {
      return true;
    }
    return !(await dataVerifies(handle, found.layout));
  } finally {
    await handle.close();
  }
}

/** Gives `temp` the name `target` unless a file has it by now; true when it did. */
async function putInPlace(temp: string, target: string): Promise<boolean> {
  try {
    await link(temp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      return false;
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') {
      throw error;
    }
  }
  // A disk without hard links (FAT): a rename, after a last look.
  if (await stat(target).then(() => true, (error: unknown) => !isMissing(error))) {
    return false;
  }
  await rename(temp, target);
  return true;
}

