/** What the fault writer and the fault lane agree on: file names, versions, and the ack log. */
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const TOTAL_SAVES = 100;
export const NOTES = 3;

export const files = (dir: string) => ({
  acks: path.join(dir, 'acks.log'),
  pid: path.join(dir, 'writer.pid'),
  /** The pid of the last writer whose Two Hats had read the folder. */
  ready: path.join(dir, 'ready.pid'),
  setup: path.join(dir, 'setup.json'),
  done: path.join(dir, 'done'),
  error: path.join(dir, 'error.log'),
});

export interface Setup {
  readonly dataDir: string;
  readonly noteIds: readonly string[];
}

/** Version `i` of note `k`: about a megabyte, so that a kill often lands mid-write. */
export function noteVersion(k: number, i: number): string {
  const line = `note ${k} version ${i} `.padEnd(64, '.');
  return `# Fault note ${k}\n\nversion ${i}\n\n${`${line}\n`.repeat(16_000)}end of version ${i}\n`;
}

export function isReady(file: string, pid: string): boolean {
  return existsSync(file) && readFileSync(file, 'utf8') === pid;
}

/** Appends one acknowledgement and waits for the disk, so a kill cannot take it back. */
export function acknowledge(file: string, line: string): void {
  appendFileSync(file, `${line}\n`);
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface Acks {
  /** Save number `i` per acknowledged note save. */
  readonly notes: Map<number, number[]>;
  readonly items: number[];
  readonly count: number;
}

export function readAcks(file: string): Acks {
  const notes = new Map<number, number[]>();
  const items: number[] = [];
  let count = 0;
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const note = /^note (\d+) (\d+)$/.exec(line);
      const item = /^item (\d+)$/.exec(line);
      if (note) {
        const list = notes.get(Number(note[1])) ?? [];
        list.push(Number(note[2]));
        notes.set(Number(note[1]), list);
        count++;
      } else if (item) {
        items.push(Number(item[1]));
      }
    }
  }
  return { notes, items, count };
}

const laneStarted = Date.now();

/** Prints a step of the lane with the seconds since the lane started: where its minutes go. */
export function lap(what: string): void {
  console.log(`    [${((Date.now() - laneStarted) / 1000).toFixed(1)} s] ${what}`);
}

/** Whether a process is still running (signal 0 tests without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
