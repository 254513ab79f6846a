/**
 * A folder whose data is encrypted but whose key file is gone (deleted by another program, lost
 * to a sync conflict, not copied by a careless restore). Without this check the folder would be
 * taken for a plain one: new notes written in the clear, the encrypted files refused as damaged,
 * and Encrypt My Notes offered again (a new key, the old one out of reach). Instead, the key file
 * is put back from the rolling backup's copy when that copy wraps the same key; otherwise the
 * folder stays encrypted and locked, nothing read or written, with a message saying what to do.
 */
import * as vscode from 'vscode';
import { ENCRYPTION_KEY_FILE } from '../../shared/storageLayout';
import { writeFileAtomic } from '../storage/atomicFile';
import { keyfileUri, readText } from './encryptionFiles';
import { encryptedKeyIdIn } from './encryptionProbe';
import { parseKeyfile } from './keyWrapping';

/** Puts the backup's copy of the key file back when it wraps the key `keyId`; whether it did. */
async function keyfileBackFromBackup(dataFolder: vscode.Uri, backupFolder: vscode.Uri | undefined, keyId: string): Promise<boolean> {
  if (!backupFolder) {
    return false;
  }
  const copy = await readText(vscode.Uri.joinPath(backupFolder, ENCRYPTION_KEY_FILE));
  const parsed = copy === undefined ? undefined : parseKeyfile(copy);
  if (copy === undefined || !parsed?.ok || parsed.keyfile.keyId !== keyId) {
    return false;
  }
  await writeFileAtomic(keyfileUri(dataFolder), new TextEncoder().encode(copy));
  return true;
}

export function missingKeyfileMessage(): string {
  return vscode.l10n.t(
    'Your notes are encrypted, but their key file ({0}) is missing from Two Hats’ storage, and the backup has no copy of it. Nothing will be read or written until it is back: restore it from a copy of the storage folder.',
    ENCRYPTION_KEY_FILE,
  );
}

/**
 * For a folder with neither key file nor journal: `plain` when no stored file is encrypted;
 * `putBack` when they are and the backup's copy of the key file was put back; `missing` when
 * they are and it could not be (the folder is then read as encrypted and locked).
 */
export async function lookForMissingKeyfile(dataFolder: vscode.Uri, backupFolder: vscode.Uri | undefined, log: vscode.LogOutputChannel): Promise<'plain' | 'putBack' | 'missing'> {
  const keyId = await encryptedKeyIdIn(dataFolder);
  if (keyId === undefined) {
    return 'plain';
  }
  if (await keyfileBackFromBackup(dataFolder, backupFolder, keyId)) {
    log.warn('Encryption: the key file was missing; it was put back from the backup’s copy.');
    return 'putBack';
  }
  log.error('Encryption: the data is encrypted but its key file is missing; nothing is read or written.');
  void vscode.window.showErrorMessage(missingKeyfileMessage());
  return 'missing';
}
