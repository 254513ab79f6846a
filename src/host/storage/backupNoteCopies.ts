/**
 * Which note files a backup pass copies, and copying them (issue #15: the first backup of ten
 * thousand notes is twenty thousand files).
 *
 * One listing of the backup's notes folder decides for each file: a file with no copy yet is
 * copied without a look at either (no stats), a copy that may be older than its note is compared
 * first, the rest are left alone. Copies run a few at a time, so a save's own file operations wait
 * behind a handful of copies in Node's thread pool, never behind thousands; the event loop is
 * yielded to between stretches. New copies are flushed to disk together at the end of each step,
 * and their folder before the pass is recorded as complete (backups.ts).
 */
import { readdir, stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { noteBodyName, noteHeaderName, noteIdOfFile } from '../../shared/storageLayout';
import { copyNewFile, flushToDisk } from './atomicFile';

/** Copies in flight at once: about Node's thread pool (4) twice over. */
const IN_FLIGHT = 8;
/** Files copied between two yields to the event loop. */
const STRETCH = 128;

/** `new`: no copy exists. `check`: a copy exists and may be older. `replace`: the note changed. */
export interface NoteFileJob {
  readonly name: string;
  readonly kind: 'new' | 'check' | 'replace';
}

/**
 * The note files a pass over everything copies. With `completeAsOf` (when the last complete pass
 * began), a copy of a note unchanged since then is left alone; without it every copy is compared.
 * A name in the backup's pack (`packed`, notePack.ts) has a copy: a note changed since is copied
 * again as a single file, which is newer than the pack's and wins over it.
 */
export async function noteFilesToCopy(
  backupNotes: vscode.Uri,
  notes: readonly { id: string; updatedAt: number }[],
  completeAsOf: number | undefined,
  packed: ReadonlySet<string> = new Set(),
): Promise<NoteFileJob[]> {
  const copied = await listNames(backupNotes);
  const jobs: NoteFileJob[] = [];
  for (const note of notes) {
    for (const name of [noteBodyName(note.id), noteHeaderName(note.id)]) {
      if (!copied.has(name) && !packed.has(name)) {
        jobs.push({ name, kind: 'new' });
      } else if (completeAsOf === undefined || note.updatedAt >= completeAsOf) {
        // Most were copied a few seconds after they changed; compare with the copy to be sure.
        jobs.push({ name, kind: 'check' });
      }
    }
  }
  return jobs;
}

/**
 * The files of notes that changed: each replaces its copy. With `packed` (the names in the
 * backup's pack), a file with no copy at all, single or packed, is `new` (it may go into a pack).
 */
export async function changedNoteFiles(backupNotes: vscode.Uri, ids: readonly string[], packed: ReadonlySet<string> | undefined): Promise<NoteFileJob[]> {
  const copied = packed ? await listNames(backupNotes) : new Set<string>();
  return ids.flatMap((id) =>
    [noteBodyName(id), noteHeaderName(id)].map((name) => ({ name, kind: packed && !copied.has(name) && !packed.has(name) ? ('new' as const) : ('replace' as const) })),
  );
}

/**
 * Note files in the data folder (local) with no copy, single or packed, and no job yet: notes the
 * store has not read in yet. Each is a `new` job.
 */
export async function uncopiedNoteFiles(dataNotes: vscode.Uri, backupNotes: vscode.Uri, packed: ReadonlySet<string>, jobs: readonly NoteFileJob[]): Promise<NoteFileJob[]> {
  const there = await readdir(dataNotes.fsPath).catch(() => [] as string[]);
  const copied = await listNames(backupNotes);
  const planned = new Set(jobs.map((job) => job.name));
  return there.filter((name) => noteIdOfFile(name) !== undefined && !copied.has(name) && !packed.has(name) && !planned.has(name)).map((name) => ({ name, kind: 'new' as const }));
}

async function listNames(folder: vscode.Uri): Promise<Set<string>> {
  const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(folder)).then(undefined, () => [] as [string, vscode.FileType][]);
  return new Set(entries.map(([name]) => name));
}

/**
 * Runs the jobs a few at a time. `copy` is the caller's copy of one file that may replace an
 * older copy (atomic, flushed); a new copy is made by `copyNewFile` and flushed with the others
 * at the end. Every job begun is tried; the first failure is thrown after all have run. Once
 * `giveWay` says so (a save waits for the lock the caller holds), no further job is begun beyond
 * the first few (one per worker, so that a stream of saves still lets the pass go on): the number
 * of jobs done is returned, at least one when there are jobs.
 */
export async function copyNoteFiles(
  jobs: readonly NoteFileJob[],
  from: vscode.Uri,
  to: vscode.Uri,
  copy: (from: vscode.Uri, to: vscode.Uri, unlessCopiedSince: boolean) => Promise<void>,
  giveWay: () => boolean = () => false,
): Promise<number> {
  const fresh: string[] = [];
  let failure: { error: unknown } | undefined;
  let next = 0;
  const run = async (job: NoteFileJob) => {
    const source = vscode.Uri.joinPath(from, job.name);
    const target = vscode.Uri.joinPath(to, job.name);
    if (job.kind === 'new') {
      const made = await copyNewFile(source, target);
      if (made !== false) {
        if (made !== undefined) {
          fresh.push(made);
        }
        return;
      }
    }
    await copy(source, target, job.kind === 'check');
  };
  const worker = async () => {
    while (next < jobs.length && (next < IN_FLIGHT || !giveWay())) {
      const job = jobs[next++]!;
      if (next % STRETCH === 0) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      await run(job).catch((error: unknown) => {
        failure ??= { error };
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, jobs.length) }, worker));
  await flushToDisk(fresh);
  if (failure) {
    throw failure.error;
  }
  return next;
}

/** Whether `to` is a copy of `from` made after its last change: same size, written later. */
export async function copiedSince(from: vscode.Uri, to: vscode.Uri): Promise<boolean> {
  try {
    const [source, copy] = await Promise.all(from.scheme === 'file' && to.scheme === 'file' ? [localStat(from), localStat(to)] : [vscode.workspace.fs.stat(from), vscode.workspace.fs.stat(to)]);
    return source.size === copy.size && copy.mtime >= source.mtime;
  } catch {
    return false;
  }
}

async function localStat(uri: vscode.Uri): Promise<{ size: number; mtime: number }> {
  const found = await stat(uri.fsPath);
  return { size: found.size, mtime: found.mtimeMs };
}
