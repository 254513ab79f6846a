/**
 * A folder whose data is encrypted but whose key file is gone (deleted by another program, lost
 * to a sync conflict, not copied by a careless restore). Without this check the folder would be
 * taken for a plain one: new notes written in the clear, the encrypted files refused as damaged,
 * and Encrypt My Notes offered again (a new key, the old one out of reach). Instead, the key file
 * is put back from the rolling backup's copy when that copy wraps the same key; otherwise the
 * folder stays encrypted and locked, nothing read or written, with a message saying what to do.
 */
import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import { DELEGATION_FILE, ENCRYPTION_KEY_FILE, NOTE_INDEX_FILE, NOTES_FOLDER, TEAM_FILE } from '../../shared/storageLayout';
import { writeFileAtomic } from '../storage/atomicFile';
import { isEnvelope } from './envelope';
import { keyfileUri, readText } from './folderConversion';
import { parseKeyfile } from './keyWrapping';

/** Magic, version and its complement, then the key id (see envelope.ts). */
const KEY_ID_START = 10;
const KEY_ID_END = 18;
/** Notes looked at besides the team, delegation and index files: enough to see the folder's form. */
const NOTES_PROBED = 8;

async function startOf(file: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    if (file.scheme === 'file') {
      const handle = await open(file.fsPath, 'r');
      try {
        const buffer = Buffer.alloc(KEY_ID_END);
        const { bytesRead } = await handle.read(buffer, 0, KEY_ID_END, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    }
    return (await vscode.workspace.fs.readFile(file)).subarray(0, KEY_ID_END);
  } catch {
    return undefined;
  }
}

/** The key id of the first encrypted file found in `dataFolder`, or undefined when none is. */
async function encryptedKeyIdIn(dataFolder: vscode.Uri): Promise<string | undefined> {
  const candidates = [TEAM_FILE, DELEGATION_FILE, NOTE_INDEX_FILE].map((name) => vscode.Uri.joinPath(dataFolder, name));
  try {
    const notes = vscode.Uri.joinPath(dataFolder, NOTES_FOLDER);
    const entries = await vscode.workspace.fs.readDirectory(notes);
    candidates.push(...entries.filter(([, type]) => type === vscode.FileType.File).slice(0, NOTES_PROBED).map(([name]) => vscode.Uri.joinPath(notes, name)));
  } catch {
    // No notes folder: the other files decide.
  }
  for (const file of candidates) {
    const start = await startOf(file);
    if (start && start.length >= KEY_ID_END && isEnvelope(start)) {
      return Buffer.from(start.subarray(KEY_ID_START, KEY_ID_END)).toString('hex');
    }
  }
  return undefined;
}

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
