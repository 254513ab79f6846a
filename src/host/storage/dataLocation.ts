import * as vscode from 'vscode';
import { SETTINGS } from '../constants';
import type { DataLocation } from './jsonFileStore';

/**
 * Where Two Hats keeps data for this window: the workspace's private storage, or, with no folder
 * open and only when the user opted in, a folder in the global storage. Never the workspace itself.
 */
export function resolveDataLocation(context: vscode.ExtensionContext): DataLocation {
  if (context.storageUri) {
    return { kind: 'folder', uri: context.storageUri, scope: 'workspace' };
  }
  const useGlobal = vscode.workspace
    .getConfiguration(SETTINGS.section)
    .get<boolean>(SETTINGS.useGlobalStorageWhenNoFolder, false);
  if (useGlobal) {
    return { kind: 'folder', uri: vscode.Uri.joinPath(context.globalStorageUri, 'no-folder'), scope: 'global' };
  }
  return { kind: 'noFolder' };
}

export async function enableGlobalStorageWhenNoFolder(): Promise<void> {
  await vscode.workspace
    .getConfiguration(SETTINGS.section)
    .update(SETTINGS.useGlobalStorageWhenNoFolder, true, vscode.ConfigurationTarget.Global);
}
