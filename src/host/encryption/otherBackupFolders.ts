/**
 * A workspace that moved or was renamed has more than one backup folder in global storage (one
 * per storage path it had), each naming the same workspace in its manifest. Encrypt My Notes
 * converts the current one with the data folder; this converts the others, so that no plain copy
 * of a name or a note is left anywhere in global storage.
 *
 * The folders are the ones Restore would offer (`restoreCandidates`), found from their manifests
 * as stored (plain, or already encrypted with this key by a run cut short), so that the codec of
 * the open folder is not in the way. Each gets the key file first (its copies then open with the
 * passphrase after a restore), then each plain file is replaced atomically by its envelope, bound
 * to the logical name the codec gives it (its path inside the backup folder); the manifest last,
 * so a run cut short still finds the folder. A file already encrypted is left alone, and a file
 * that cannot be converted is reported, never deleted.
 */
import * as vscode from 'vscode';
import { parseBackupManifest, restoreCandidates, type BackupManifest, type WorkspaceIdentity } from '../../shared/backups';
import { canonicalName } from '../../shared/encryption/logicalNames';
import { BACKUP_MANIFEST_FILE } from '../../shared/storageLayout';
import { readFileIfExists, writeFileAtomic } from '../storage/atomicFile';
import { removeAbandonedPacks, unpackNotes } from '../storage/notePackCode';
import { decryptFile, encryptFile, isEnvelope } from './envelope';
import { filesUnder, isConverted, keyfileUri, readText, writeBackupKeyfile } from './folderConversion';

export interface OtherBackupsOutcome {
  /** Files encrypted, over every other backup folder. */
  readonly encrypted: number;
  /** Files (or whole folders) left as they were because reading or writing failed. */
  readonly failed: readonly string[];
}

export interface OtherBackupsRequest {
  readonly backupsRoot: vscode.Uri;
  readonly identity: WorkspaceIdentity;
  /** The open data folder, whose key file every converted backup folder gets a copy of. */
  readonly dataFolder: vscode.Uri;
  /** The unlocked data key (not wiped here: the caller's copy). */
  readonly dataKey: Buffer;
}

/** Encrypts the other backup folders of the open workspace; undefined when it has no key file. */
export async function encryptOtherBackupFolders(request: OtherBackupsRequest): Promise<OtherBackupsOutcome | undefined> {
  const keyfileText = await readText(keyfileUri(request.dataFolder));
  if (keyfileText === undefined) {
    return undefined;
  }
  const folders = await otherBackupFolders(request.backupsRoot, request.identity, request.dataKey);
  let encrypted = 0;
  const failed: string[] = [];
  for (const folder of folders) {
    try {
      await writeBackupKeyfile(folder, keyfileText);
    } catch {
      // Without the key file beside them, encrypted copies could never be restored: leave them plain.
      failed.push(folder.fsPath);
      continue;
    }
    // Its pack's copies each bound to their own names (notePack.ts): unpacked first. A pack that
    // does not read or unpack is encrypted whole below, as any file.
    await unpackNotes(folder).catch(() => undefined);
    await removeAbandonedPacks(folder);
    // A folder (or a part of one) that cannot be listed is not empty: it is said as failed, so
    // the marker stays and the user is told; what could be listed is encrypted all the same.
    const names = await filesUnder(folder, '', (unlisted) => failed.push(unlisted.fsPath));
    const manifestLast = [...names.filter((name) => name !== BACKUP_MANIFEST_FILE), ...names.filter((name) => name === BACKUP_MANIFEST_FILE)];
    for (const relative of manifestLast.filter(isConverted)) {
      const file = vscode.Uri.joinPath(folder, ...relative.split('/'));
      try {
        const bytes = await readFileIfExists(file);
        if (bytes === undefined || isEnvelope(bytes)) {
          continue;
        }
        await writeFileAtomic(file, encryptFile(request.dataKey, canonicalName(relative), bytes));
        encrypted++;
      } catch {
        failed.push(file.fsPath);
      }
    }
  }
  return { encrypted, failed };
}

/** The backup folders Restore would offer this workspace (never its current one). */
async function otherBackupFolders(root: vscode.Uri, identity: WorkspaceIdentity, dataKey: Buffer): Promise<vscode.Uri[]> {
  const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(root)).catch(() => [] as [string, vscode.FileType][]);
  const stored: { folder: vscode.Uri; manifest: BackupManifest }[] = [];
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.Directory) {
      continue;
    }
    const folder = vscode.Uri.joinPath(root, name);
    const manifest = await storedManifest(folder, dataKey);
    if (manifest) {
      stored.push({ folder, manifest });
    }
  }
  return restoreCandidates(stored, identity).map(({ folder }) => folder);
}

/** A manifest as stored: plain, or encrypted with this key; any other is not this workspace's to convert. */
async function storedManifest(folder: vscode.Uri, dataKey: Buffer): Promise<BackupManifest | undefined> {
  const bytes = await readFileIfExists(vscode.Uri.joinPath(folder, BACKUP_MANIFEST_FILE)).catch(() => undefined);
  if (!bytes) {
    return undefined;
  }
  let plain: Uint8Array = bytes;
  if (isEnvelope(bytes)) {
    const decrypted = decryptFile(dataKey, BACKUP_MANIFEST_FILE, bytes);
    if (!decrypted.ok) {
      return undefined;
    }
    plain = decrypted.plaintext;
  }
  const parsed = parseBackupManifest(new TextDecoder().decode(plain));
  return parsed.ok ? parsed.value : undefined;
}
