/**
 * The other window, for the lock tests: a child process (forked from fileLock.test's bundle) that
 * takes the lock on command and reports over IPC, so the tests can race real processes.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { withFileLock, type LockOptions } from '../../src/host/storage/fileLock';

export type WorkerCommand =
  /** Increment the counter file `times` times, each under the lock. */
  | { type: 'count'; lock: string; counter: string; times: number; options: LockOptions }
  /** Take the lock, say so, keep it `ms`, release it, say so. */
  | { type: 'hold'; lock: string; ms: number; options: LockOptions }
  /** Take the lock, say so, and wait to be killed while holding it. */
  | { type: 'die'; lock: string; options: LockOptions }
  /** Take the lock once and check that nobody else holds it meanwhile (see `enterAlone`). */
  | { type: 'race'; lock: string; marker: string; options: LockOptions };

export type WorkerReport = 'acquired' | 'released' | 'done' | { overlap: true } | { error: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A read-modify-write with a gap in the middle: two holders at once lose an increment. */
export async function increment(counter: string): Promise<void> {
  const value = Number(await readFile(counter, 'utf8').catch(() => '0'));
  await sleep(1);
  await writeFile(counter, String(value + 1));
}

/**
 * Marks the lock as held for a few milliseconds with a file created exclusively: a second holder,
 * in any process, finds the marker there. True when this holder was alone.
 */
export async function enterAlone(marker: string, ms: number): Promise<boolean> {
  try {
    await writeFile(marker, String(process.pid), { flag: 'wx' });
  } catch {
    return false;
  }
  await sleep(ms);
  await unlink(marker);
  return true;
}

export async function runWorker(command: WorkerCommand, report: (message: WorkerReport) => Promise<void>): Promise<void> {
  switch (command.type) {
    case 'count':
      for (let i = 0; i < command.times; i++) {
        await withFileLock(command.lock, () => increment(command.counter), command.options);
      }
      await report('done');
      return;
    case 'hold':
      await withFileLock(
        command.lock,
        async () => {
          await report('acquired');
          await sleep(command.ms);
        },
        command.options,
      );
      await report('released');
      return;
    case 'die':
      await withFileLock(
        command.lock,
        async () => {
          await report('acquired');
          await new Promise(() => undefined);
        },
        command.options,
      );
      return;
    case 'race': {
      const alone = await withFileLock(command.lock, () => enterAlone(command.marker, 3), command.options);
      await report(alone ? 'done' : { overlap: true });
      return;
    }
  }
}
