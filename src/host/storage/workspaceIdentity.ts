/** Which workspace a backup belongs to, read from the workspace itself (never from Two Hats' data). */
import * as vscode from 'vscode';
import { originWithoutCredentials, type WorkspaceIdentity } from '../../shared/backups';
import { readFileIfExists } from './atomicFile';

const decoder = new TextDecoder();

/** This workspace as a backup names it: its folder, its storage folder, its repository. */
export async function workspaceIdentity(storage: vscode.Uri): Promise<WorkspaceIdentity | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    return undefined;
  }
  // The workspace's own file, not Two Hats' data: read as it is.
  const config = await readFileIfExists(vscode.Uri.joinPath(folder.uri, '.git', 'config')).catch(() => undefined);
  const url = config ? /\[remote "origin"\][^[]*?url\s*=\s*(\S+)/.exec(decoder.decode(config))?.[1] : undefined;
  const origin = url !== undefined ? originWithoutCredentials(url) : undefined;
  return {
    workspaceName: vscode.workspace.name ?? folder.name,
    workspacePath: folder.uri.fsPath,
    storagePath: storage.fsPath,
    ...(origin ? { repository: origin } : {}),
  };
}
