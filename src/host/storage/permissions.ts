/**
 * Files and folders Two Hats writes are for the user's eyes only: 0600 files, 0700 folders, on
 * macOS and Linux. A shared machine's other accounts, and backup tools running as someone else,
 * must not read 1:1 notes. Windows keeps its own access lists; only local `file:` URIs apply.
 */
import { chmod } from 'node:fs/promises';
import * as vscode from 'vscode';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

function appliesTo(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && process.platform !== 'win32';
}

/** Creates the folder (and any missing parents) and makes the folder itself private. */
export async function createPrivateFolder(folder: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.createDirectory(folder);
  if (appliesTo(folder)) {
    await chmod(folder.fsPath, PRIVATE_FOLDER_MODE);
  }
}

/** Makes a file written through `workspace.fs` private; new files there get the default mode. */
export async function makeFilePrivate(file: vscode.Uri): Promise<void> {
  if (appliesTo(file)) {
    await chmod(file.fsPath, PRIVATE_FILE_MODE);
  }
}
