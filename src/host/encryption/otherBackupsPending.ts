/**
 * Encrypt My Notes ends by encrypting the workspace's older backup folders (otherBackupFolders.ts),
 * after the data folder is converted. A window killed in between would leave them plain for good,
 * so a marker beside the data says the step is still owed: written before the conversion starts
 * (under the data lock, before the journal), removed once every older folder is encrypted. Each
 * open with the key at hand runs the step again while the marker is there; it skips files already
 * encrypted, so running it twice is safe. The marker holds a schema version only.
 */
import * as vscode from 'vscode';
import type { WorkspaceIdentity } from '../../shared/backups';
import { OTHER_BACKUPS_PENDING_FILE } from '../../shared/storageLayout';
import { readFileIfExists, writeFileAtomic } from '../storage/atomicFile';
import { withDataLock } from '../storage/dataLock';
import { journalUri, keyfileUri } from './folderConversion';
import type { FolderEncryption } from './fileCodec';
import { encryptOtherBackupFolders, type OtherBackupsOutcome } from './otherBackupFolders';

const MARKER_TEXT = JSON.stringify({ schemaVersion: 1 });

function markerUri(dataFolder: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(dataFolder, OTHER_BACKUPS_PENDING_FILE);
}

/** Before Encrypt My Notes converts anything: the older backups are owed from now on. */
export async function markOtherBackupsPending(dataFolder: vscode.Uri): Promise<void> {
  await writeFileAtomic(markerUri(dataFolder), new TextEncoder().encode(MARKER_TEXT));
}

export async function otherBackupsPending(dataFolder: vscode.Uri): Promise<boolean> {
  return (await readFileIfExists(markerUri(dataFolder)).catch(() => undefined)) !== undefined;
}

async function clearOtherBackupsPending(dataFolder: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(markerUri(dataFolder), { useTrash: false }).then(undefined, (error: unknown) => {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) {
      throw error;
    }
  });
}

/**
 * A plain folder with no journal owes nothing (decrypted since, or an Encrypt that stopped before
 * converting): the marker goes. Checked again under the data lock, where an Encrypt under way in
 * another window has its journal written before it lets go. A marker that cannot go is logged:
 * the next open tries again.
 */
export async function dropStaleOtherBackupsMarker(dataFolder: vscode.Uri, log: vscode.LogOutputChannel): Promise<void> {
  if (!(await otherBackupsPending(dataFolder))) {
    return;
  }
  await withDataLock(dataFolder, async () => {
    const converting = (await readFileIfExists(keyfileUri(dataFolder))) !== undefined || (await readFileIfExists(journalUri(dataFolder))) !== undefined;
    if (!converting) {
      await clearOtherBackupsPending(dataFolder);
    }
  }).catch((error: unknown) => log.warn(`Encryption: the older-backups marker stays: ${(error as Error).message}`));
}

export interface OwedCheck {
  readonly dataFolder: vscode.Uri;
  readonly backupsRoot: vscode.Uri;
  readonly identity: WorkspaceIdentity | undefined;
  readonly folderState: FolderEncryption;
  /** The data key, only while unlocked. */
  readonly unlockedKey: Buffer | undefined;
}

/**
 * At every open: done by the reopen that ends Encrypt My Notes, or by the next open with the key
 * at hand when a window was killed before it. Failures are said, and tried again at the next open.
 */
export async function finishOwedOtherBackups(check: OwedCheck, log: vscode.LogOutputChannel): Promise<void> {
  const { dataFolder, folderState, unlockedKey } = check;
  if (!folderState.keyfileExists && !folderState.journal) {
    await dropStaleOtherBackupsMarker(dataFolder, log);
  } else if (unlockedKey && !folderState.journal && (await otherBackupsPending(dataFolder))) {
    const dataKey = Buffer.from(unlockedKey);
    const request = { dataFolder, backupsRoot: check.backupsRoot, identity: check.identity, dataKey };
    reportOtherBackupsOutcome(await encryptOwedOtherBackups(request, log).catch(otherBackupsFailure).finally(() => dataKey.fill(0)));
  }
}

export interface PendingOtherBackups {
  readonly dataFolder: vscode.Uri;
  readonly backupsRoot: vscode.Uri;
  /** Undefined for data kept in global storage (no folder open): it has no older backups. */
  readonly identity: WorkspaceIdentity | undefined;
  /** The unlocked data key (not wiped here: the caller's copy). */
  readonly dataKey: Buffer;
}

/** Encrypts the older backup folders; the marker goes once none failed. Undefined when there were none to look for. */
async function encryptOwedOtherBackups(request: PendingOtherBackups, log: vscode.LogOutputChannel): Promise<OtherBackupsOutcome | undefined> {
  const { identity } = request;
  const outcome = identity ? await encryptOtherBackupFolders({ ...request, identity }) : undefined;
  if (outcome) {
    log.info(`Encryption: ${outcome.encrypted} file(s) of older backups of this workspace encrypted, ${outcome.failed.length} not.`);
  }
  if (!outcome || outcome.failed.length === 0) {
    await clearOtherBackupsPending(request.dataFolder);
  }
  return outcome;
}

/** A file that could not be encrypted is said, never deleted; the next open tries it again. */
function reportOtherBackupsOutcome(outcome: OtherBackupsOutcome | undefined): void {
  if (outcome && outcome.failed.length > 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} file(s) in older backups of this workspace could not be encrypted and stay readable as they were: {1}', outcome.failed.length, outcome.failed.join(', ')),
    );
  }
}

/** When encrypting the older backups throws: said as one failure, the marker kept for the next open. */
function otherBackupsFailure(): OtherBackupsOutcome {
  return { encrypted: 0, failed: [vscode.l10n.t('the older backups')] };
}
