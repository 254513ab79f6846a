/**
 * Two windows of one workspace share its data folder, each with the codec it installed when it
 * opened the folder. When one window encrypts, decrypts or locks the notes, the other must follow:
 * otherwise it writes plain bytes into an encrypted folder, or reads the other window's envelopes
 * as damaged files and sets them aside.
 *
 * The follower polls the key file and the conversion journal, and re-reads the folder (codec,
 * key, stores) once another window's conversion is over. Until then, a last look before every read
 * and write refuses what this window can no longer do right: the edit stays unsaved, the file stays
 * where it is, and the user is told why.
 */
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { useStoredFormCheck } from '../storage/dataFiles';
import { isEnvelope } from './envelope';
import { journalUri, keyfileUri, readText } from './encryptionFiles';
import { LockedError } from './lockedError';
import type { LockState } from './keyHolder';

/** How long the key file and the journal must be quiet before the folder is read again. */
const SETTLE_MS = 300;
/** While a journal is there, another window is converting: look again this often. */
const JOURNAL_POLL_MS = 1000;
/** A journal untouched this long belongs to a window that died: reading the folder finishes it. */
const ABANDONED_JOURNAL_MS = 30_000;
/** One warning per episode, not one per refused write. */
const WARN_EVERY_MS = 10_000;
/** How often the key file and the journal are looked at. */
const POLL_MS = 1000;

/** What the window believes about its folder: the encryption it opened the folder with. */
export interface FolderFormSource {
  readonly isEncrypted: boolean;
  readonly conversionUnderWay: boolean;
  readonly state: LockState;
  /** While this window itself locks, unlocks or converts: its command reads the folder again. */
  readonly changingHere?: boolean;
  readonly holder: {
    onDidChangeState(listener: (state: LockState) => void): vscode.Disposable;
  };
}

/** A read or write refused because another window changed the folder's form: nothing was changed. */
export class FolderFormChanged extends LockedError {
  constructor() {
    super();
    this.name = 'FolderFormChanged';
    this.message = vscode.l10n.t('Another window encrypted, decrypted or locked your notes. This window is catching up and saved nothing; save again in a moment.');
  }
}

interface OnDisk {
  readonly keyfile: boolean;
  readonly journal: boolean;
  readonly journalChangedAt: number | undefined;
}

export interface FolderFormOptions {
  readonly encryption: FolderFormSource;
  /** Reads the folder again, as opening it does: the codec and the key first, then the stores. */
  readonly reopen: () => Promise<void>;
  readonly log: Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'trace'>;
}

export class FolderFormFollower implements vscode.Disposable {
  private folder: vscode.Uri | undefined;
  private watcher: vscode.Disposable | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private openedIn: LockState;
  private keyfileText: string | undefined;
  private checking: Promise<void> = Promise.resolve();
  private warnedAt = 0;
  /** The key file's and journal's times and sizes at the last poll. */
  private polled: string | undefined;
  private disposed = false;
  private readonly removeCheck: () => void;
  private readonly stateWatch: vscode.Disposable;

  constructor(private readonly options: FolderFormOptions) {
    this.openedIn = options.encryption.state;
    this.removeCheck = useStoredFormCheck({ beforeDecode: (stored) => this.beforeDecode(stored), beforeEncode: () => this.beforeEncode() });
    // Locked or unlocked in another window (the keychain entry went or came, which the holder
    // follows by itself): the stores follow.
    // This window's own Lock Now or Unlock reopens the stores itself; a second reopen racing it
    // could answer a command in between with the folder half read.
    this.stateWatch = options.encryption.holder.onDidChangeState(() => {
      if (!options.encryption.changingHere) {
        this.schedule();
      }
    });
  }

  /** After every open of the data folder: follows its key file and journal from now on. */
  async follow(folder: vscode.Uri | undefined): Promise<void> {
    this.openedIn = this.options.encryption.state;
    if (folder?.toString() !== this.folder?.toString()) {
      this.watcher?.dispose();
      this.watcher = undefined;
      this.polled = undefined;
      this.folder = folder;
      if (folder) {
        // Two stats a second rather than a file watcher: a watcher of these names in the data
        // folder silences the stores' own watchers of team.json and delegation.json there (seen in
        // code-server 1.139: a corrupt team file was no longer noticed).
        const poll = setInterval(() => void this.poll(folder), POLL_MS);
        this.watcher = { dispose: () => clearInterval(poll) };      }
    }
    // Unreadable for now: the next look reads the folder again, which costs a reopen at most.
    this.keyfileText = folder ? await readText(keyfileUri(folder)).catch(() => undefined) : undefined;
  }

  /** What the key file and the journal look like on disk; a change is looked at closely. */
  private async poll(folder: vscode.Uri): Promise<void> {
    const [keyfile, journal] = await Promise.all([statOf(keyfileUri(folder)).catch(() => undefined), statOf(journalUri(folder)).catch(() => undefined)]);
    const seen = `${keyfile ? `${keyfile.mtime}:${keyfile.size}` : '-'}|${journal ? `${journal.mtime}:${journal.size}` : '-'}`;
    if (this.polled !== undefined && seen !== this.polled) {
      this.schedule();
    }
    this.polled = seen;
  }

  dispose(): void {
    this.disposed = true;
    this.removeCheck();
    this.stateWatch.dispose();
    this.watcher?.dispose();
    if (this.timer) {
      clearTimeout(this.timer);
    }
  }

  private schedule(delay = SETTLE_MS): void {
    if (this.disposed) {
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.checking = this.checking.then(() => this.check()).catch((error: unknown) => this.options.log.warn(`Encryption: could not follow another window: ${(error as Error).message}`));
    }, delay);
  }

  private async check(): Promise<void> {
    const folder = this.folder;
    if (!folder || this.disposed) {
      return;
    }
    if (this.options.encryption.changingHere) {
      // This window's own command reads the folder again when done; a second reading racing it
      // would answer a command in between from stores half read (a person not found, say).
      this.options.log.trace('Encryption: this window is changing how the notes are stored; it reads them again itself.');
      this.schedule();
      return;
    }
    const disk = await onDisk(folder);
    if (disk.journal && (disk.journalChangedAt === undefined || Date.now() - disk.journalChangedAt < ABANDONED_JOURNAL_MS)) {
      // A conversion under way (this window's own, or another's): read the folder once it is over.
      this.schedule(JOURNAL_POLL_MS);
      return;
    }
    const { encryption } = this.options;
    // Another key file (decrypted, then encrypted again elsewhere: a new key) is read again too.
    const keyfileText = disk.keyfile ? await readText(keyfileUri(folder)) : undefined;
    if (this.believes(disk) && keyfileText === this.keyfileText && encryption.state === this.openedIn) {
      return;
    }
    this.options.log.info('Encryption: another window changed how the notes are stored; reading them again.');
    await this.options.reopen();
  }

  private believes(disk: OnDisk): boolean {
    const { encryption } = this.options;
    return disk.keyfile === encryption.isEncrypted && disk.journal === encryption.conversionUnderWay;
  }

  private async beforeEncode(): Promise<void> {
    const folder = this.folder;
    if (!folder) {
      return;
    }
    if (!this.believes(await onDisk(folder, false))) {
      this.schedule();
      this.warn();
      throw new FolderFormChanged();
    }
  }

  private async beforeDecode(stored: Uint8Array): Promise<void> {
    const { encryption } = this.options;
    const folder = this.folder;
    // Only a file of the form this window does not expect costs a look at the folder.
    if (!folder || encryption.conversionUnderWay || isEnvelope(stored) === encryption.isEncrypted) {
      return;
    }
    if (!this.believes(await onDisk(folder, false))) {
      this.schedule();
      throw new FolderFormChanged();
    }
  }

  private warn(): void {
    if (Date.now() - this.warnedAt > WARN_EVERY_MS) {
      this.warnedAt = Date.now();
      void vscode.window.showWarningMessage(new FolderFormChanged().message);
    }
  }
}

async function onDisk(folder: vscode.Uri, withJournalTime = true): Promise<OnDisk> {
  const [keyfile, journal] = await Promise.all([statOf(keyfileUri(folder)), statOf(journalUri(folder))]);
  return { keyfile: keyfile !== undefined, journal: journal !== undefined, journalChangedAt: withJournalTime ? journal?.mtime : undefined };
}

/**
 * Every save looks (beforeEncode): through Node for a local folder, since a stat through
 * workspace.fs costs milliseconds in a remote or browser-hosted window, paid twice per file saved.
 */
async function statOf(uri: vscode.Uri): Promise<Pick<vscode.FileStat, 'mtime' | 'size'> | undefined> {
  if (uri.scheme === 'file') {
    try {
      const found = await stat(uri.fsPath);
      return { mtime: found.mtimeMs, size: found.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return undefined;
      }
      throw error;
    }
  }
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
      return undefined;
    }
    throw error;
  }
}
