/**
 * The file work of exports and imports, kept apart from what is exported: a fresh folder per
 * export, files created exclusively (an export never overwrites anything, its own files
 * included), and an import folder walked lazily with a cap, so a folder of a million files is
 * refused after the cap is reached instead of being listed whole.
 */
import { mkdir, open, opendir } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { ExportNames } from '../../shared/oneOnOnes/exportFormat';
import { createPrivateFolder, makeFilePrivate, PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from '../storage/permissions';

const MAX_DEPTH = 3;

function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

/** Creates `<parent>/<name>`, or `<name>-2`, `-3`… when taken; never a folder that was there. */
export async function freshFolder(parent: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(parent, n === 1 ? name : `${name}-${n}`);
    if (candidate.scheme === 'file') {
      try {
        // Readable by the user only, as everything Two Hats writes (see permissions.ts).
        await mkdir(candidate.fsPath, { mode: PRIVATE_FOLDER_MODE });
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          continue;
        }
        throw error;
      }
    }
    if (!(await exists(candidate))) {
      await createPrivateFolder(candidate);
      return candidate;
    }
  }
}

/**
 * Fills a new folder `<parent>/<name>` (or `<name>-2`…) with `write`, working in a `.partial`
 * folder renamed only when `write` is done: an export cut short by a crash or a failed write is
 * never mistaken for a whole one. On failure the partial folder is deleted and the error rethrown.
 */
export async function intoFreshFolder(parent: vscode.Uri, name: string, write: (folder: vscode.Uri) => Promise<void>): Promise<vscode.Uri> {
  const partial = await freshFolder(parent, `${name}.partial`);
  try {
    await write(partial);
    for (let n = 1; ; n++) {
      const candidate = vscode.Uri.joinPath(parent, n === 1 ? name : `${name}-${n}`);
      if (await exists(candidate)) {
        continue;
      }
      try {
        await vscode.workspace.fs.rename(partial, candidate, { overwrite: false });
        return candidate;
      } catch (error) {
        if (!(error instanceof vscode.FileSystemError && error.code === 'FileExists')) {
          throw error;
        }
      }
    }
  } catch (error) {
    await vscode.workspace.fs.delete(partial, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    throw error;
  }
}

/**
 * Writes `text` at `relativePath` under `folder` as a new file. A name something else took since
 * the folder was made gets the next name `names` hands out. Returns the path written.
 */
export async function writeNewFile(folder: vscode.Uri, names: ExportNames, relativePath: string, text: Uint8Array): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const claimed = names.claim(relativePath);
    const target = vscode.Uri.joinPath(folder, ...claimed.split('/'));
    await createPrivateFolder(vscode.Uri.joinPath(target, '..'));
    if (target.scheme === 'file') {
      let handle;
      try {
        handle = await open(target.fsPath, 'wx', PRIVATE_FILE_MODE);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          continue;
        }
        throw error;
      }
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return claimed;
    }
    if (await exists(target)) {
      continue;
    }
    await vscode.workspace.fs.writeFile(target, text);
    await makeFilePrivate(target);
    return claimed;
  }
  throw new Error(vscode.l10n.t('every name tried was already taken'));
}

/**
 * Markdown files under `folder` (three folders deep at most, names ending in one of `endings`),
 * stopping once more than `cap` were found.
 */
export async function markdownFilesUpTo(folder: vscode.Uri, cap: number, endings: readonly string[] = ['.md']): Promise<{ files: vscode.Uri[]; overCap: boolean }> {
  const files: vscode.Uri[] = [];
  const visit = async (dir: vscode.Uri, depth: number): Promise<boolean> => {
    for await (const [name, type] of entriesOf(dir)) {
      const uri = vscode.Uri.joinPath(dir, name);
      if (type === vscode.FileType.Directory && depth < MAX_DEPTH) {
        if (!(await visit(uri, depth + 1))) {
          return false;
        }
      } else if (type === vscode.FileType.File && endings.some((ending) => name.toLowerCase().endsWith(ending))) {
        files.push(uri);
        if (files.length > cap) {
          return false;
        }
      }
    }
    return true;
  };
  const complete = await visit(folder, 0);
  return { files: complete ? files : [], overCap: !complete };
}

/** A folder's entries one at a time: on disk through Node's directory stream, never listed whole. */
async function* entriesOf(dir: vscode.Uri): AsyncGenerator<[string, vscode.FileType]> {
  if (dir.scheme !== 'file') {
    yield* await vscode.workspace.fs.readDirectory(dir);
    return;
  }
  const handle = await opendir(dir.fsPath, { bufferSize: 256 });
  for await (const entry of handle) {
    const type = entry.isDirectory() ? vscode.FileType.Directory : entry.isFile() ? vscode.FileType.File : vscode.FileType.Unknown;
    yield [entry.name, type];
  }
}

export async function pickFolder(title: string, openLabel: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ title, openLabel, canSelectFolders: true, canSelectFiles: false, canSelectMany: false });
  return picked?.[0];
}

/** The first five reasons, and an ellipsis when there are more. */
export function firstFew(reasons: readonly string[]): string {
  return `${reasons.slice(0, 5).join('; ')}${reasons.length > 5 ? '; …' : ''}`;
}
