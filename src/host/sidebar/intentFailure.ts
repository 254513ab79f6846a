/**
 * When a sidebar action throws (a read-only window, a lock held by another window, a note gone
 * from disk), the user is told what failed and the view is put back to what is stored: a ticked
 * box that was never saved unticks, a form waiting for its answer gets one.
 */
import * as vscode from 'vscode';
import { assertNever } from '../../shared/assertNever';
import { LockBusyError } from '../storage/fileLock';
import { hasOwnSentence } from '../shownErrors';
import { handleSidebarIntent, type SidebarIntent, type SidebarSurface } from './sidebarIntents';

/** Runs the intent; any error is shown to the user, logged, and the view repainted from the stores. */
export async function runSidebarIntent(message: SidebarIntent, sidebar: SidebarSurface): Promise<void> {
  try {
    await handleSidebarIntent(message, sidebar);
  } catch (error: unknown) {
    const text = `${whatFailed(message)} ${reasonOf(error)}`;
    void vscode.window.showErrorMessage(text);
    if ('requestId' in message) {
      void sidebar.post({ type: 'didCompleteRequest', requestId: message.requestId, error: text });
    }
    sidebar.refresh();
    // Logged last: a log channel closed under it (its window shutting down) threw before the
    // user was told, and the failure went silent.
    try {
      sidebar.log.error(`Handling ${message.type} failed: ${String(error)}`);
    } catch {
      // Nothing more to tell anyone.
    }
  }
}

/**
 * Why, in words safe to show: the sentences Two Hats itself wrote for these errors. Anything else
 * may carry text from a note or a path under the home folder (a disk error that says "no
 * permission" names its file), so it stays in the log.
 */
export function reasonOf(error: unknown): string {
  if (hasOwnSentence(error)) {
    return error.message;
  }
  if (error instanceof vscode.FileSystemError && error.code === 'NoPermissions') {
    return vscode.l10n.t('Two Hats has no permission to change a file it needs.');
  }
  if (error instanceof LockBusyError) {
    return vscode.l10n.t('Another window is saving the same data; try again in a moment.');
  }
  if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
    return vscode.l10n.t('A file it needs is no longer there.');
  }
  return vscode.l10n.t('The details are in the Two Hats log (Output view).');
}

/** The action that failed, in one sentence of its own. */
function whatFailed(message: SidebarIntent): string {
  switch (message.type) {
    case 'keepDraft':
      return vscode.l10n.t('Could not keep the unsaved form.');
    case 'showHistory':
      return vscode.l10n.t('Could not show the 1:1 history.');
    case 'addPerson':
      return vscode.l10n.t('Could not add the person.');
    case 'updatePerson':
      return vscode.l10n.t('Could not save the person.');
    case 'setArchived':
      return message.archived ? vscode.l10n.t('Could not archive the person.') : vscode.l10n.t('Could not bring the person back.');
    case 'openFolder':
      return vscode.l10n.t('Could not open a folder.');
    case 'useGlobalStorage':
      return vscode.l10n.t('Could not switch to storage without a folder.');
    case 'showDataLocation':
      return vscode.l10n.t('Could not show where the data is kept.');
    case 'unlock':
      return vscode.l10n.t('Could not unlock the notes.');
    case 'startOneOnOne':
      return vscode.l10n.t('Could not start the 1:1.');
    case 'prepareOneOnOne':
      return vscode.l10n.t('Could not prepare the 1:1.');
    case 'addGoal':
      return vscode.l10n.t('Could not add the goal.');
    case 'markGoalReached':
      return vscode.l10n.t('Could not mark the goal as reached.');
    case 'queueTalkingPoint':
      return vscode.l10n.t('Could not queue the talking point.');
    case 'previewNote':
      return vscode.l10n.t('Could not show the note’s preview.');
    case 'openNote':
      return vscode.l10n.t('Could not open the note.');
    case 'tickActionItem':
      return message.done ? vscode.l10n.t('Could not tick the action item; nothing was saved.') : vscode.l10n.t('Could not untick the action item; nothing was saved.');
    case 'switchHat':
      return vscode.l10n.t('Could not switch hats.');
    case 'delegation':
      return vscode.l10n.t('Could not change the delegation list.');
    case 'stopPresenting':
      return vscode.l10n.t('Could not stop presenting.');
    case 'openPrinciple':
      return vscode.l10n.t('Could not open the principle.');
    default:
      return assertNever(message);
  }
}
