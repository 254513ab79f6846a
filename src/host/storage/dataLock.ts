/**
 * The data folder's lock for the stores (see fileLock.ts): every window on a workspace takes it
 * before it changes a file another window may be changing or cleaning up.
 */
import * as vscode from 'vscode';
import { dataFolderLock, LockBusyError, lockWanted, removeLockLitter, withFileLock } from './fileLock';

/**
 * Runs `task` holding the lock of the data folder `folder`. Only local folders have one: other
 * file systems (a web extension host's) offer no atomic rename to build it on, and no second
 * process to guard against.
 */
export function withDataLock<T>(folder: vscode.Uri, task: () => Promise<T>): Promise<T> {
  return folder.scheme === 'file' ? withFileLock(dataFolderLock(folder.fsPath), task) : task();
}

/** How long background work waits for this window's waiting tasks to take the lock first. */
const GIVE_WAY_MAX_MS = 2000;

/**
 * True while a task of this window is waiting for the data lock (a save, most often): background
 * work holding it ends its step early.
 */
export function dataLockWanted(folder: vscode.Uri): boolean {
  return folder.scheme === 'file' && lockWanted(dataFolderLock(folder.fsPath));
}

/**
 * Before background work takes the data lock for its next step: lets this window's waiting tasks
 * have it first (they poll, and would otherwise lose it to the step taken at once).
 */
export async function giveWayToDataLockWaiters(folder: vscode.Uri): Promise<void> {
  const until = performance.now() + GIVE_WAY_MAX_MS;
  while (dataLockWanted(folder) && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Runs a clean-up under the lock, or skips it when another window holds the lock for the whole
 * wait: what it would clean up can wait for the next start, a window's start cannot.
 */
export async function whenDataLockFree(folder: vscode.Uri, task: () => Promise<void>): Promise<void> {
  try {
    await withDataLock(folder, task);
  } catch (error) {
    if (!(error instanceof LockBusyError)) {
      throw error;
    }
  }
}

/** On load: clears what a window that died while taking the lock left beside it. */
export async function removeDataLockLitter(folder: vscode.Uri): Promise<void> {
  if (folder.scheme === 'file') {
    await removeLockLitter(dataFolderLock(folder.fsPath));
  }
}
