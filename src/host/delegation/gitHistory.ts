/**
 * Reads the last 30 days of local git history for the "still the bottleneck" hints. Runs only
 * when the user asks, with the git on their machine, in their workspace; nothing is sent anywhere.
 * No `vscode` import, so the unit tests can run it against a fixture repository.
 */
import { execFile } from 'node:child_process';
import * as l10n from '../../shared/l10n';
import { COMMIT_MARK, folderHints, type FolderHint } from '../../shared/delegation/gitHints';

function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 20_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
}

export type HintsResult =
  | { ok: true; leadEmail: string; hints: FolderHint[] }
  | { ok: false; reason: string };

export async function bottleneckHints(cwd: string, days = 30): Promise<HintsResult> {
  let leadEmail: string;
  try {
    leadEmail = (await git(cwd, ['config', 'user.email'])).trim();
  } catch {
    return { ok: false, reason: l10n.t('Git has no user.email set here, so Two Hats cannot tell which commits are yours.') };
  }
  if (!leadEmail) {
    return { ok: false, reason: l10n.t('Git has no user.email set here, so Two Hats cannot tell which commits are yours.') };
  }
  let log: string;
  try {
    log = await git(cwd, ['log', `--since=${days}.days`, '--no-merges', `--format=${COMMIT_MARK}%ae`, '--name-only']);
  } catch (error) {
    return { ok: false, reason: l10n.t('Git could not read the history here: {0}', (error as Error).message.split('\n')[0] ?? '') };
  }
  return { ok: true, leadEmail, hints: folderHints(log, leadEmail) };
}
