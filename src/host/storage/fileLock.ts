/**
 * The cross-window lock, Node-only so that it can be tested in plain Node. Moved here unchanged
 * from atomicFile.ts; see withFileLock.
 */
import { open, readFile, stat, unlink } from 'node:fs/promises';

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  readonly waitMs?: number;
  /** A lock older than this was left by a window that died mid-save. */
  readonly staleMs?: number;
  /** How often a held lock is refreshed. Not used yet: today's lock is never refreshed. */
  readonly heartbeatMs?: number;
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
async function removeStaleLock(lock: string, staleMs: number): Promise<boolean> {
  const [content, age] = await Promise.all([
    readFile(lock, 'utf8').catch(() => ''),
    stat(lock).then(
      (s) => Date.now() - s.mtimeMs,
      () => Number.POSITIVE_INFINITY,
    ),
  ]);
  const pid = Number(/^(\d+)\s/.exec(content)?.[1]);
  const ownerGone = pid > 0 && pid !== process.pid && !isAlive(pid);
  if (age === Number.POSITIVE_INFINITY || ownerGone || age > staleMs) {
    await unlink(lock).catch(() => undefined);
    return true;
  }
  return false;
}

/** On load: a lock left by a window that died mid-save is cleared (see `withFileLock`). */
export async function clearStaleLock(lock: string, options: LockOptions = {}): Promise<void> {
  await removeStaleLock(lock, options.staleMs ?? LOCK_STALE_MS);
}

/**
 * Runs `task` while holding the lock at `lock`, created exclusively, so that two windows on the
 * same workspace (two extension hosts) never read-modify-write the same file at once. A lock
 * older than a few seconds, or whose process has gone, was left by a window that died mid-save.
 */
export async function withFileLock<T>(lock: string, task: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? LOCK_STALE_MS;
  const deadline = Date.now() + (options.waitMs ?? LOCK_WAIT_MS);
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
      if (await removeStaleLock(lock, staleMs)) {
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
