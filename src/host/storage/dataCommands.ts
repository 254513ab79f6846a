/** What the user sees about where data lives and what happened to a file that could not be read. */
import * as vscode from 'vscode';
import { PRESENTING_FLAG_FILE } from '../presenting/presentingMode';
import { primaryStoragePath } from '../../shared/storagePaths';
import { MEMENTO_PREFIX } from '../../shared/storageLayout';
import type { SomeCommandHandlers } from '../commands/commandTable';
import type { SetAsideNotice } from './jsonFileStore';
import { backupsRoot, fileNameOf, noFolderDataFolder } from './layout';
import type { TeamStore } from './teamStore';

export function dataCommands(store: TeamStore): SomeCommandHandlers<'showDataLocation'> {
  return { showDataLocation: () => showDataLocation(store) };
}

/** Tells the user about every file a store sets aside, with the way back. */
export function announceSetAsideFiles(files: readonly { onDidSetAside: vscode.Event<SetAsideNotice> }[]): vscode.Disposable[] {
  return files.map((file) => file.onDidSetAside((notice) => void announceSetAside(notice)));
}

async function showDataLocation(store: TeamStore): Promise<void> {
  const folder = store.dataFolder;
  if (!folder) {
    await vscode.window.showInformationMessage(
      vscode.l10n.t('Two Hats has no data location yet: open a folder, and your notes will be kept in its private workspace storage on this machine.'),
    );
    return;
  }
  const copy = vscode.l10n.t('Copy Path');
  const reveal = vscode.l10n.t('Reveal in File Explorer');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t("Two Hats keeps this workspace's data on this machine, outside your repository, in {0}", folder.fsPath),
    copy,
    reveal,
  );
  if (choice === copy) {
    await vscode.env.clipboard.writeText(folder.fsPath);
  } else if (choice === reveal) {
    await vscode.commands.executeCommand('revealFileInOS', folder);
  }
}

async function announceSetAside(notice: SetAsideNotice): Promise<void> {
  const open = vscode.l10n.t('Open Set-Aside File');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Two Hats could not read {0} because {1}. It was moved, unchanged, to {2} and Two Hats started afresh. To recover it, fix the file, rename it back to {0}, and run Two Hats: Reload Data from Disk.',
      fileNameOf(notice.original),
      notice.reason,
      notice.movedTo.fsPath,
    ),
    { modal: false },
    open,
  );
  if (choice === open) {
    await vscode.window.showTextDocument(notice.movedTo);
  }
}

/**
 * Deletes every file Two Hats keeps: this workspace's storage and the global fallback. Uninstalling
 * an extension leaves its storage behind, so this is the way to be sure nothing is left. Always
 * asks first, in a modal: no argument skips the question.
 */
export async function deleteAllData(
  context: vscode.ExtensionContext,
  settle: () => Promise<void>,
  reopen: () => Promise<void>,
  /** The keychain forgets the data keys of these folders (encrypted at rest) before they are deleted. */
  forgetKeys: (dataFolders: readonly vscode.Uri[]) => Promise<void>,
): Promise<boolean> {
  const remove = vscode.l10n.t('Delete Everything');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Delete all of Two Hats’ data on this machine: your people, 1:1 notes, talking points and delegation list, for this workspace and the no-folder fallback, and the backups of every workspace? This cannot be undone.',
    ),
    { modal: true },
    remove,
  );
  if (answer !== remove) {
    return false;
  }
  // A background write still pending would otherwise put a file back after the delete.
  await settle();
  const dataFolders = [...(context.storageUri ? await storageFoldersOfThisWorkspace(context.storageUri) : []), noFolderDataFolder(context.globalStorageUri)];
  // Other workspaces' keys stay: their data stays (only their backups go, and those hold the same
  // wrapped key as the data).
  await forgetKeys(dataFolders);
  const folders = [
    ...dataFolders,
    backupsRoot(context.globalStorageUri),
    // The presenting flag other windows watch: no data, but a Two Hats file all the same.
    vscode.Uri.joinPath(context.globalStorageUri, PRESENTING_FLAG_FILE),
  ];
  for (const folder of folders) {
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, (error: unknown) => {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) {
        throw error;
      }
    });
  }
  // Small keys kept in VS Code's own state: the last template per person, the current hat.
  for (const memento of [context.workspaceState, context.globalState]) {
    for (const key of memento.keys().filter((k) => k.startsWith(MEMENTO_PREFIX))) {
      await memento.update(key, undefined);
    }
  }
  await reopen();
  void vscode.window.showInformationMessage(vscode.l10n.t('Two Hats deleted all of its data on this machine.'));
  return true;
}

/**
 * This workspace's storage folder and the numbered ones VS Code gave to other windows on it
 * (`<id>-1`, ...), where an older Two Hats may have kept data.
 */
async function storageFoldersOfThisWorkspace(storage: vscode.Uri): Promise<vscode.Uri[]> {
  const own = primaryStoragePath(storage.path) ?? storage.path;
  const extensionFolder = own.slice(own.lastIndexOf('/') + 1);
  const workspaceFolder = own.slice(0, own.lastIndexOf('/'));
  const id = workspaceFolder.slice(workspaceFolder.lastIndexOf('/') + 1);
  const root = storage.with({ path: workspaceFolder.slice(0, workspaceFolder.lastIndexOf('/')) });
  const siblings = await vscode.workspace.fs.readDirectory(root).then(undefined, () => [] as [string, vscode.FileType][]);
  const pattern = new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(-\\d+)?$`);
  return [storage, ...siblings.filter(([name]) => pattern.test(name)).map(([name]) => vscode.Uri.joinPath(root, name, extensionFolder))];
}
