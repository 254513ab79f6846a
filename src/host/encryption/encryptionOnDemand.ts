/**
 * Encryption at rest as the core sees it: most workspaces never encrypt, so its code (keys,
 * conversions, passphrase prompts) is a bundle of its own (dist/encryption.js), loaded only when
 * a folder being opened shows signs of encryption (encryptionProbe.ts) or an encryption command
 * runs. Until then the folder is plain and the codec the identity. The stores open only after
 * `open` has resolved, so nothing is read or written in the clear while the bundle loads.
 */
import * as vscode from 'vscode';
import type { WorkspaceIdentity } from '../../shared/backups';
import type { SomeCommandHandlers } from '../commands/commandTable';
import { ENCRYPTION_CONTEXT } from '../constants';
import { identityCodec, useCodec } from '../storage/dataFiles';
import type { EncryptionAtRest, EncryptionOptions } from './encryptionAtRest';
import type { EncryptionCommand, EncryptionCommandContext } from './encryptionCommands';
import { anyKeyfileIn, encryptionMayBeIn } from './encryptionProbe';
import type { ExportKey } from './keyfileAccess';
import type { LockState, Secrets } from './keyHolder';

export type EncryptionBundle = typeof import('../encryptionBundle');

/** The encryption bundle; Node loads it on the first call and keeps it. */
export function encryptionBundle(): EncryptionBundle {
  // Resolved next to dist/core.js at run time; esbuild leaves it to Node (see esbuild.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./encryption.js') as EncryptionBundle;
}

/** The folder the stores have open, as `open` was last told. */
interface OpenFolder {
  readonly dataFolder: vscode.Uri | undefined;
  readonly backupFolder: vscode.Uri | undefined;
  readonly identity: WorkspaceIdentity | undefined;
}

export class EncryptionOnDemand implements vscode.Disposable {
  private loaded: EncryptionAtRest | undefined;
  private openFolder: OpenFolder | undefined;
  /** Before the first open nothing is known: locked, as the key holder starts. */
  private plainState: LockState = 'locked';
  /** Until the bundle is loaded, opens and the loading run one at a time: a command's load never races a reopen. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly stateChanged = new vscode.EventEmitter<LockState>();
  /** Locked or unlocked, also in another window; fires only once the bundle is loaded. */
  readonly holder = { onDidChangeState: (listener: (state: LockState) => void) => this.stateChanged.event(listener) };

  constructor(
    private readonly secrets: Secrets,
    private readonly backupsRoot: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly options: EncryptionOptions = {},
  ) {}

  get state(): LockState {
    return this.loaded?.state ?? this.plainState;
  }

  get isEncrypted(): boolean {
    return this.loaded?.isEncrypted ?? false;
  }

  get conversionUnderWay(): boolean {
    return this.loaded?.conversionUnderWay ?? false;
  }

  get changingHere(): boolean {
    return this.loaded?.changingHere ?? false;
  }

  /** The data key while the open folder is encrypted, unlocked and not being converted: it seals the sidebar's cached team. */
  keyForSealing(): Buffer | undefined {
    const loaded = this.loaded;
    return loaded?.isEncrypted && !loaded.conversionUnderWay && loaded.state === 'unlocked' ? loaded.holder.dataKey : undefined;
  }

  /** Whether the encryption bundle has been loaded in this window (for tests and the log). */
  get bundleLoaded(): boolean {
    return this.loaded !== undefined;
  }

  /** Before the stores open a folder: a plain one keeps the identity codec; any other loads the bundle and lets it read the folder. */
  open(dataFolder: vscode.Uri | undefined, backupFolder: vscode.Uri | undefined, identity?: WorkspaceIdentity): Promise<void> {
    this.openFolder = { dataFolder, backupFolder, identity };
    if (this.loaded) {
      // Loaded: opens go straight to it, as they did before the bundle was split off.
      return this.loaded.open(dataFolder, backupFolder, identity);
    }
    return this.oneAtATime(async () => {
      if (!this.loaded && !(dataFolder && (await encryptionMayBeIn(dataFolder)))) {
        useCodec(identityCodec);
        this.plainState = 'notEncrypted';
        void vscode.commands.executeCommand('setContext', ENCRYPTION_CONTEXT, 'off');
        return;
      }
      await this.load().open(dataFolder, backupFolder, identity);
    });
  }

  /** The encryption commands, each loading the bundle on its first run. */
  commands(context: Omit<EncryptionCommandContext, 'encryption'>): SomeCommandHandlers<EncryptionCommand> {
    let handlers: SomeCommandHandlers<EncryptionCommand> | undefined;
    const loaded = async () => {
      const encryption = await this.ready();
      handlers ??= encryptionBundle().encryptionCommands({ ...context, encryption });
      return handlers;
    };
    return {
      encryptNotes: async (args) => (await loaded()).encryptNotes(args),
      lockNow: async (args) => (await loaded()).lockNow(args),
      unlockNotes: async (args) => (await loaded()).unlockNotes(args),
      changePassphrase: async (args) => (await loaded()).changePassphrase(args),
      decryptNotes: async (args) => (await loaded()).decryptNotes(args),
    };
  }

  /** For an encrypted export: undefined while the bundle is not loaded, the notes being plain. */
  async exportKey(): Promise<ExportKey | undefined> {
    return this.loaded?.exportKey();
  }

  /** Delete All My Data: the keychain forgets these folders' keys (only encrypted folders have one). */
  async forgetKeysIn(dataFolders: readonly vscode.Uri[]): Promise<void> {
    if (this.loaded || (await anyKeyfileIn(dataFolders))) {
      await (await this.ready()).forgetKeysIn(dataFolders);
    }
  }

  dispose(): void {
    this.loaded?.dispose();
    this.stateChanged.dispose();
  }

  /** The bundle's EncryptionAtRest, loaded and opened on the folder the stores have open. */
  private ready(): Promise<EncryptionAtRest> {
    return this.oneAtATime(async () => {
      if (this.loaded) {
        return this.loaded;
      }
      const encryption = this.load();
      const open = this.openFolder;
      if (open) {
        await encryption.open(open.dataFolder, open.backupFolder, open.identity);
      }
      return encryption;
    });
  }

  private load(): EncryptionAtRest {
    if (!this.loaded) {
      this.log.info('Encryption: loading the encryption bundle.');
      this.loaded = new (encryptionBundle().EncryptionAtRest)(this.secrets, this.backupsRoot, this.log, this.options);
      this.loaded.holder.onDidChangeState((state) => this.stateChanged.fire(state));
    }
    return this.loaded;
  }

  private oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
