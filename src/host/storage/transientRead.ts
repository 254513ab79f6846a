/**
 * Reads that fail for a moment: an antivirus scanner or a sync tool holding the file (EBUSY,
 * EACCES, EPERM on Windows), surfaced by VS Code as NoPermissions or Unavailable. Such a file is
 * not damaged, so it is read again after a short wait and, if it stays locked, reported as
 * unreadable for now; only a file that reads but does not parse is ever set aside.
 */
import * as vscode from 'vscode';

const RETRY_DELAYS_MS = [50, 150, 400, 1000];
const TRANSIENT_CODES = new Set(['EBUSY', 'EACCES', 'EPERM', 'NoPermissions', 'Unavailable']);

/** A read that kept failing for a reason that should pass; the file itself was left alone. */
export class UnreadableForNow extends Error {
  constructor(fileName: string, cause: unknown) {
    super(
      vscode.l10n.t(
        '{0} could not be read just now ({1}); another program may be holding it. Nothing was changed. Run Two Hats: Reload Data from Disk once it is free.',
        fileName,
        // The code only: Node's message quotes the file's full path, a home folder the sidebar must not show.
        codeOf(cause) ?? vscode.l10n.t('busy'),
      ),
    );
    this.name = 'UnreadableForNow';
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[a-z]{1,24}$/i.test(code) ? code : undefined;
}

export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) {
    return true;
  }
  // VS Code passes some Node errors on with code Unknown and the Node code in the message.
  return error instanceof Error && /\b(?:EBUSY|EACCES|EPERM)\b/.test(error.message);
}

/** Runs `read`, again after short waits while it fails transiently; then `UnreadableForNow`. */
export async function readPatiently<T>(fileName: string, read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!isTransient(error)) {
        throw error;
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) {
        throw new UnreadableForNow(fileName, error);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Reads a file's bytes, undefined when there is none; the seam tests replace to simulate a lock. */
export type ReadBytes = (uri: vscode.Uri) => Promise<Uint8Array | undefined>;
