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

/** Lines of an error the summary keeps: its message and an assertion's diff, a little stack. */
const ERROR_LINES = 16;
const STACK_LINES = 2;

/**
 * Writes the lane's counts and what failed. The summary prints the failures last because a CI
 * record often keeps only the tail of a run's output; a failure must be named there, with enough
 * of its error (an assertion's actual and expected values) to be understood from the record
 * alone. `log`: what the product logged as warnings or errors in a failed run, its last lines.
 */
export function writeLaneResult(lane: string, passed: number, failed: number, failures: readonly FailedTest[] = [], log: readonly string[] = []): void {
  mkdirSync(LANES_DIR, { recursive: true });
  const brief = failures.map((f) => ({ title: f.title, error: briefError(f.error) }));
  writeFileSync(path.join(LANES_DIR, `${lane}.json`), JSON.stringify({ passed, failed, failures: brief, log }));
}

/** The message and diff whole (up to a limit), the stack cut to its first frames. */
export function briefError(error: string): string {
  let frames = 0;
  const kept = error.split('\n').filter((line) => !/^\s+at /.test(line) || frames++ < STACK_LINES);
  return kept.slice(0, ERROR_LINES).join('\n');
}
