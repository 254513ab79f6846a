/**
 * Where each of Two Hats' files is, as a URI: the names come from `shared/storageLayout.ts`,
 * this adds the folders VS Code hands the extension. Every store, the backups, Delete All My Data
 * and the tests find their files through these.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { BACKUPS_FOLDER, NO_FOLDER_DATA, NOTE_INDEX_FILE, NOTES_FOLDER, SEARCH_INDEX_FILE, noteBodyName, noteHeaderName } from '../../shared/storageLayout';

/** The data folder when no folder is open and the user chose global storage. */
export function noFolderDataFolder(globalStorage: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(globalStorage, NO_FOLDER_DATA);
}

/** Where every workspace's rolling backup is kept. */
export function backupsRoot(globalStorage: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(globalStorage, BACKUPS_FOLDER);
}

/** A workspace's backup folder, named after its storage path (which holds no one's name). */
export function backupFolderFor(root: vscode.Uri, storagePath: string): vscode.Uri {
  return vscode.Uri.joinPath(root, createHash('sha256').update(storagePath).digest('hex').slice(0, 24));
}

/** The notes folder of a data folder, or of a backup (laid out the same). */
export function notesFolder(data: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(data, NOTES_FOLDER);
}

export function noteBodyUri(data: vscode.Uri, id: string): vscode.Uri {
  return vscode.Uri.joinPath(data, NOTES_FOLDER, noteBodyName(id));
}

export function noteHeaderUri(data: vscode.Uri, id: string): vscode.Uri {
  return vscode.Uri.joinPath(data, NOTES_FOLDER, noteHeaderName(id));
}

export function noteIndexUri(data: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(data, NOTE_INDEX_FILE);
}

/** The last part of a URI's path. */
export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export function searchIndexUri(data: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(data, SEARCH_INDEX_FILE);
}
