import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

/** Where each lane leaves its counts for test/run-all.mjs to sum. */
export const LANES_DIR = path.join(REPO_ROOT, 'out', 'lanes');

/** A failed test as the summary prints it: its full title and the first lines of its error. */
export interface FailedTest {
  readonly title: string;
  readonly error: string;
}

/**
 * Writes the lane's counts and what failed. The summary prints the failures last because a CI
 * record often keeps only the tail of a run's output; a failure must be named there.
 */
export function writeLaneResult(lane: string, passed: number, failed: number, failures: readonly FailedTest[] = []): void {
  mkdirSync(LANES_DIR, { recursive: true });
  const brief = failures.map((f) => ({ title: f.title, error: f.error.split('\n').slice(0, 4).join('\n') }));
  writeFileSync(path.join(LANES_DIR, `${lane}.json`), JSON.stringify({ passed, failed, failures: brief }));
}
