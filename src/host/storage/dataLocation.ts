import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { primaryStoragePath } from '../../shared/storagePaths';
import { SETTINGS } from '../constants';
import type { DataLocation } from './jsonFileStore';
import { noFolderDataFolder } from './layout';

/**
 * Where Two Hats keeps data for this window: the workspace's private storage, or, with no folder
 * open and only when the user opted in, a folder in the global storage. Never the workspace itself.
 */
export function resolveDataLocation(context: vscode.ExtensionContext): DataLocation {
  if (context.storageUri) {
    return { kind: 'folder', uri: sharedWorkspaceStorage(context.storageUri), scope: 'workspace' };
  }
  const useGlobal = vscode.workspace
    .getConfiguration(SETTINGS.section)
    .get<boolean>(SETTINGS.useGlobalStorageWhenNoFolder, false);
  if (useGlobal) {
    return { kind: 'folder', uri: noFolderDataFolder(context.globalStorageUri), scope: 'global' };
  }
  return { kind: 'noFolder' };
}

/**
 * A second window on the same workspace is handed an empty sibling storage folder (`<id>-1`);
 * it uses the workspace's first folder instead, where the data is, so both windows see the same
 * team (saves take a lock, see fileLock.withFileLock). Only where that folder exists.
 */
function sharedWorkspaceStorage(storage: vscode.Uri): vscode.Uri {
  const primary = storage.scheme === 'file' ? primaryStoragePath(storage.fsPath) : undefined;
  // The parent is the workspace's storage folder, which VS Code itself creates for each window.
  return primary && existsSync(path.dirname(primary)) ? vscode.Uri.file(primary) : storage;
}

export async function enableGlobalStorageWhenNoFolder(): Promise<void> {
  await vscode.workspace
    .getConfiguration(SETTINGS.section)
    .update(SETTINGS.useGlobalStorageWhenNoFolder, true, vscode.ConfigurationTarget.Global);
}
