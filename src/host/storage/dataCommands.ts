/** What the user sees about where data lives and what happened to a file that could not be read. */
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import type { NoteStore } from './noteStore';
import type { SetAsideNotice, TeamStore } from './teamStore';

export function registerDataCommands(store: TeamStore, notes: NoteStore): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.showDataLocation, () => showDataLocation(store)),
    store.onDidSetAside((notice) => void announceSetAside(notice)),
    notes.onDidSetAside((notice) => void announceSetAside(notice)),
  ];
}

async function showDataLocation(store: TeamStore): Promise<void> {
  const folder = store.dataFolder;
  if (!folder) {
    await vscode.window.showInformationMessage(
      'Two Hats has no data location yet: open a folder, and your notes will be kept in its private workspace storage on this machine.',
    );
    return;
  }
  const copy = 'Copy Path';
  const reveal = 'Reveal in File Explorer';
  const choice = await vscode.window.showInformationMessage(
    `Two Hats keeps this workspace's data on this machine, outside your repository, in ${folder.fsPath}`,
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
  const open = 'Open Set-Aside File';
  const choice = await vscode.window.showWarningMessage(
    `Two Hats could not read ${fileName(notice.original)} because ${notice.reason}. ` +
      `It was moved, unchanged, to ${notice.movedTo.fsPath} and Two Hats started afresh. ` +
      `To recover it, fix the file and rename it back to ${fileName(notice.original)} while VS Code is closed.`,
    { modal: false },
    open,
  );
  if (choice === open) {
    await vscode.window.showTextDocument(notice.movedTo);
  }
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
