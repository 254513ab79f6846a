/**
 * Errors whose message Two Hats wrote itself, in words safe to show in a notification. Other
 * errors may carry a path under the user's home folder (a disk error names its file) or text
 * from a note, so their message stays in the log.
 */
import * as vscode from 'vscode';
import { LockedError } from './encryption/lockedError';
import { LockBusyError } from './storage/fileLock';

const ownSentences = new WeakSet<Error>();

/** Marks `error` as carrying one of Two Hats' own sentences, and returns it for a `throw`. */
export function withOwnSentence<E extends Error>(error: E): E {
  ownSentences.add(error);
  return error;
}

export function hasOwnSentence(error: unknown): error is Error {
  return error instanceof Error && ownSentences.has(error);
}

/**
 * Why a file operation failed, in words safe to show: Two Hats' own sentence, or one chosen by the
 * error's code. Never the error's own message, which names the file (a path under the home folder).
 */
export function safeFileReason(error: unknown): string {
  if (hasOwnSentence(error) || error instanceof LockBusyError || error instanceof LockedError) {
    return error.message;
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'NoPermissions':
      return vscode.l10n.t('Two Hats has no permission to change a file it needs.');
    case 'ENOSPC':
      return vscode.l10n.t('the disk is full');
    case 'EBUSY':
      return vscode.l10n.t('another program is holding a file it needs');
    default:
      return typeof code === 'string' && /^[A-Z]{1,24}$/i.test(code)
        ? vscode.l10n.t('a file it needs could not be read or written ({0})', code)
        : vscode.l10n.t('a file it needs could not be read or written');
  }
}

/**
 * A folder or file as a notification names it: its last name only. The full path names the
 * user's home folder, and a notification may be on a shared screen; a Reveal button shows where.
 */
export function shownPlace(uri: vscode.Uri): string {
  let end = uri.path.length;
  while (end > 1 && uri.path[end - 1] === '/') {
    end--;
  }
  const path = uri.path.slice(0, end);
  return path.slice(path.lastIndexOf('/') + 1) || path;
}
