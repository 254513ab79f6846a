import * as assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LockBusyError, lockWanted, withFileLock, type LockOptions } from '../../src/host/storage/fileLock';
import { enterAlone, increment, runWorker, type WorkerCommand, type WorkerReport } from './lockWorker';

// Forked as a plain Node process, this bundle is the other window (see lockWorker.ts).
if (require.main === module) {
  const report = (message: WorkerReport) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
  // One command after another, until the test lets go of the channel.
  process.on('message', (command: WorkerCommand) => {
    runWorker(command, report).catch((error: unknown) => report({ error: String(error) }));
  });
} else {
  describeTheLock();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Worker {
  readonly child: ChildProcess;
  run(command: WorkerCommand): void;
  /** Resolves with the next report equal to `wanted` (or any report, without it). */
  next(wanted?: WorkerReport): Promise<WorkerReport>;
  /** Lets the worker finish what it does, then exit. */
  stop(): Promise<void>;
  /** Kills the worker at once, as a crash would, whatever it holds. */
  kill(): Promise<void>;
}

function startWorker(command?: WorkerCommand): Worker {
  const child = fork(__filename, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const reports: WorkerReport[] = [];
  const waiters: (() => void)[] = [];
  child.on('message', (message: WorkerReport) => {
    reports.push(message);
    waiters.splice(0).forEach((wake) => wake());
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const run = (next: WorkerCommand) => void child.send(next);
  if (command) {
    run(command);
  }
  let seen = 0;
  const next = async (wanted?: WorkerReport): Promise<WorkerReport> => {
    for (;;) {
      while (seen < reports.length) {
        const report = reports[seen++]!;
        if (typeof report === 'object' && 'error' in report) {
          throw new Error(`worker: ${report.error}`);
        }
        if (wanted === undefined || report === wanted) {
          return report;
        }
      }
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const stop = () => {
    child.disconnect();
    return exited;
  };
  const kill = () => {
    child.kill('SIGKILL');
    return exited;
  };
  return { child, run, next, stop, kill };
}

/** The newest modification time of the lock: the path itself, or what is inside it. */
function lockTouchedAt(lock: string): number {
  const own = statSync(lock);
  if (!own.isDirectory()) {
    return own.mtimeMs;
  }
  return Math.max(own.mtimeMs, ...readdirSync(lock).map((name) => statSync(path.join(lock, name)).mtimeMs));
}

function describeTheLock(): void {
  describe('the cross-window lock', function () {
    this.timeout(60_000);
    let dir: string;
    let lock: string;

    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'two-hats-lock-'));
      lock = path.join(dir, '.two-hats.lock');
    });

    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('lets 200 increments from this process and four others all land, none lost', async () => {
      const counter = path.join(dir, 'counter');
      const options: LockOptions = { waitMs: 30_000 };
      const workers = [0, 1, 2, 3].map(() => startWorker({ type: 'count', lock, counter, times: 30, options }));
      const here = Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 10; i++) {
          await withFileLock(lock, () => increment(counter), options);
        }
      });
      await Promise.all([...here, ...workers.map((w) => w.next('done'))]);
      await Promise.all(workers.map((w) => w.stop()));
      assert.equal(readFileSync(counter, 'utf8'), '200');
    });

    it('takes over a lock whose window died holding it, without waiting for it to grow old', async () => {
      const dead = startWorker({ type: 'die', lock, options: {} });
      await dead.next('acquired');
      await dead.kill();
      const started = Date.now();
      await withFileLock(lock, async () => undefined, { waitMs: 5000, staleMs: 60_000 });
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    });

    it('never takes over a lock whose owner is alive and keeps it fresh, however long it holds it', async () => {
      const options: LockOptions = { staleMs: 400, heartbeatMs: 100, waitMs: 10_000 };
      const holder = startWorker({ type: 'hold', lock, ms: 2000, options });
      try {
        await holder.next('acquired');
        const heldSince = Date.now();
        // The holder's "released" message may arrive after this process already took the freed
        // lock, so the proof is the time: a takeover would come at the stale time (0.4 s), long
        // before the holder's two seconds are up.
        await withFileLock(lock, async () => assert.ok(Date.now() - heldSince >= 1800, `the lock was taken from a live holder after ${Date.now() - heldSince} ms`), options);
      } finally {
        await holder.stop();
      }
    });

    it('keeps a lock held in this process for longer than the stale time to itself', async () => {
      const options: LockOptions = { staleMs: 300, heartbeatMs: 50, waitMs: 10_000 };
      let holding = false;
      const long = withFileLock(
        lock,
        async () => {
          holding = true;
          await sleep(1200);
          holding = false;
        },
        options,
      );
      await sleep(50);
      await withFileLock(lock, async () => assert.ok(!holding, 'a second holder got in while the first held the lock'), options);
      await long;
    });

    it('keeps the lock of a window suspended while holding it (a sleeping laptop), long past the stale time', async () => {
      const options: LockOptions = { staleMs: 300, heartbeatMs: 100, waitMs: 10_000 };
      const holder = startWorker({ type: 'hold', lock, ms: 300, options });
      try {
        await holder.next('acquired');
        holder.child.kill('SIGSTOP');
        await sleep(1200);
        // Four times the stale time without a heartbeat: the holder is frozen, not gone.
        await assert.rejects(
          withFileLock(lock, async () => assert.fail('took the lock of a suspended holder'), { ...options, waitMs: 800 }),
          LockBusyError,
        );
        holder.child.kill('SIGCONT');
        await holder.next('released');
        await withFileLock(lock, async () => undefined, options);
      } finally {
        holder.child.kill('SIGCONT');
        await holder.stop();
      }
    });

    it('is not wedged by a stray file in the lock folder (a .DS_Store, a sync conflict copy)', async () => {
      mkdirSync(lock);
      writeFileSync(path.join(lock, '.DS_Store'), 'finder');
      mkdirSync(path.join(lock, 'owner-1 (conflicted copy)'));
      const started = Date.now();
      await withFileLock(lock, async () => undefined, { waitMs: 5000 });
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
      assert.equal(existsSync(lock), false, 'the lock folder is gone after release');
    });

    it("takes over a dead window's lock even with a stray file beside its token", async () => {
      const dead = startWorker({ type: 'die', lock, options: {} });
      await dead.next('acquired');
      await dead.kill();
      writeFileSync(path.join(lock, 'desktop.ini'), '[.ShellClassInfo]');
      const started = Date.now();
      await withFileLock(lock, async () => undefined, { waitMs: 5000, staleMs: 60_000 });
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    });

    it('refreshes a held lock: its modification time advances while it is held', async () => {
      let first = 0;
      let last = 0;
      await withFileLock(
        lock,
        async () => {
          first = lockTouchedAt(lock);
          await sleep(700);
          last = lockTouchedAt(lock);
        },
        { heartbeatMs: 100 },
      );
      assert.ok(last - first >= 300, `the lock was touched ${last - first} ms after it was taken`);
    });

    it('says the lock is wanted while a task of this process waits for it, and no longer once it holds it, gave up or failed', async () => {
      const seen: boolean[] = [];
      let release!: () => void;
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const holding = withFileLock(lock, () => {
        entered();
        return new Promise<void>((resolve) => (release = resolve));
      });
      await inside;
      seen.push(lockWanted(lock));
      // A save arrives while background work holds the lock.
      const save = withFileLock(lock, () => Promise.resolve(lockWanted(lock)));
      await sleep(20);
      seen.push(lockWanted(lock));
      release();
      await holding;
      const wantedWhileSaving = await save;
      seen.push(lockWanted(lock), wantedWhileSaving);
      assert.deepEqual(seen, [false, true, false, false], 'free while held alone; wanted while the save waits; not once the save holds it');

      // A waiter that gives up, or whose lock cannot even be staged, leaves no mark behind.
      const heldElsewhere = startWorker({ type: 'die', lock, options: {} });
      await heldElsewhere.next('acquired');
      await assert.rejects(withFileLock(lock, () => Promise.resolve(), { waitMs: 100 }), LockBusyError);
      assert.equal(lockWanted(lock), false);
      await heldElsewhere.kill();
      const missing = path.join(dir, 'no-such-folder', '.two-hats.lock');
      await assert.rejects(withFileLock(missing, () => Promise.resolve()));
      assert.equal(lockWanted(missing), false);
    });

    it('lets exactly one of many waiters take over the same stale lock, in every one of 40 trials', async () => {
      const marker = path.join(dir, 'holder');
      const options: LockOptions = { waitMs: 20_000, staleMs: 60_000 };
      // A lock as a window that crashed holding it leaves it, put back in place for every trial.
      const dead = startWorker({ type: 'die', lock, options });
      await dead.next('acquired');
      await dead.kill();
      const abandoned = path.join(dir, 'abandoned');
      cpSync(lock, abandoned, { recursive: true });
      const others = [0, 1].map(() => startWorker());
      let overlaps = 0;
      for (let trial = 0; trial < 40; trial++) {
        cpSync(abandoned, lock, { recursive: true });
        others.forEach((w) => w.run({ type: 'race', lock, marker, options }));
        const here = Array.from({ length: 6 }, () => withFileLock(lock, () => enterAlone(marker, 3), options));
        const outcomes = await Promise.all([...here, ...others.map((w) => w.next().then((r) => r === 'done'))]);
        overlaps += outcomes.filter((alone) => !alone).length;
      }
      await Promise.all(others.map((w) => w.stop()));
      assert.equal(overlaps, 0, 'holders that found another holder inside');
    });
  });
}
