/**
 * Whether a data folder may be encrypted, told from its files alone (no key, no crypto): its key
 * file, a conversion journal, the older-backups marker, or an encrypted file among the first few
 * (the key file may have gone missing: missingKeyfile.ts). The core asks this at every open of a
 * folder; only a yes loads the encryption bundle (encryptionOnDemand.ts).
 */
import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import { DELEGATION_FILE, NOTE_INDEX_FILE, NOTES_FOLDER, OTHER_BACKUPS_PENDING_FILE, TEAM_FILE } from '../../shared/storageLayout';
import { readFileIfExists } from '../storage/atomicFile';
import { journalUri, keyfileUri } from './encryptionFiles';
import { isEnvelope } from './envelope';

/** Magic, version and its complement, then the key id (see envelope.ts). */
const KEY_ID_START = 10;
const KEY_ID_END = 18;
/** Notes looked at besides the team, delegation and index files: enough to see the folder's form. */
const NOTES_PROBED = 8;

/** Yes when anything in `dataFolder` says encryption at rest: the encryption bundle must read it. */
export async function encryptionMayBeIn(dataFolder: vscode.Uri): Promise<boolean> {
  const marks = [keyfileUri(dataFolder), journalUri(dataFolder), vscode.Uri.joinPath(dataFolder, OTHER_BACKUPS_PENDING_FILE)];
  for (const mark of marks) {
    // A mark that cannot be read for now counts as there: the encryption bundle decides.
    if ((await readFileIfExists(mark).catch(() => new Uint8Array())) !== undefined) {
      return true;
    }
  }
  return (await encryptedKeyIdIn(dataFolder)) !== undefined;
}

/** Whether any of these data folders has a key file (Delete All My Data forgets its key). */
export async function anyKeyfileIn(dataFolders: readonly vscode.Uri[]): Promise<boolean> {
  for (const folder of dataFolders) {
    if ((await readFileIfExists(keyfileUri(folder)).catch(() => undefined)) !== undefined) {
      return true;
    }
  }
  return false;
}

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
export async function encryptedKeyIdIn(dataFolder: vscode.Uri): Promise<string | undefined> {
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
