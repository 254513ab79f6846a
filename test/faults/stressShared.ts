/** What the stress windows and the stress lane agree on: files, versions, acknowledgements. */
import * as path from 'node:path';

export const WINDOWS = 3;
/**
 * Operations per window: a third add a person, a third queue a talking point, a third save a note.
 * Sixty keep the three windows writing the same files at once for most of a minute (the first
 * window is done about when the last is); more only made the lane longer.
 */
export const OPS_PER_WINDOW = 60;
/** Versions the outside editor writes into each window's second note while the windows run. */
export const OUTSIDE_EDITS = 40;

export const stressFiles = (dir: string, pid?: number | string) => ({
  go: path.join(dir, 'go'),
  setup: path.join(dir, `setup-${pid}.json`),
  acks: path.join(dir, `acks-${pid}.log`),
  done: path.join(dir, `done-${pid}`),
  error: path.join(dir, `error-${pid}.log`),
});

export interface StressSetup {
  readonly pid: number;
  readonly dataDir: string;
  readonly personId: string;
  /** Saved by this window only. */
  readonly ownNote: string;
  /** Rewritten on disk by the outside editor only; the window must never overwrite it. */
  readonly outsideNote: string;
}

/** Version `i` of a window's own note: some 130 KB, so that saves overlap. */
export function stressNoteVersion(pid: number, i: number): string {
  return `# Stress note of ${pid}\n\nversion ${i}\n\n${`${'x'.repeat(63)}\n`.repeat(2000)}end of version ${i}\n`;
}

/** Version `i` the outside editor writes into a note. */
export function outsideVersion(note: string, i: number): string {
  return `# Edited outside\n\n${note} outside version ${i}\n\n${`${'y'.repeat(63)}\n`.repeat(500)}end of outside version ${i}\n`;
}
