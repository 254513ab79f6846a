/**
 * "Still the bottleneck" hints: folders where the lead's own commits dominate recent history.
 * Works on the output of `git log --name-only`; it counts the lead's commits against the total
 * per folder and never names or ranks anyone else.
 */

/** The separator written before each commit's author e-mail in the log format the host asks for. */
export const COMMIT_MARK = '\u001e';

export interface FolderHint {
  readonly folder: string;
  readonly mine: number;
  readonly total: number;
  /** The lead's share of the folder's commits, 0..1. */
  readonly share: number;
}

export interface HintOptions {
  /** How many path segments name a folder: 2 makes `src/payments` out of `src/payments/api.ts`. */
  readonly depth: number;
  /** Below this many of the lead's own commits a folder is not a hint. */
  readonly minimumMine: number;
  /** The lead's share of commits at or above which a folder is a hint. */
  readonly minimumShare: number;
}

export const DEFAULT_HINT_OPTIONS: HintOptions = { depth: 2, minimumMine: 3, minimumShare: 0.6 };

function folderOf(path: string, depth: number): string {
  const parts = path.split('/');
  parts.pop();
  return parts.length === 0 ? '(top level)' : parts.slice(0, depth).join('/');
}

/**
 * Parses `git log --format=<COMMIT_MARK>%ae --name-only` output. A commit touching several files
 * in one folder counts once for that folder.
 */
export function folderHints(log: string, leadEmail: string, options: HintOptions = DEFAULT_HINT_OPTIONS): FolderHint[] {
  const lead = leadEmail.trim().toLowerCase();
  const counts = new Map<string, { mine: number; total: number }>();
  for (const block of log.split(COMMIT_MARK).slice(1)) {
    const [email = '', ...files] = block.split('\n');
    const mine = email.trim().toLowerCase() === lead;
    const folders = new Set(files.map((f) => f.trim()).filter(Boolean).map((f) => folderOf(f, options.depth)));
    for (const folder of folders) {
      const count = counts.get(folder) ?? { mine: 0, total: 0 };
      count.total += 1;
      count.mine += mine ? 1 : 0;
      counts.set(folder, count);
    }
  }
  return [...counts]
    .map(([folder, { mine, total }]) => ({ folder, mine, total, share: mine / total }))
    .filter((hint) => hint.mine >= options.minimumMine && hint.share >= options.minimumShare)
    .sort((a, b) => b.share - a.share || b.mine - a.mine || a.folder.localeCompare(b.folder));
}
