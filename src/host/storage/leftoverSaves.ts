/** What an interrupted save of a data file left behind, resolved when a store opens the folder. */
import * as vscode from 'vscode';
import { findLeftoverTemps } from './atomicFile';
import { readDataFile } from './dataFiles';
import { removeDataLockLitter, whenDataLockFree } from './dataLock';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Resolves temporary files left by a save that was interrupted. When the target is missing, the
 * newest complete temp is the latest save and takes its place; every other temp is an
 * interrupted write (the target holds the last acknowledged save) and is removed. Under the
 * lock, and only temps no live window is writing: another window may be saving right now.
 * `isComplete` says whether a temp's text is a whole file (it parses).
 */
export async function settleLeftoverSaves(folder: vscode.Uri, fileName: string, isComplete: (text: string) => boolean): Promise<void> {
  const target = vscode.Uri.joinPath(folder, fileName);
  await removeDataLockLitter(folder);
  await whenDataLockFree(folder, async () => {
    const leftovers = await findLeftoverTemps(target);
    if (leftovers.length === 0) {
      return;
    }
    let adopted: vscode.Uri | undefined;
    if ((await readDataFile(target)) === undefined) {
      // The newest temporary file that is complete; a newer torn one is a later, unfinished save.
      for (const candidate of leftovers) {
        // A torn temp may not even decode: it is an unfinished save like any other.
        const bytes = await readDataFile(candidate).catch(() => undefined);
        const text = bytes && decodeText(bytes);
        if (text !== undefined && isComplete(text)) {
          await vscode.workspace.fs.rename(candidate, target, { overwrite: false });
          adopted = candidate;
          break;
        }
      }
    }
    await Promise.all(leftovers.filter((uri) => uri !== adopted).map((uri) => vscode.workspace.fs.delete(uri).then(undefined, () => undefined)));
  });
}

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
