/**
 * Encrypted at rest (issue 14), wired in: which form the open data folder is in, the key for it,
 * and turning encryption on and off. It installs the codec every stored byte passes through
 * (storage/dataFiles.ts) while the folder is encrypted or being converted, and finishes a conversion
 * a crash interrupted before any store reads the folder (what the files say: encryptionOnDisk.ts;
 * the file work: folderConversion.ts). No passphrase or note text is logged or kept past one call.
 */
import * as vscode from 'vscode';
import type { WorkspaceIdentity } from '../../shared/backups';
import { ENCRYPTION_CONTEXT } from '../constants';
import { resumeConversion, startDecrypting, startEncrypting, type ConversionOutcome } from '../../shared/encryption/conversionJournal';
import { identityCodec, useCodec } from '../storage/dataFiles';
import { withDataLock } from '../storage/dataLock';
import { useWindowKey } from '../storage/backupForms';
import { EncryptedDataCodec, logicalNameOf } from './dataCodec';
import { keyIdOf } from './envelope';
import { resumingWithProgress } from './resumeProgress';
import { encryptionFoundIn, journalOrStandIn, sealedJournalIn } from './encryptionOnDisk';
import { journalMacKey } from './journalSeal';
import { FileCodec, type FolderEncryption } from './fileCodec';
import { FolderConversion, keyfileUri, readText, type FolderConversionOptions, type FolderMarkers } from './folderConversion';
import { missingKeyfileMessage } from './missingKeyfile';
import { dropStaleOtherBackupsMarker, finishOwedOtherBackups, markOtherBackupsPending } from './otherBackupsPending';
import { exportKeyOf, forgetKeysOf, keyfileProblemIn, logConversionOutcome, rewrapKeyfileIn, unwrapKeyIn, type ExportKey, type PassphraseCheck } from './keyfileAccess';
import { KeyHolder, type LockState, type Secrets, type UnlockResult } from './keyHolder';
import { newDataKey, wrapDataKey, type ScryptParams } from './keyWrapping';

export type { PassphraseCheck } from './keyfileAccess';

export interface EncryptionOptions {
  /**
   * For the length of a conversion: stops the rolling backup (the returned function resumes it)
   * and the note store's watcher (the stores are opened again afterwards, which restarts it).
   */
  readonly pause?: () => Promise<() => void>;
  /** Tests pass cheaper scrypt parameters; the product uses the default. */
  readonly scrypt?: ScryptParams;
}

export class EncryptionAtRest implements vscode.Disposable {
  readonly holder: KeyHolder;
  private dataFolder: vscode.Uri | undefined;
  private backupFolder: vscode.Uri | undefined;
  /** The open workspace, whose older backup folders Encrypt My Notes encrypts too; undefined for global storage. */
  private identity: WorkspaceIdentity | undefined;
  private folderState: FolderEncryption = { keyfileExists: false, journal: undefined };
  /** Encrypted files found without their key file: locked until it is back (missingKeyfile.ts). */
  private keyfileMissing = false;
  private ownChanges = 0;
  private readonly codec: EncryptedDataCodec;
  private readonly removeWindowKey: () => void;
  private readonly markers: FolderMarkers = {
    journalWritten: (text) => (this.folderState = { ...this.folderState, journal: journalOrStandIn(text, this.folderState.keyfileExists) }),
    journalRemoved: () => (this.folderState = { ...this.folderState, journal: undefined }),
    keyfileWritten: () => (this.folderState = { ...this.folderState, keyfileExists: true }),
    keyfileRemoved: () => (this.folderState = { ...this.folderState, keyfileExists: false }),
  };

  constructor(
    secrets: Secrets,
    private readonly backupsRoot: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly options: EncryptionOptions = {},
  ) {
    this.holder = new KeyHolder(secrets, () => (this.dataFolder ? readText(keyfileUri(this.dataFolder)) : Promise.resolve(undefined)));
    this.holder.onDidChangeState(() => this.publishState());
    const files = new FileCodec(this.holder, () => this.folderState);
    this.codec = new EncryptedDataCodec(files, () => ({ dataFolder: this.dataFolder, backupsRoot }));
    // Other workspaces' backups encrypted with this very key (a folder that moved) open with it too.
    this.removeWindowKey = useWindowKey({ dataKey: () => this.holder.dataKey, logicalName: (file) => logicalNameOf(file, { dataFolder: undefined, backupsRoot }) });
  }

  get state(): LockState {
    // Encrypted files without their key file are locked, whatever the key holder (which reads the key file) says.
    return this.keyfileMissing ? 'locked' : this.holder.state;
  }

  /** Whether the open folder's data is encrypted, or part-way through a conversion. */
  get isEncrypted(): boolean {
    return this.folderState.keyfileExists;
  }

  get conversionUnderWay(): boolean {
    return this.folderState.journal !== undefined;
  }

  /**
   * Before the stores open a folder: reads its form, looks for the key in the keychain, installs the
   * codec, and finishes a conversion a crash left half done (when the key is at hand).
   */
  async open(dataFolder: vscode.Uri | undefined, backupFolder: vscode.Uri | undefined, identity?: WorkspaceIdentity): Promise<void> {
    this.dataFolder = dataFolder;
    this.backupFolder = backupFolder;
    this.identity = identity;
    if (!dataFolder) {
      this.folderState = { keyfileExists: false, journal: undefined };
      useCodec(identityCodec);
      await this.holder.refresh();
      return;
    }
    ({ folderState: this.folderState, keyfileMissing: this.keyfileMissing } = await encryptionFoundIn(dataFolder, backupFolder, this.log));
    this.installCodec();
    await this.holder.refresh();
    await this.finishConversion();
    // Encrypt My Notes' last step, the older backup folders, when still owed (otherBackupsPending.ts).
    const unlockedKey = this.state === 'unlocked' ? this.holder.dataKey : undefined;
    await finishOwedOtherBackups({ dataFolder, backupsRoot: this.backupsRoot, identity: this.identity, folderState: this.folderState, unlockedKey }, this.log);
    this.publishState();
  }

  /**
   * The `twoHats.encryption` context key (off, unlocked, locked): package.json shows in the
   * Command Palette only the encryption commands that make sense now. Unset until Two Hats has
   * started, when every command shows (one of them is what starts it).
   */
  private publishState(): void {
    const state = this.state;
    void vscode.commands.executeCommand('setContext', ENCRYPTION_CONTEXT, state === 'notEncrypted' ? 'off' : state);
  }

  /** Unlocks with the passphrase (a wrong one changes nothing), then finishes any conversion. */
  async unlock(passphrase: string): Promise<UnlockResult> {
    if (this.keyfileMissing) {
      return { ok: false, problem: 'damaged', reason: missingKeyfileMessage() };
    }
    return this.asOwnChange(async () => {
      const result = await this.holder.unlock(passphrase);
      if (result.ok) {
        await this.finishConversion();
      }
      return result;
    });
  }

  /** The key is wiped from memory and from the keychain; nothing is read or written until unlocked. */
  lockNow(): Promise<void> {
    return this.asOwnChange(() => this.holder.lockNow());
  }

  /** Whether a lock, unlock or conversion of this window is under way (folderForm.ts leaves it be). */
  get changingHere(): boolean {
    return this.ownChanges > 0;
  }

  /** This window's own change, the command's reading of the folder afterwards included: no one else reads it meanwhile. */
  async asOwnChange<T>(change: () => Promise<T>): Promise<T> {
    this.ownChanges++;
    try {
      return await change();
    } finally {
      this.ownChanges--;
    }
  }

  /** Encrypt My Notes: a new data key, wrapped by `passphrase`, then every file converted. */
  encrypt(passphrase: string): Promise<ConversionOutcome> {
    return this.asOwnChange(() => this.encryptHere(passphrase));
  }

  private async encryptHere(passphrase: string): Promise<ConversionOutcome> {
    const dataFolder = this.requireFolder();
    if (this.folderState.keyfileExists || this.folderState.journal) {
      throw new Error(vscode.l10n.t('Your notes are already encrypted.'));
    }
    const dataKey = newDataKey();
    try {
      const keyfileText = await wrapDataKey(passphrase, dataKey, this.options.scrypt);
      const keyId = keyIdOf(dataKey).toString('hex');
      useCodec(this.codec);
      const macKey = journalMacKey(dataKey);
      const io = this.conversion(dataFolder, {
        keyfileText,
        journalMacKey: () => macKey,
        // Held, and in the keychain, only once the key file exists: until then the folder is plain.
        afterKeyfile: async () => void (await this.holder.adopt(dataKey)),
      });
      // Before the journal, under the same lock: from here on the older backups are owed.
      const outcome = await this.converting(dataFolder, async () => {
        await markOtherBackupsPending(dataFolder);
        return startEncrypting(io, keyId);
      });
      logConversionOutcome(this.log, outcome);
      return outcome;
    } finally {
      dataKey.fill(0);
    }
  }

  /** Decrypt My Notes: the passphrase once more, then every file back to plain. */
  decrypt(passphrase: string): Promise<ConversionOutcome | PassphraseCheck> {
    return this.asOwnChange(() => this.decryptHere(passphrase));
  }

  private async decryptHere(passphrase: string): Promise<ConversionOutcome | PassphraseCheck> {
    const dataFolder = this.requireFolder();
    const unwrapped = await unwrapKeyIn(dataFolder, passphrase);
    if (!unwrapped.ok) {
      return unwrapped;
    }
    try {
      await this.holder.adopt(unwrapped.dataKey);
    } finally {
      unwrapped.dataKey.fill(0);
    }
    const io = this.conversion(dataFolder);
    const outcome = await this.converting(dataFolder, () => startDecrypting(io, unwrapped.keyId));
    logConversionOutcome(this.log, outcome);
    if (!this.folderState.keyfileExists) {
      await this.holder.forget();
      useCodec(identityCodec);
      // Decrypted: nothing owed any more. Should another window hold the lock, the next open drops it.
      await dropStaleOtherBackupsMarker(dataFolder, this.log);
    }
    return outcome;
  }

  /** Change Passphrase: the same data key under a new passphrase; no note is re-encrypted. */
  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<PassphraseCheck> {
    const dataFolder = this.requireFolder();
    // Under the data lock, and never during a conversion: a key file rewritten just after a
    // decryption removed it would declare plain files encrypted.
    return withDataLock(dataFolder, () => rewrapKeyfileIn(dataFolder, this.backupFolder, oldPassphrase, newPassphrase, this.options.scrypt));
  }

  /**
   * For an encrypted export: a copy of the data key (the caller wipes it when done; Lock Now wipes
   * only the holder's) and the key file that opens it with the passphrase. Undefined while the
   * notes are plain, locked or being converted.
   */
  async exportKey(): Promise<ExportKey | undefined> {
    return this.dataFolder && this.folderState.keyfileExists && !this.folderState.journal ? exportKeyOf(this.dataFolder, this.holder.dataKey) : undefined;
  }

  /** Delete All My Data: the keychain forgets the keys of these data folders (read before they go). */
  forgetKeysIn(dataFolders: readonly vscode.Uri[]): Promise<void> {
    return forgetKeysOf(this.holder, dataFolders);
  }

  /** Whether a key file is there and readable, without a passphrase (for the commands' wording). */
  keyfileProblem(): Promise<string | undefined> {
    return keyfileProblemIn(this.dataFolder);
  }

  /** The codec stays: a write after this fails as locked rather than going out in the clear. */
  dispose(): void {
    this.removeWindowKey();
    this.holder.dispose();
  }

  private installCodec(): void {
    useCodec(this.folderState.keyfileExists || this.folderState.journal ? this.codec : identityCodec);
  }

  /** Finishes what the journal says, when that needs no key or the key is at hand. */
  private async finishConversion(): Promise<void> {
    const dataFolder = this.dataFolder;
    if (!dataFolder) {
      return;
    }
    if (this.folderState.keyfileExists) {
      // The journal decides which way every file goes: it counts only when sealed with this key.
      if (this.holder.state !== 'unlocked' || !(await this.acceptSealedJournal(dataFolder))) {
        return;
      }
    }
    if (!this.folderState.journal) {
      return;
    }
    const outcome = await resumingWithProgress(this.folderState.journal.direction, (report) => this.converting(dataFolder, () => resumeConversion(this.conversion(dataFolder), undefined, report)));
    logConversionOutcome(this.log, outcome);
    if (!this.folderState.keyfileExists && !this.folderState.journal) {
      await this.holder.forget();
    }
    this.installCodec();
  }

  /**
   * A conversion under the data lock, with the rolling backup paused: the conversion rewrites the
   * backup's copies as well, and a backup pass meanwhile would copy files of the old form over
   * copies already converted (plain copies left behind after encrypting, say).
   */
  private async converting(dataFolder: vscode.Uri, run: () => Promise<ConversionOutcome>): Promise<ConversionOutcome> {
    const resume = this.options.pause ? await this.options.pause() : undefined;
    try {
      return await withDataLock(dataFolder, run);
    } finally {
      resume?.();
    }
  }

  /** The journal counts only when sealed with the key at hand (journalOnDisk.ts). Whether a conversion is under way. */
  private async acceptSealedJournal(dataFolder: vscode.Uri): Promise<boolean> {
    const journal = await sealedJournalIn(dataFolder, this.holder.dataKey, this.log);
    this.folderState = { ...this.folderState, journal };
    if (journal) {
      this.installCodec();
    }
    return journal !== undefined;
  }

  /** The conversion's file system; encrypting passes the prepared key file, its journal key and what follows the key file. */
  private conversion(dataFolder: vscode.Uri, encrypting: Partial<Pick<FolderConversionOptions, 'keyfileText' | 'journalMacKey' | 'afterKeyfile'>> = {}): FolderConversion {
    const journalKey = () => (this.holder.dataKey ? journalMacKey(this.holder.dataKey) : undefined);
    return new FolderConversion({ dataFolder, backupFolder: this.backupFolder, dataKey: () => this.holder.dataKey, journalMacKey: journalKey, markers: this.markers, ...encrypting });
  }

  private requireFolder(): vscode.Uri {
    if (!this.dataFolder) {
      throw new Error(vscode.l10n.t('Open a folder first: Two Hats keeps your notes in that workspace’s private storage.'));
    }
    return this.dataFolder;
  }
}
