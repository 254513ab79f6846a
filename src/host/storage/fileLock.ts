/**
 * The lock two windows on the same workspace (two extension hosts, two processes) take before
 * they change its data, so that neither builds on a version the other is replacing. Node-only,
 * without `vscode`, so that plain-Node tests can race real processes on it.
 *
 * The lock is a directory holding one file, the holder's token, named after the holder's process:
 *
 *     .two-hats.lock/owner-<pid>-<host>-<random>
 *
 * Why it is correct:
 * - Taking it: the token is written into a fresh staging directory, which is then renamed onto
 *   the lock's path. A rename onto a path that holds a non-empty directory fails, so a token gets
 *   in only when no other token is there. Every lock that exists therefore names its holder from
 *   its first instant: there is no "created but not yet owned" moment to misjudge.
 * - Holding it: a timer touches the token every `heartbeatMs`, so a live holder never looks old.
 * - Taking over a lock whose holder is gone (its process is not running on this machine, or its
 *   token has not been touched for `staleMs`): the waiter deletes that holder's token by its own
 *   unique name, then removes the directory only if it is empty. Neither step can touch a fresh
 *   lock: a later holder's token has another name, and its directory is not empty. Of two waiters
 *   who judged the same token stale, one deletes it and the other finds it gone; both then race
 *   to take the lock like anyone else. (Deleting "the lock" by its shared path after checking it
 *   was the old bug: between the check and the delete, the lock could change hands.)
 * - An empty lock directory (a holder stopped between deleting its token and the directory) is
 *   held by nobody; any waiter removes it, and on Linux and macOS the next rename replaces it.
 * - A holder on this machine whose process still runs keeps its lock however long it goes
 *   untouched, up to `liveOwnerStaleMs` (ten minutes): a window suspended mid-save (a laptop
 *   put to sleep, a debugger's breakpoint) resumes still holding it. The ten minutes only guard
 *   against a dead holder's process id being reused by another program. The age rule (`staleMs`)
 *   alone decides for a holder on another machine, whose process cannot be looked up.
 * - Anything else inside the lock directory (a `.DS_Store`, a sync tool's conflict copy) is
 *   removed once no live token is there, so a stray file cannot wedge the lock for good. It is
 *   safe for the same reason: a later holder's directory holds only its own token.
 * A holder on another machine that stops refreshing for `staleMs` loses its lock: that is a
 * lease's price for surviving a crashed holder. Its release then finds its token gone and leaves
 * the new holder's lock alone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import * as l10n from '../../shared/l10n';
import { LOCK_FILE } from '../../shared/storageLayout';

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  readonly waitMs?: number;
  /** A token untouched for this long belongs to a holder that is gone (unless it runs here). */
  readonly staleMs?: number;
  /** A token of a process still running on this machine is stale only after this long. */
  readonly liveOwnerStaleMs?: number;
  /** How often a held lock's token is touched. */
  readonly heartbeatMs?: number;
}

const WAIT_MS = 10_000;
const STALE_MS = 30_000;
const LIVE_OWNER_STALE_MS = 10 * 60_000;
const HEARTBEAT_MS = 1000;
/** Staging directories of a live process are in use; past this age they are litter anyway. */
const STAGING_LITTER_MS = 10 * 60_000;
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const TOKEN = /^owner-(\d+)-([0-9a-f]{8})-[0-9a-f]{12}$/;
/** A rename onto a held lock fails with one of these (EPERM: Windows never replaces a folder). */
const BUSY = new Set(['ENOTEMPTY', 'EEXIST', ...(process.platform === 'win32' ? ['EPERM', 'EACCES', 'EBUSY'] : [])]);

/** The lock stayed taken for the whole wait. */
export class LockBusyError extends Error {
  constructor() {
    super(l10n.t('another window is saving the same data; try again in a moment'));
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How many tasks of this window are taking each lock. The lock is not fair (a waiter polls), so
 * background work that takes it step after step looks here and gives way: a save waits for one
 * short step of the backup at most, never for the whole pass.
 */
const takers = new Map<string, number>();

/** True while a task of this window is taking `lock` (waiting for it, not yet holding it). */
export function lockWanted(lock: string): boolean {
  return (takers.get(lock) ?? 0) > 0;
}

/** False only when the process certainly no longer runs. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return code(error) === 'EPERM';
  }
}

interface Staleness {
  readonly staleMs: number;
  readonly liveOwnerStaleMs: number;
}

function tokenIsStale(name: string, touchedAt: number, rule: Staleness): boolean {
  const [, pid, host] = TOKEN.exec(name) ?? [];
  const untouchedFor = Date.now() - touchedAt;
  if (host === HOST && Number(pid) !== process.pid) {
    // Its process can be looked up: gone means stale at once, running means suspended, not dead.
    return !processIsAlive(Number(pid)) || untouchedFor > rule.liveOwnerStaleMs;
  }
  return untouchedFor > rule.staleMs;
}

/**
 * One look at a lock someone else holds: removes it if its holder is gone (see the module
 * comment for why this never removes a live holder's lock).
 */
async function removeIfAbandoned(lock: string, rule: Staleness): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(lock);
  } catch (error) {
    if (code(error) === 'ENOENT') {
      return;
    }
    throw error;
  }
  for (const name of entries.filter((entry) => TOKEN.test(entry))) {
    const touchedAt = await stat(join(lock, name)).then(
      (s) => s.mtimeMs,
      () => undefined,
    );
    if (touchedAt === undefined || !tokenIsStale(name, touchedAt, rule)) {
      return;
    }
    // By the token's own name: if it has gone meanwhile, whatever took its place is not touched.
    await unlink(join(lock, name)).catch(() => undefined);
  }
  // No live token: what else is in there is litter. A lock taken meanwhile holds only its token.
  for (const stray of entries.filter((entry) => !TOKEN.test(entry))) {
    await rm(join(lock, stray), { recursive: true, force: true }).catch(() => undefined);
  }
  // Only an empty directory goes; a lock taken meanwhile holds a token and stays.
  await rmdir(lock).catch(() => undefined);
}

/** A lock held by this process: refreshed until released. */
class HeldLock {
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly token: string,
    heartbeatMs: number,
  ) {
    this.timer = setInterval(() => {
      const now = new Date();
      utimes(token, now, now).catch(() => undefined);
    }, heartbeatMs);
    // A held lock must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  async release(lock: string): Promise<void> {
    clearInterval(this.timer);
    try {
      await unlink(this.token);
    } catch {
      // Taken over: the directory is someone else's now.
      return;
    }
    await rmdir(lock).catch(() => undefined);
  }
}

async function acquire(lock: string, options: LockOptions): Promise<HeldLock> {
  takers.set(lock, (takers.get(lock) ?? 0) + 1);
  try {
    return await acquireCounted(lock, options);
  } finally {
    const left = takers.get(lock)! - 1;
    if (left > 0) {
      takers.set(lock, left);
    } else {
      takers.delete(lock);
    }
  }
}

async function acquireCounted(lock: string, options: LockOptions): Promise<HeldLock> {
  const rule: Staleness = { staleMs: options.staleMs ?? STALE_MS, liveOwnerStaleMs: options.liveOwnerStaleMs ?? LIVE_OWNER_STALE_MS };
  const deadline = Date.now() + (options.waitMs ?? WAIT_MS);
  const name = `owner-${process.pid}-${HOST}-${randomBytes(6).toString('hex')}`;
  const staging = `${lock}.${process.pid}-${randomBytes(6).toString('hex')}.new`;
  await mkdir(staging);
  try {
    await writeFile(join(staging, name), '');
    for (let attempt = 0; ; attempt++) {
      try {
        await rename(staging, lock);
        return new HeldLock(join(lock, name), options.heartbeatMs ?? HEARTBEAT_MS);
      } catch (error) {
        if (!BUSY.has(code(error) ?? '')) {
          throw error;
        }
      }
      await removeIfAbandoned(lock, rule);
      if (Date.now() > deadline) {
        throw new LockBusyError();
      }
      await sleep(Math.min(5 + attempt * 2, 40) * (0.5 + Math.random()));
    }
  } catch (error) {
    await unlink(join(staging, name)).catch(() => undefined);
    await rmdir(staging).catch(() => undefined);
    throw error;
  }
}

/**
 * Runs `task` while holding the lock at `lock` (a path in the data folder, see
 * `dataFolderLock`). Not re-entrant: a task must not take the same lock again.
 */
export async function withFileLock<T>(lock: string, task: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const held = await acquire(lock, options);
  try {
    return await task();
  } finally {
    await held.release(lock);
  }
}

/** The one lock of a data folder: JSON saves, note saves and start-up clean-up all take it. */
export function dataFolderLock(folderPath: string): string {
  return join(folderPath, LOCK_FILE);
}

/**
 * Removes what a process that stopped mid-acquire left beside the lock: its staging directory.
 * A staging directory of a live process may be about to become the lock, so it stays.
 */
export async function removeLockLitter(lock: string): Promise<void> {
  const folder = dirname(lock);
  const prefix = `${basename(lock)}.`;
  const entries = await readdir(folder).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = entry.startsWith(prefix) ? /^(\d+)-[0-9a-f]{12}\.new$/.exec(entry.slice(prefix.length))?.[1] : undefined;
    if (pid === undefined) {
      continue;
    }
    const staging = join(folder, entry);
    const age = await stat(staging).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if ((Number(pid) !== process.pid && !processIsAlive(Number(pid))) || age > STAGING_LITTER_MS) {
      for (const inside of await readdir(staging).catch(() => [] as string[])) {
        await unlink(join(staging, inside)).catch(() => undefined);
      }
      await rmdir(staging).catch(() => undefined);
    }
  }
}
