/**
 * The commands of Encrypted at rest: Encrypt My Notes…, Lock Now, Unlock…, Change Passphrase…
 * and Decrypt My Notes…. Each returns what happened (for tests and other extensions), never a
 * passphrase; passphrases are typed into password boxes and live for one call.
 */
import * as vscode from 'vscode';
import { passphraseProblem } from '../../shared/encryption/passphrasePolicy';
import type { ConversionOutcome } from '../../shared/encryption/conversionJournal';
import type { SomeCommandHandlers } from '../commands/commandTable';
import type { EncryptionAtRest, PassphraseCheck } from './encryptionAtRest';
import { askNewPassphrase } from './newPassphrase';
import { safeFileReason } from '../shownErrors';

export type EncryptionCommand = 'encryptNotes' | 'lockNow' | 'unlockNotes' | 'changePassphrase' | 'decryptNotes';

/** What a command did: `ok`, or the reason it did nothing (`cancelled` when the user backed out). */
export type EncryptionCommandResult = { ok: true; skipped?: number; setAside?: number } | { ok: false; problem: string };

export interface EncryptionCommandContext {
  readonly encryption: EncryptionAtRest;
  /** Pending saves, written before the files are converted or the key is wiped. */
  flush(): Promise<void>;
  /**
   * The stores read the folder again, in its new form (or Locked). After Encrypt My Notes, this is
   * also what encrypts the workspace's older backup folders (EncryptionAtRest.open), as at any
   * open while they are owed.
   */
  reopen(): Promise<void>;
  /** Lock Now: the open notes, briefs and their previews saved and closed (noteViewsOnLock.ts). */
  closeNoteViews?(): Promise<void>;
}

const CANCELLED: EncryptionCommandResult = { ok: false, problem: 'cancelled' };

export function encryptionCommands(context: EncryptionCommandContext): SomeCommandHandlers<EncryptionCommand> {
  const { encryption } = context;
  return {
    encryptNotes: async ({ passphrase }) => {
      if (encryption.isEncrypted || encryption.conversionUnderWay) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Your notes are already encrypted.'));
        return { ok: false, problem: 'alreadyEncrypted' };
      }
      if (passphrase === undefined && !(await confirmEncrypt())) {
        return CANCELLED;
      }
      const chosen = passphrase ?? (await askNewPassphrase({ title: vscode.l10n.t('Encrypt My Notes') }));
      if (chosen === undefined) {
        return CANCELLED;
      }
      const refused = passphraseProblem(chosen);
      if (refused !== undefined) {
        void vscode.window.showErrorMessage(vscode.l10n.t('That passphrase is refused: {0}', refused));
        return { ok: false, problem: 'weakPassphrase' };
      }
      return convert(context, vscode.l10n.t('Encrypting your notes…'), () => encryption.encrypt(chosen), vscode.l10n.t('Your notes are encrypted. Keep your passphrase safe: without it and this machine’s keychain, no one can read them, Two Hats included.'));
    },

    lockNow: async () => {
      if (!encryption.isEncrypted) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Your notes are not encrypted, so there is nothing to lock. Run Two Hats: Encrypt My Notes… first.'));
        return { ok: false, problem: 'notEncrypted' };
      }
      // Saved while still unlocked, then closed: no note text stays on screen once locked.
      await context.closeNoteViews?.();
      await context.flush();
      await encryption.asOwnChange(async () => {
        await encryption.lockNow();
        await context.reopen();
      });
      void vscode.window.showInformationMessage(vscode.l10n.t('Two Hats is locked. Your passphrase unlocks it again.'));
      return { ok: true };
    },

    unlockNotes: async ({ passphrase }) => {
      if (encryption.state !== 'locked') {
        void vscode.window.showInformationMessage(
          encryption.state === 'unlocked' ? vscode.l10n.t('Two Hats is already unlocked.') : vscode.l10n.t('Your notes are not encrypted, so there is nothing to unlock.'),
        );
        return { ok: false, problem: encryption.state };
      }
      const typed = passphrase ?? (await askPassphrase(vscode.l10n.t('Unlock Two Hats'), vscode.l10n.t('Your passphrase')));
      if (typed === undefined) {
        return CANCELLED;
      }
      const unlocked = await encryption.asOwnChange(async () => {
        const result = await encryption.unlock(typed);
        if (result.ok) {
          await context.reopen();
        }
        return result;
      });
      if (!unlocked.ok) {
        void vscode.window.showErrorMessage(refusal(unlocked));
        return { ok: false, problem: unlocked.problem };
      }
      if (!unlocked.rememberedInKeychain) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Unlocked for this session only: this system’s keychain did not keep the key, so Two Hats will ask for your passphrase next time.'));
      }
      return { ok: true };
    },

    changePassphrase: async ({ oldPassphrase, newPassphrase }) => {
      if (!encryption.isEncrypted) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Your notes are not encrypted, so they have no passphrase to change.'));
        return { ok: false, problem: 'notEncrypted' };
      }
      const current = oldPassphrase ?? (await askPassphrase(vscode.l10n.t('Change Passphrase'), vscode.l10n.t('Your current passphrase')));
      if (current === undefined) {
        return CANCELLED;
      }
      const next = newPassphrase ?? (await askNewPassphrase({ title: vscode.l10n.t('Change Passphrase') }));
      if (next === undefined) {
        return CANCELLED;
      }
      const refused = passphraseProblem(next);
      if (refused !== undefined) {
        void vscode.window.showErrorMessage(vscode.l10n.t('That passphrase is refused: {0}', refused));
        return { ok: false, problem: 'weakPassphrase' };
      }
      const changed = await encryption.changePassphrase(current, next);
      if (!changed.ok) {
        void vscode.window.showErrorMessage(refusal(changed));
        return { ok: false, problem: changed.problem };
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Your passphrase is changed: unlock with the new one from now on. A copy of the old key file kept elsewhere (a backup of your disk) still opens with the old one; Decrypt My Notes, then Encrypt My Notes, makes a new key.'));
      return { ok: true };
    },

    decryptNotes: async ({ passphrase }) => {
      if (!encryption.isEncrypted) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Your notes are not encrypted.'));
        return { ok: false, problem: 'notEncrypted' };
      }
      if (passphrase === undefined && !(await confirmDecrypt())) {
        return CANCELLED;
      }
      const typed = passphrase ?? (await askPassphrase(vscode.l10n.t('Decrypt My Notes'), vscode.l10n.t('Your passphrase, to confirm')));
      if (typed === undefined) {
        return CANCELLED;
      }
      let refused: PassphraseCheck | undefined;
      const result = await convert(
        context,
        vscode.l10n.t('Decrypting your notes…'),
        async () => {
          const outcome = await encryption.decrypt(typed);
          if ('ok' in outcome) {
            refused = outcome;
            return undefined;
          }
          return outcome;
        },
        vscode.l10n.t('Your notes are stored as plain files again.'),
      );
      if (refused && !refused.ok) {
        void vscode.window.showErrorMessage(refusal(refused));
        return { ok: false, problem: refused.problem };
      }
      return result;
    },
  };
}

/**
 * Flushes, converts under a progress notification, reopens, and says how it went. The reopen is
 * part of this window's own change: the follower of other windows (folderForm.ts) must not read
 * the folder a second time meanwhile, or a command right after this one finds the stores half read.
 */
async function convert(
  context: EncryptionCommandContext,
  title: string,
  run: () => Promise<ConversionOutcome | undefined>,
  done: string,
): Promise<EncryptionCommandResult> {
  try {
    const outcome = await context.encryption.asOwnChange(async () => {
      const converted = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, async () => {
        await context.flush();
        return run();
      });
      await context.reopen();
      return converted;
    });
    if (!outcome) {
      return { ok: false, problem: 'refused' };
    }
    if (outcome.skipped.length > 0) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} file(s) could not be converted and were left as they were (damaged, or encrypted with another key). Two Hats tries them again at the next start.', outcome.skipped.length),
      );
      return { ok: true, skipped: outcome.skipped.length };
    }
    if (outcome.setAside.length > 0) {
      // Already set aside as damaged: they stay as they are and hold nothing back.
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} {1} file(s) set aside earlier as damaged could not be converted and stay as they are; nothing else is affected.', done, outcome.setAside.length),
      );
      return { ok: true, setAside: outcome.setAside.length };
    }
    void vscode.window.showInformationMessage(done);
    return { ok: true };
  } catch (error) {
    await context.encryption.asOwnChange(() => context.reopen()).catch(() => undefined);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Two Hats could not finish converting your notes: {0}. Every note stays readable, and the next start finishes the job.', safeFileReason(error)),
    );
    return { ok: false, problem: 'failed' };
  }
}

function refusal(check: { problem: string; reason: string }): string {
  switch (check.problem) {
    case 'wrongPassphrase':
      return vscode.l10n.t('That passphrase does not unlock these notes. Nothing was changed.');
    case 'fromNewerVersion':
      return vscode.l10n.t('The key file was written by a newer version of Two Hats. Update Two Hats to unlock these notes. Nothing was changed.');
    case 'damaged':
      return vscode.l10n.t('The key file beside your notes is damaged. Nothing was changed.');
    default:
      return vscode.l10n.t('Your notes are not encrypted.');
  }
}

async function confirmEncrypt(): Promise<boolean> {
  const encrypt = vscode.l10n.t('Encrypt');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Encrypt your notes on this machine?'),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Every file Two Hats keeps, and its backups, will be encrypted with a random key kept in this system’s keychain and, wrapped by a passphrase you choose now, beside your notes. This protects against other people and programs reading the disk, desktop search and backup or sync copies; not against malware running as you while Two Hats is unlocked. If you forget the passphrase and the keychain is lost, your notes are lost.',
      ),
    },
    encrypt,
  );
  return choice === encrypt;
}

async function confirmDecrypt(): Promise<boolean> {
  const decrypt = vscode.l10n.t('Decrypt');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Store your notes as plain files again?'),
    { modal: true, detail: vscode.l10n.t('Any program running as you, desktop search and backup tools will be able to read them.') },
    decrypt,
  );
  return choice === decrypt;
}

function askPassphrase(title: string, prompt: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, password: true, ignoreFocusOut: true });
}
