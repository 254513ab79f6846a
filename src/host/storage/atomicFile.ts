/**
 * Atomic file writes.
 *
 * `workspace.fs.writeFile` truncates the target before writing, so a crash mid-write leaves an
 * empty or torn file. Writing a temporary file beside the target and renaming it over the target
 * is atomic on a local disk: a reader sees the old version or the new one, never half of each.
 *
 * The rename must be the operating system's own. Measured in VS Code 1.139's extension host,
 * `workspace.fs.rename(temp, target, { overwrite: true })` deletes the target first and renames
 * some milliseconds later, so a crash in between loses the file. Local files therefore go
 * through Node: write, flush to disk, rename. Other schemes fall back to `workspace.fs`.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, copyFile, open, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import * as vscode from 'vscode';
import { fileStamp, setAsideName, TEMP_TAIL, tempName } from '../../shared/storageLayout';
import { processIsAlive } from './fileLock';
import { fileNameOf } from './layout';
import { PRIVATE_FILE_MODE } from './permissions';

/** No write takes this long: a temp this old whose process still runs was left by a failed one. */
const TEMP_ABANDONED_MS = 10 * 60_000;

/** Whether a file's name is that of a temporary file beside its target. */
export function isTempName(name: string): boolean {
  return TEMP_TAIL.test(name);
}

/** Named after the writing process, so that a start in another window can tell it is in use. */
function tempSibling(target: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(target, '..', tempName(fileNameOf(target), process.pid, randomBytes(6).toString('hex')));
}

/**
 * Whether a temporary file was left by an interrupted write, rather than being written right now
 * by a window that is still running (this one included). Pids are of this machine: the data
 * folder is local storage.
 */
export async function isAbandonedTemp(uri: vscode.Uri): Promise<boolean> {
  const pid = TEMP_TAIL.exec(uri.path)?.[1];
  if (pid === undefined || !processIsAlive(Number(pid))) {
    return true;
  }
  const mtime = await vscode.workspace.fs.stat(uri).then(
    (s) => s.mtime,
    () => Date.now(),
  );
  return Date.now() - mtime > TEMP_ABANDONED_MS;
}

async function onlyAbandoned(uris: vscode.Uri[]): Promise<vscode.Uri[]> {
  const abandoned = await Promise.all(uris.map(isAbandonedTemp));
  return uris.filter((_, i) => abandoned[i]);
}

export async function writeFileAtomic(target: vscode.Uri, content: Uint8Array, options: { durable?: boolean } = {}): Promise<void> {
  const temp = tempSibling(target);
  if (target.scheme === 'file') {
    try {
      // For the user's eyes only (see permissions.ts); the rename keeps the mode.
      const handle = await open(temp.fsPath, 'w', PRIVATE_FILE_MODE);
      try {
        await handle.writeFile(content);
        // On disk before the rename: a power cut must not leave the new name on empty blocks.
        // A cache that is rebuilt from the real files can skip it.
        if (options.durable !== false) {
          await handle.sync();
        }
      } finally {
        await handle.close();
      }
      await rename(temp.fsPath, target.fsPath);
    } catch (error) {
      await unlink(temp.fsPath).catch(() => undefined);
      throw error;
    }
    return;
  }
  try {
    await vscode.workspace.fs.writeFile(temp, content);
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}

/**
 * Copies `source` over `target` as a file of its own, without passing the bytes through the
 * extension: cloned where the disk shares blocks copy-on-write (btrfs, XFS, APFS), copied by the
 * kernel elsewhere. Copied beside the target under a temporary name, flushed to disk, then renamed
 * over it, so a reader of `target` sees the old copy or the new one, never half of each.
 *
 * An empty source (a torn write by another program) never replaces a target that holds
 * something; that is judged on the copy made, not on an earlier look at the source, which may
 * change in between. So is `damaged` (bytes that do not decode, say): such a copy is dropped,
 * and the target stays as it was. Returns false when either is not a local file (the caller reads
 * and writes); a missing source copies nothing.
 */
export async function copyFileAtomic(source: vscode.Uri, target: vscode.Uri, damaged?: (copied: Uint8Array) => Promise<boolean>): Promise<boolean> {
  if (source.scheme !== 'file' || target.scheme !== 'file') {
    return false;
  }
  const temp = tempSibling(target).fsPath;
  try {
    if (!(await copyToTemp(source.fsPath, temp))) {
      return true;
    }
    const handle = await open(temp, 'r+');
    let size: number;
    try {
      // The copy takes the source's mode, and a note written by another program may be readable
      // by others: the backup is for the user's eyes only (permissions.ts).
      await handle.chmod(PRIVATE_FILE_MODE);
      // On disk before the rename: a power cut must not leave the copy's name on empty blocks.
      await handle.sync();
      size = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
    if (size === 0 && (await stat(target.fsPath).then((s) => s.size > 0, () => false))) {
      await unlink(temp);
      return true;
    }
    if (damaged && (await damaged(await readFile(temp)))) {
      await unlink(temp);
      return true;
    }
    await rename(temp, target.fsPath);
    return true;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Copies `source` to `temp` (a clone where the disk can); false when the source is gone. */
async function copyToTemp(source: string, temp: string): Promise<boolean> {
  try {
    await copyFile(source, temp, constants.COPYFILE_FICLONE);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await exists(source))) {
      return false;
    }
    throw error;
  }
}

/**
 * Copies `source` to `target`, where the caller found no file, as a file of its own, the way
 * `copyFileAtomic` does but without flushing it to disk: copied under a temporary name, made
 * private, renamed. A crash leaves no half copy under `target`'s name. For copying thousands of
 * files at once (the first backup of a store): the caller flushes them together with
 * `flushToDisk` before it records them as complete, which costs far less than one flush per copy
 * made before the next begins.
 *
 * Returns the local path written, undefined when the source is missing, false when either is not
 * a local file (the caller reads and writes).
 */
export async function copyNewFile(source: vscode.Uri, target: vscode.Uri): Promise<string | undefined | false> {
  if (source.scheme !== 'file' || target.scheme !== 'file') {
    return false;
  }
  const temp = tempSibling(target).fsPath;
  try {
    if (!(await copyToTemp(source.fsPath, temp))) {
      return undefined;
    }
    // The copy takes the source's mode: the backup is for the user's eyes only (permissions.ts).
    await chmod(temp, PRIVATE_FILE_MODE);
    await rename(temp, target.fsPath);
    return target.fsPath;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Flushes a folder's entries (new names, renames) to disk. Windows opens no folder for flushing
 * (NTFS journals renames itself), nor do some network file systems: each file is still whole in
 * one form or the other there, only less sure to outlive a power cut.
 */
export async function flushFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // See above: nothing more can be done for the folder's entries.
  } finally {
    await handle?.close();
  }
}

/** Flushes local files written by `copyNewFile` to disk, a few at a time; a file gone since is skipped. */
export async function flushToDisk(files: readonly string[], inFlight = 8): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') {
          return undefined;
        }
        throw error;
      });
      if (handle) {
        try {
          await handle.datasync();
        } finally {
          await handle.close();
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, worker));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Leftover temporary files of `target` from writes that were interrupted, newest first; not those of a write under way. */
export async function findLeftoverTemps(target: vscode.Uri): Promise<vscode.Uri[]> {
  const dir = vscode.Uri.joinPath(target, '..');
  const name = fileNameOf(target);
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${TEMP_TAIL.source}`);
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  const temps = await onlyAbandoned(entries.filter(([entry, type]) => type === vscode.FileType.File && pattern.test(entry)).map(([entry]) => vscode.Uri.joinPath(dir, entry)));
  const withTimes = await Promise.all(
    temps.map(async (uri) => {
      const stat = await vscode.workspace.fs.stat(uri).then(
        (s) => s.mtime,
        () => 0,
      );
      return { uri, mtime: stat };
    }),
  );
  return withTimes.sort((a, b) => b.mtime - a.mtime).map((t) => t.uri);
}

/**
 * Removes temporary files in `dir` (of `onlyOf` alone, when given) left by an interrupted write, not those of a write
 * under way. Only for files whose target, if it exists, still holds the last acknowledged write (notes, headers, the index).
 */
export async function removeLeftoverTemps(dir: vscode.Uri, onlyOf?: string): Promise<number> {
  const entries = await vscode.workspace.fs.readDirectory(dir).then(undefined, () => [] as [string, vscode.FileType][]);
  const temps = await onlyAbandoned(
    entries
      .filter(([name, type]) => type === vscode.FileType.File && TEMP_TAIL.test(name) && (onlyOf === undefined || name.startsWith(`${onlyOf}.`)))
      .map(([name]) => vscode.Uri.joinPath(dir, name)),
  );
  await Promise.all(temps.map((uri) => vscode.workspace.fs.delete(uri).then(undefined, () => undefined)));
  return temps.length;
}

export async function readFileIfExists(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
      return undefined;
    }
    throw error;
  }
}

/**
 * Moves a file that could not be read aside, under a name that says when and why, so that it is
 * never overwritten and the user can recover it. Returns where it went.
 */
export async function setAside(uri: vscode.Uri, why: 'corrupt' | 'newer'): Promise<vscode.Uri> {
  const destination = vscode.Uri.joinPath(uri, '..', setAsideName(fileNameOf(uri), why, fileStamp()));
  await vscode.workspace.fs.rename(uri, destination, { overwrite: false });
  return destination;
}
