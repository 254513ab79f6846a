/**
 * One JSON file in the data folder, owned safely: read through a schema, written atomically,
 * changes made by another window picked up, a damaged file set aside instead of overwritten.
 * The team and the delegation inventory are each one of these; their own stores add the rules.
 */
import * as vscode from 'vscode';
import type { StorageState } from '../../shared/protocol';
import type { Parsed } from '../../shared/versionedFile';
import { readFileIfExists, setAside } from './atomicFile';
import { readDataFile, writeDataFile } from './dataFiles';
import { withDataLock } from './dataLock';
import { settleLeftoverSaves } from './leftoverSaves';
import { NewerVersionGuard } from './newerVersionGuard';
import { createPrivateFolder } from './permissions';
import { SerialQueue } from './serialQueue';
import { readPatiently, UnreadableForNow, type ReadBytes } from './transientRead';
import { LockedError } from '../encryption/lockedError';
import { safeFileReason } from '../shownErrors';
import { markStartup } from '../startupTimeline'; // For `npm run bench` only: a few startup moments in memory.

/** Where the data lives, decided by the composition root from the workspace and settings. */
export type DataLocation =
  | { kind: 'folder'; uri: vscode.Uri; scope: 'workspace' | 'global' }
  | { kind: 'noFolder' };

export interface SetAsideNotice {
  readonly original: vscode.Uri;
  readonly movedTo: vscode.Uri;
  readonly reason: string;
}

export interface JsonFileFormat<T> {
  readonly fileName: string;
  readonly empty: T;
  parse(text: string): Parsed<T>;
  serialize(value: T): string;
}

/** A change to the value: the new value and what to report, or a sentence saying why not. */
export type Change<T, R> = (current: T) => string | { value: T; result: R };
export type ChangeResult<R> = { ok: true; result: R } | { ok: false; error: string };

export interface JsonFileStoreOptions {
  /** Shared by every store of the window: one file from a newer version makes all read-only. */
  readonly guard?: NewerVersionGuard;
  /** How the file's stored bytes are read; tests pass one that fails as a locked file does. */
  readonly readBytes?: ReadBytes;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const SETTLE_ATTEMPTS = 5;
const SETTLE_DELAY_MS = 200;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export class JsonFileStore<T> implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly setAsideEmitter = new vscode.EventEmitter<SetAsideNotice>();
  private location: DataLocation = { kind: 'noFolder' };
  private storage: StorageState = { kind: 'noFolder' };
  private current: T;
  /** Writes run one after another so that no update is built on a stale value. */
  private readonly queue = new SerialQueue();
  /** The file's text as last read or written here; anything else on disk came from elsewhere. */
  private lastKnownText: string | undefined;
  private watcher: vscode.Disposable | undefined;

  /** Fires after the value or the storage state changed. */
  readonly onDidChange = this.changeEmitter.event;
  /** Fires when an unreadable file was moved aside; the user must be told how to recover it. */
  readonly onDidSetAside = this.setAsideEmitter.event;

  private readonly guard: NewerVersionGuard;
  private readonly readBytes: ReadBytes;

  constructor(
    private readonly format: JsonFileFormat<T>,
    options: JsonFileStoreOptions = {},
  ) {
    this.current = format.empty;
    this.guard = options.guard ?? new NewerVersionGuard();
    this.readBytes = options.readBytes ?? readFileIfExists;
  }

  get state(): StorageState {
    const readOnly = this.guard.readOnlyReason;
    return this.storage.kind === 'ready' && readOnly !== undefined ? { kind: 'readOnly', scope: this.storage.scope, message: readOnly } : this.storage;
  }

  get value(): T {
    return this.current;
  }

  get dataFolder(): vscode.Uri | undefined {
    return this.location.kind === 'folder' ? this.location.uri : undefined;
  }

  /**
   * Resolves once the last `open` asked for has loaded the file (or failed to). While one runs the
   * store holds nothing (a re-read after Encrypt, or another window's conversion): a command that
   * looks a person up waits for this instead of finding nobody.
   */
  opened(): Promise<void> {
    return this.lastOpen;
  }

  private lastOpen: Promise<void> = Promise.resolve();

  /** Opens (or re-opens) the store at a location, loads what is there and follows changes to it. */
  open(location: DataLocation): Promise<void> {
    const opening = this.reopen(location);
    this.lastOpen = opening.catch(() => undefined);
    return opening;
  }

  private reopen(location: DataLocation): Promise<void> {
    return this.queue.run(async () => {
      this.watcher?.dispose();
      this.watcher = undefined;
      this.location = location;
      this.current = this.format.empty;
      this.lastKnownText = undefined;
      if (location.kind === 'noFolder') {
        this.storage = { kind: 'noFolder' };
      } else {
        try {
          await createPrivateFolder(location.uri);
          await settleLeftoverSaves(location.uri, this.format.fileName, (text) => this.format.parse(text).ok);
          markStartup(`${this.format.fileName}.settled`);
          await this.syncFromDisk(location.uri);
          markStartup(`${this.format.fileName}.read`);
          this.storage = { kind: 'ready', scope: location.scope };
          this.watcher = this.watch(location.uri);
        } catch (error) {
          this.storage =
            error instanceof LockedError
              ? { kind: 'unavailable', locked: true, message: vscode.l10n.t('Two Hats is locked. Unlock it with your passphrase to see and change your notes.') }
              : {
                  kind: 'unavailable',
                  // No folder and no system message: the sidebar may be on a shared screen, and a
                  // storage path names the user's home folder (Show Data Location tells it on request).
                  message:
                    error instanceof UnreadableForNow
                      ? vscode.l10n.t('Two Hats cannot read its data for now: {0}', error.message)
                      : vscode.l10n.t('Two Hats cannot read its data: {0}.', safeFileReason(error)),
                };
        }
      }
      this.changeEmitter.fire();
    });
  }

  /**
   * Applies a change on top of what is on disk now and saves it atomically, holding the data
   * folder's lock. Another window on the same workspace may have saved since we last looked:
   * building on its version, under a lock it respects too, means neither window's update is lost.
   */
  change<R>(change: Change<T, R>): Promise<ChangeResult<R>> {
    return this.queue.run(async (): Promise<ChangeResult<R>> => {
      if (this.location.kind !== 'folder' || this.state.kind !== 'ready') {
        return { ok: false, error: notReadyMessage(this.state) };
      }
      const folder = this.location.uri;
      const target = vscode.Uri.joinPath(folder, this.format.fileName);
      try {
        return await withDataLock(folder, async (): Promise<ChangeResult<R>> => {
          let readAnew: boolean;
          try {
            readAnew = await this.syncFromDisk(folder);
          } catch (error) {
            return { ok: false, error: vscode.l10n.t('Could not read the saved data before changing it: {0}', safeFileReason(error)) };
          }
          if (this.guard.readOnlyReason !== undefined) {
            this.changeEmitter.fire();
            return { ok: false, error: this.guard.readOnlyReason };
          }
          const outcome = change(this.current);
          if (typeof outcome === 'string') {
            if (readAnew) {
              // Refused, but what another window saved was read: the sidebar and the backup follow it.
              this.changeEmitter.fire();
            }
            return { ok: false, error: outcome };
          }
          const text = this.format.serialize(outcome.value);
          try {
            await writeDataFile(target, encoder.encode(text));
          } catch (error) {
            return { ok: false, error: vscode.l10n.t('Could not save: {0}. Nothing was changed.', safeFileReason(error)) };
          }
          this.lastKnownText = text;
          this.current = outcome.value;
          this.changeEmitter.fire();
          return { ok: true, result: outcome.result };
        });
      } catch (error) {
        return { ok: false, error: vscode.l10n.t('Could not save: {0}. Nothing was changed.', safeFileReason(error)) };
      }
    });
  }

  dispose(): void {
    this.watcher?.dispose();
    this.changeEmitter.dispose();
    this.setAsideEmitter.dispose();
  }

  /**
   * Follows the file so that a change made by another window, or by hand, shows up here.
   * Storage lies outside the workspace, so the watcher is anchored on the storage folder itself.
   */
  private watch(folder: vscode.Uri): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, this.format.fileName));
    const reload = () => void this.followDisk(folder);
    return vscode.Disposable.from(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
  }

  /**
   * Reads the file again when it may have changed on disk (the watcher said so, or the backup
   * found bytes other than those last read here), after any change under way.
   */
  followDisk(folder: vscode.Uri | undefined = this.dataFolder): Promise<void> {
    return this.queue.run(async () => {
      if (folder && this.location.kind === 'folder' && this.location.uri.toString() === folder.toString()) {
        // A file held by another program for now keeps the value last read; the next change
        // reads it again before building on it.
        if (await this.syncFromDisk(folder).catch(() => false)) {
          this.changeEmitter.fire();
        }
      }
    });
  }

  /**
   * The file's bytes as stored (coded as on disk, as a backup keeps them) when they hold the text
   * last read or written here; `notAsRead` when the file holds anything else or cannot be read
   * now; undefined when there is nothing to copy (no file, none read yet). Another program's
   * change this store has not read yet may be a damaged file, which must never replace the
   * backup's good copy: the backup copies only what this store has read as whole. The caller
   * holds the data lock, so no Two Hats window writes the file meanwhile.
   */
  async storedBytesAsRead(): Promise<Uint8Array | 'notAsRead' | undefined> {
    const folder = this.dataFolder;
    const known = this.lastKnownText;
    if (!folder) {
      return undefined;
    }
    const target = vscode.Uri.joinPath(folder, this.format.fileName);
    try {
      const stored = await this.readBytes(target);
      if (stored === undefined) {
        return undefined;
      }
      if (known === undefined) {
        return 'notAsRead';
      }
      const plain = await readDataFile(target, async () => stored);
      return plain !== undefined && decodeText(plain) === known ? stored : 'notAsRead';
    } catch {
      return 'notAsRead'; // Unreadable for now, or damaged: not a copy to keep.
    }
  }

  /**
   * Brings the in-memory value up to date with the file; true when it changed. A file that reads
   * but does not parse is moved aside (never overwritten) and the user is told how to recover it.
   * A file that cannot be read (held by another program, a folder in its place) is left alone and
   * the read throws; a file from a newer version is left alone and the window turns read-only.
   */
  private async syncFromDisk(folder: vscode.Uri): Promise<boolean> {
    const target = vscode.Uri.joinPath(folder, this.format.fileName);
    const read = () => readPatiently(this.format.fileName, () => readDataFile(target, this.readBytes));
    let bytes: Uint8Array | undefined;
    try {
      bytes = await read();
    } catch (error) {
      if (error instanceof UnreadableForNow || error instanceof LockedError) {
        throw error; // Held by another program for now, or encrypted and locked: leave it where it is.
      }
      // Not a file Two Hats can read at all (a folder in its place): set it aside like a damaged
      // file, so the rest keeps working and nothing is overwritten.
      return this.setAsideUnreadable(target, vscode.l10n.t('it could not be read ({0})', safeFileReason(error)));
    }
    if (bytes === undefined) {
      const changed = this.lastKnownText !== undefined;
      this.lastKnownText = undefined;
      this.current = this.format.empty;
      return changed;
    }
    let text = decodeText(bytes);
    if (text !== undefined && text === this.lastKnownText) {
      return false;
    }
    let result = text === undefined ? undefined : this.format.parse(text);
    // Another program may be part-way through writing the file (truncate, then write): only a
    // file that stays unreadable once it has stopped changing is treated as damaged.
    for (let attempt = 0; !result?.ok && attempt < SETTLE_ATTEMPTS; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_DELAY_MS));
      const again = await read();
      if (again === undefined) {
        return this.syncFromDisk(folder);
      }
      if (sameBytes(again, bytes)) {
        break;
      }
      bytes = again;
      text = decodeText(bytes);
      result = text === undefined ? undefined : this.format.parse(text);
    }
    if (result?.ok) {
      this.lastKnownText = text;
      this.current = result.value;
      return true;
    }
    if (result?.fromNewerVersion) {
      // Keeps what was last read here: the newer file stays as it is, and nothing is written.
      this.guard.turnReadOnly(this.format.fileName);
      return true;
    }
    return this.setAsideUnreadable(target, result ? result.reason : vscode.l10n.t('it is not valid UTF-8 text'));
  }

  private async setAsideUnreadable(target: vscode.Uri, reason: string): Promise<boolean> {
    const movedTo = await setAside(target, 'corrupt');
    this.setAsideEmitter.fire({ original: target, movedTo, reason });
    this.lastKnownText = undefined;
    this.current = this.format.empty;
    return true;
  }
}

export function notReadyMessage(state: StorageState): string {
  switch (state.kind) {
    case 'noFolder':
      return vscode.l10n.t('Open a folder first: Two Hats keeps your notes in that workspace’s private storage.');
    case 'unavailable':
    case 'readOnly':
      return state.message;
    case 'ready':
      return 'Two Hats is still loading.';
  }
}
