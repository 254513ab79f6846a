import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

/** Where each lane leaves its counts for test/run-all.mjs to sum. */
export const LANES_DIR = path.join(REPO_ROOT, 'out', 'lanes');

export function writeLaneResult(lane: string, passed: number, failed: number): void {
  mkdirSync(LANES_DIR, { recursive: true });
  writeFileSync(path.join(LANES_DIR, `${lane}.json`), JSON.stringify({ passed, failed }));
}
