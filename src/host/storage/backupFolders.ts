/** The backups already on this machine: listed with their manifests, and copied back into a data folder. */
import * as vscode from 'vscode';
import { parseBackupManifest, type BackupManifest } from '../../shared/backups';
import { BACKED_UP_FILES, BACKUP_MANIFEST_FILE, ENCRYPTION_KEY_FILE, noteIdOfFile } from '../../shared/storageLayout';
import { parseKeyfile } from '../encryption/keyWrapping';
import { readBackupFile } from './backupForms';
import { readStoredCopy, writeStoredCopy } from './dataFiles';
import { notesFolder } from './layout';
import { unpackNotes } from './notePackCode';
import { createPrivateFolder } from './permissions';

const decoder = new TextDecoder();

/** A backup this window can read: plain, or encrypted with this window's key. */
export interface OpenBackup {
  readonly folder: vscode.Uri;
  readonly manifest: BackupManifest;
  readonly sealed?: undefined;
}

/**
 * A backup encrypted with a key this window does not hold: nothing in it can be shown (no names,
 * no counts), only when it was saved (its files' times) and the key file that opens it.
 */
export interface SealedBackup {
  readonly folder: vscode.Uri;
  readonly manifest?: undefined;
  readonly sealed: { readonly savedAt: number; readonly keyId: string };
}

export type StoredBackup = OpenBackup | SealedBackup;

export function savedAtOf(backup: StoredBackup): number {
  return backup.manifest ? backup.manifest.savedAt : backup.sealed.savedAt;
}

/**
 * Every backup under `root`, newest first: those this window can read with their manifests, those
 * encrypted with another key as sealed (restored, they open with their own passphrase). A backup
 * with neither a readable manifest nor a usable key file is skipped.
 */
export async function listBackups(root: vscode.Uri): Promise<StoredBackup[]> {
  const entries = await vscode.workspace.fs.readDirectory(root).then(undefined, () => [] as [string, vscode.FileType][]);
  const backups: StoredBackup[] = [];
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.Directory) {
      continue;
    }
    const folder = vscode.Uri.joinPath(root, name);
    const manifest = await readBackupManifest(folder);
    const sealed = manifest ? undefined : await sealedBackupIn(folder);
    if (manifest) {
      backups.push({ folder, manifest });
    } else if (sealed) {
      backups.push({ folder, sealed });
    }
  }
  return backups.sort((a, b) => savedAtOf(b) - savedAtOf(a));
}

/**
 * A backup whose pack does not read (damaged, or written by a newer Two Hats): what it holds as
 * single files (notes backed up after the pack, the team, the delegation) was restored all the
 * same, `copied` files; the notes only in the pack were not.
 */
export class BackupPackDamaged extends Error {
  constructor(readonly copied: number) {
    super(vscode.l10n.t('Restored what the backup holds file by file; the file holding the rest of its notes could not be read (damaged, or from a newer Two Hats), so some notes may be missing.'));
    this.name = 'BackupPackDamaged';
  }
}

/** A restore that would mix two keys in one folder: nothing was copied. */
export class RestoreRefused extends Error {
  constructor() {
    super(
      vscode.l10n.t(
        'This workspace’s notes are encrypted with another passphrase than the backup, and one folder holds one key. Decrypt My Notes here first, or restore into another workspace.',
      ),
    );
    this.name = 'RestoreRefused';
  }
}

/**
 * Copies a backup into an empty data folder; files already there are never overwritten. A backup
 * encrypted with another key is copied as it is, its key file first: the folder then opens Locked
 * and unlocks with that backup's passphrase.
 */
export async function restoreBackupInto(backup: StoredBackup, into: vscode.Uri): Promise<number> {
  const keyHere = await keyIdInBackup(into);
  if (keyHere !== undefined && keyHere !== (await keyIdInBackup(backup.folder))) {
    throw new RestoreRefused();
  }
  // A first backup of many notes keeps them in one pack: back to single files first, then it
  // is copied like any other. One that does not read leaves its notes out, and says so after.
  const packDamaged = (await unpackNotes(backup.folder)) === 'damaged';
  let copied = 0;
  const copy = async (from: vscode.Uri, to: vscode.Uri) => {
    const bytes = await readStoredCopy(from);
    if (bytes && !(await readStoredCopy(to))) {
      await writeStoredCopy(to, bytes);
      copied++;
    }
  };
  // The wrapped key first (kept there while the data is encrypted): the copies are readable
  // with the passphrase only beside it.
  for (const name of [ENCRYPTION_KEY_FILE, ...BACKED_UP_FILES]) {
    await copy(vscode.Uri.joinPath(backup.folder, name), vscode.Uri.joinPath(into, name));
  }
  const notesFrom = notesFolder(backup.folder);
  const notesTo = notesFolder(into);
  await createPrivateFolder(notesTo);
  const entries = await vscode.workspace.fs.readDirectory(notesFrom).then(undefined, () => [] as [string, vscode.FileType][]);
  for (const [name] of entries.filter(([n, type]) => type === vscode.FileType.File && noteIdOfFile(n) !== undefined)) {
    await copy(vscode.Uri.joinPath(notesFrom, name), vscode.Uri.joinPath(notesTo, name));
  }
  if (packDamaged) {
    throw new BackupPackDamaged(copied);
  }
  return copied;
}

/**
 * A backup folder's manifest, read in the folder's own form (plain, or with this window's key);
 * undefined when it has none, it is encrypted with another key, or it does not read.
 */
export async function readBackupManifest(folder: vscode.Uri): Promise<BackupManifest | undefined> {
  const read = await readBackupFile(vscode.Uri.joinPath(folder, BACKUP_MANIFEST_FILE)).catch(() => undefined);
  const parsed = read && 'plain' in read ? parseBackupManifest(decoder.decode(read.plain)) : undefined;
  return parsed?.ok ? parsed.value : undefined;
}

/** The key id and date of a backup encrypted with another key: read from its key file and file times only. */
async function sealedBackupIn(folder: vscode.Uri): Promise<SealedBackup['sealed'] | undefined> {
  const manifestFile = vscode.Uri.joinPath(folder, BACKUP_MANIFEST_FILE);
  const read = await readBackupFile(manifestFile).catch(() => undefined);
  const keyId = read?.form === 'sealed' ? await keyIdInBackup(folder) : undefined;
  if (keyId === undefined) {
    return undefined;
  }
  const stat = await Promise.resolve(vscode.workspace.fs.stat(manifestFile)).then(undefined, () => undefined);
  return stat ? { savedAt: stat.mtime, keyId } : undefined;
}

/** The key id of the key file kept in a backup folder; undefined when there is none (a plain backup) or it does not read. */
export async function keyIdInBackup(folder: vscode.Uri): Promise<string | undefined> {
  const keyfile = await readStoredCopy(vscode.Uri.joinPath(folder, ENCRYPTION_KEY_FILE)).catch(() => undefined);
  const parsed = keyfile ? parseKeyfile(decoder.decode(keyfile)) : undefined;
  return parsed?.ok ? parsed.keyfile.keyId : undefined;
}
