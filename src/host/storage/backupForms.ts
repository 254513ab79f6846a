/**
 * A backup folder of another workspace is read and written in its own form, whatever the open
 * folder's: global storage keeps one backup per workspace, and each may be plain, encrypted with
 * this window's key, or encrypted with a key this window has never held. The data folder's codec
 * (dataFiles.ts) knows only the open folder's form, so going through it would skip or spoil the
 * others silently.
 */
import type * as vscode from 'vscode';
import { decryptFile, encryptFile, isEnvelope } from '../encryption/envelope';
import { readStoredCopy, writeStoredCopy } from './dataFiles';

/**
 * What a backup file holds: readable (`plain`, or `ourKey` for an envelope this window's key
 * opens), `sealed` (encrypted with another key, or this window is locked), or `damaged`.
 */
export type BackupFileRead = { form: 'plain' | 'ourKey'; plain: Uint8Array } | { form: 'sealed' | 'damaged' };

/** This window's data key while unlocked, and the logical name a backup file is encrypted under. */
export interface WindowKey {
  dataKey(): Buffer | undefined;
  logicalName(file: vscode.Uri): string;
}

let windowKey: WindowKey | undefined;

/** Installs the key backups in this window's key are read and written with; returns a function that removes it. */
export function useWindowKey(key: WindowKey): () => void {
  windowKey = key;
  return () => {
    if (windowKey === key) {
      windowKey = undefined;
    }
  };
}

/** A backup file in its own form; undefined when it is not there. */
export async function readBackupFile(file: vscode.Uri): Promise<BackupFileRead | undefined> {
  const stored = await readStoredCopy(file);
  if (stored === undefined) {
    return undefined;
  }
  if (!isEnvelope(stored)) {
    return { form: 'plain', plain: stored };
  }
  const key = windowKey?.dataKey();
  if (!key || !windowKey) {
    return { form: 'sealed' };
  }
  const decrypted = decryptFile(key, windowKey.logicalName(file), stored);
  if (decrypted.ok) {
    return { form: 'ourKey', plain: decrypted.plaintext };
  }
  return { form: decrypted.problem === 'wrongKey' || decrypted.problem === 'unknownVersion' ? 'sealed' : 'damaged' };
}

/** Writes a backup file back in the form it was read in. */
export async function writeBackupFile(file: vscode.Uri, plain: Uint8Array, form: 'plain' | 'ourKey'): Promise<void> {
  if (form === 'plain') {
    await writeStoredCopy(file, plain);
    return;
  }
  const key = windowKey?.dataKey();
  if (!key || !windowKey) {
    // Locked since it was read: nothing goes out, and the caller reports the backup as not cleaned.
    throw new Error('Two Hats is locked');
  }
  await writeStoredCopy(file, encryptFile(key, windowKey.logicalName(file), plain));
}
