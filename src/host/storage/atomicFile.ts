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
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import * as vscode from 'vscode';
import { PRIVATE_FILE_MODE } from './permissions';

const TEMP_SUFFIX = '.tmp';

function tempSibling(target: vscode.Uri): vscode.Uri {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  return vscode.Uri.joinPath(target, '..', `${name}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
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

/** Leftover temporary files of `target` from writes that were interrupted, newest first. */
export async function findLeftoverTemps(target: vscode.Uri): Promise<vscode.Uri[]> {
  const dir = vscode.Uri.joinPath(target, '..');
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{12}\\${TEMP_SUFFIX}$`);
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  const temps = entries.filter(([entry, type]) => type === vscode.FileType.File && pattern.test(entry));
  const withTimes = await Promise.all(
    temps.map(async ([entry]) => {
      const uri = vscode.Uri.joinPath(dir, entry);
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
 * Removes temporary files in `dir` (of `onlyOf` alone, when given) left by an interrupted write. Only for files whose
 * target, if it exists, still holds the last acknowledged write (notes, headers, the index).
 */
export async function removeLeftoverTemps(dir: vscode.Uri, onlyOf?: string): Promise<number> {
  const entries = await vscode.workspace.fs.readDirectory(dir).then(undefined, () => [] as [string, vscode.FileType][]);
  const temps = entries.filter(
    ([name, type]) => type === vscode.FileType.File && /\.[0-9a-f]{12}\.tmp$/.test(name) && (onlyOf === undefined || name.startsWith(`${onlyOf}.`)),
  );
  await Promise.all(temps.map(([name]) => vscode.workspace.fs.delete(vscode.Uri.joinPath(dir, name)).then(undefined, () => undefined)));
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
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  const destination = vscode.Uri.joinPath(uri, '..', `${base}.${why}-${stamp}${ext}`);
  await vscode.workspace.fs.rename(uri, destination, { overwrite: false });
  return destination;
}

const LOCK_WAIT_MS = 5000;
const LOCK_STALE_MS = 10_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a lock whose window has gone: its process is no longer running, or it is older than
 * any save takes. True when the lock was removed (or was already gone).
 */
async function removeStaleLock(lock: string): Promise<boolean> {
  const [content, age] = await Promise.all([
    readFile(lock, 'utf8').catch(() => ''),
    stat(lock).then(
      (s) => Date.now() - s.mtimeMs,
      () => Number.POSITIVE_INFINITY,
    ),
  ]);
  const pid = Number(/^(\d+)\s/.exec(content)?.[1]);
  const ownerGone = pid > 0 && pid !== process.pid && !isAlive(pid);
  if (age === Number.POSITIVE_INFINITY || ownerGone || age > LOCK_STALE_MS) {
    await unlink(lock).catch(() => undefined);
    return true;
  }
  return false;
}

/** On load: a lock left by a window that died mid-save is cleared (see `withFileLock`). */
export async function clearStaleLock(target: vscode.Uri): Promise<void> {
  if (target.scheme === 'file') {
    await removeStaleLock(`${target.fsPath}.lock`);
  }
}

/**
 * Runs `task` while holding `<target>.lock`, created exclusively, so that two windows on the same
 * workspace (two extension hosts) never read-modify-write the same file at once. A lock older
 * than a few seconds, or whose process has gone, was left by a window that died mid-save.
 */
export async function withFileLock<T>(target: vscode.Uri, task: () => Promise<T>): Promise<T> {
  if (target.scheme !== 'file') {
    return task();
  }
  const lock = `${target.fsPath}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      if (await removeStaleLock(lock)) {
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error('another window is saving the same data; try again in a moment');
      }
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
    }
  }
  try {
    return await task();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}
