/** The backups already on this machine: listed with their manifests, and copied back into a data folder. */
import * as vscode from 'vscode';
import { parseBackupManifest, type BackupManifest } from '../../shared/backups';
import { BACKED_UP_FILES, BACKUP_MANIFEST_FILE, ENCRYPTION_KEY_FILE, noteIdOfFile } from '../../shared/storageLayout';
import { readDataFile, readStoredCopy, writeStoredCopy } from './dataFiles';
import { notesFolder } from './layout';
import { createPrivateFolder } from './permissions';

const decoder = new TextDecoder();

export interface StoredBackup {
  readonly folder: vscode.Uri;
  readonly manifest: BackupManifest;
}

/** Every backup under `root`, newest first; unreadable ones are skipped. */
export async function listBackups(root: vscode.Uri): Promise<StoredBackup[]> {
  const entries = await vscode.workspace.fs.readDirectory(root).then(undefined, () => [] as [string, vscode.FileType][]);
  const backups: StoredBackup[] = [];
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.Directory) {
      continue;
    }
    const folder = vscode.Uri.joinPath(root, name);
    const manifest = await readBackupManifest(folder);
    if (manifest) {
      backups.push({ folder, manifest });
    }
  }
  return backups.sort((a, b) => b.manifest.savedAt - a.manifest.savedAt);
}

/** Copies a backup into an empty data folder; files already there are never overwritten. */
export async function restoreBackupInto(backup: StoredBackup, into: vscode.Uri): Promise<number> {
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
  return copied;
}

/** A backup folder's manifest; undefined when it has none or it does not read. */
export async function readBackupManifest(folder: vscode.Uri): Promise<BackupManifest | undefined> {
  const bytes = await readDataFile(vscode.Uri.joinPath(folder, BACKUP_MANIFEST_FILE)).catch(() => undefined);
  const parsed = bytes ? parseBackupManifest(decoder.decode(bytes)) : undefined;
  return parsed?.ok ? parsed.value : undefined;
}
