/**
 * Offering a backup back: when a workspace opens with no Two Hats data while a backup of a
 * workspace with the same folder name or repository exists (the folder was moved or renamed),
 * and on request through `Restore from Backup…` for any backup on this machine.
 */
import * as vscode from 'vscode';
import { MEMENTO_KEYS } from '../../shared/storageLayout';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import { BackupPackDamaged, RestoreRefused } from './backupFolders';
import { describeBackup, workspaceIdentity, type BackupKeeper, type BackupSources, type StoredBackup } from './backups';

const DECLINED_KEY = MEMENTO_KEYS.restoreDeclined;

export interface RestoreContext {
  readonly backups: BackupKeeper;
  readonly sources: BackupSources;
  readonly workspaceState: vscode.Memento;
  /** Re-reads everything from the data folder after a restore. */
  reopen(): Promise<void>;
}

function isEmpty(sources: BackupSources): boolean {
  return sources.team.all.length === 0 && sources.delegation.all.length === 0 && sources.notes.all.length === 0;
}

/** After the data is loaded: an empty workspace with a likely backup gets an offer, once. */
export async function offerRestoreIfEmpty(context: RestoreContext): Promise<void> {
  const data = context.sources.team.dataFolder;
  if (!data || context.sources.team.state.kind !== 'ready' || context.sources.team.state.scope !== 'workspace' || !isEmpty(context.sources)) {
    return;
  }
  if (context.workspaceState.get<boolean>(DECLINED_KEY)) {
    return;
  }
  const identity = await workspaceIdentity(data);
  const candidate = identity ? (await context.backups.candidatesFor(identity))[0] : undefined;
  if (!candidate) {
    return;
  }
  const restore = vscode.l10n.t('Restore');
  const never = vscode.l10n.t('Not for This Workspace');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Two Hats has no data here yet, but keeps a backup of “{0}” from {1} ({2}). A moved or renamed folder gets new, empty storage in VS Code. Restore the backup here?',
      candidate.manifest.workspaceName,
      candidate.manifest.workspacePath,
      describeBackup(candidate.manifest),
    ),
    restore,
    never,
  );
  if (choice === restore) {
    await restoreInto(context, candidate);
  } else if (choice === never) {
    await context.workspaceState.update(DECLINED_KEY, true);
  }
}

export function restoreCommands(context: RestoreContext): SomeCommandHandlers<'restoreFromBackup'> {
  return { restoreFromBackup: (args) => restoreFromBackup(context, args) };
}

/** `Restore from Backup…`: the backup named by `args.backupFolder`, or the one the user picks. */
async function restoreFromBackup(context: RestoreContext, args: CommandArgs<'restoreFromBackup'>): Promise<number | undefined> {
  const data = context.sources.team.dataFolder;
  if (!data) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: a backup is restored into that workspace’s private storage.'));
    return undefined;
  }
  if (!isEmpty(context.sources)) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('This workspace already has Two Hats data, and a restore never overwrites. Restore into a workspace with no Two Hats data, or delete this data first.'),
    );
    return undefined;
  }
  const backups = (await context.backups.list()).filter((b) => !context.backups.isBackupOf(b, data));
  const wanted = args.backupFolder;
  const backup =
    wanted !== undefined
      ? backups.find((b) => b.folder.fsPath === wanted)
      : (
          await vscode.window.showQuickPick(
            backups.map((b) => ({ ...pickItemOf(b), backup: b })),
            {
              title: vscode.l10n.t('Two Hats: Restore from Backup'),
              placeHolder: backups.length ? vscode.l10n.t('Which workspace’s data?') : vscode.l10n.t('No backups on this machine yet'),
              matchOnDescription: true,
            },
          )
        )?.backup;
  return backup ? restoreInto(context, backup) : undefined;
}

/** A backup encrypted with another key shows only what needs no key: that it is encrypted, and when it was saved. */
function pickItemOf(backup: StoredBackup): Pick<vscode.QuickPickItem, 'label' | 'description' | 'detail'> {
  if (backup.manifest) {
    return { label: backup.manifest.workspaceName, description: backup.manifest.workspacePath, detail: describeBackup(backup.manifest) };
  }
  return {
    label: `$(lock) ${vscode.l10n.t('Encrypted backup: needs its passphrase')}`,
    detail: vscode.l10n.t('Saved {0}. Restored, it opens Locked and unlocks with the passphrase it was encrypted with.', new Date(backup.sealed.savedAt).toLocaleString()),
  };
}

async function restoreInto(context: RestoreContext, backup: StoredBackup): Promise<number | undefined> {
  const data = context.sources.team.dataFolder;
  if (!data) {
    return undefined;
  }
  let copied: number;
  try {
    copied = await context.backups.restore(backup, data);
  } catch (error) {
    if (error instanceof RestoreRefused) {
      void vscode.window.showErrorMessage(error.message);
      return undefined;
    }
    if (!(error instanceof BackupPackDamaged)) {
      throw error;
    }
    // What could be read is in the data folder now: shown, and the missing part said.
    await context.reopen();
    void vscode.window.showWarningMessage(error.message);
    return error.copied;
  }
  await context.reopen();
  void vscode.window.showInformationMessage(
    backup.manifest
      ? vscode.l10n.t('Restored {0} from the backup of “{1}”.', describeBackup(backup.manifest), backup.manifest.workspaceName)
      : vscode.l10n.t('Restored the encrypted backup saved {0}. Unlock it with the passphrase it was encrypted with.', new Date(backup.sealed.savedAt).toLocaleString()),
  );
  return copied;
}
