/**
 * Holds the unlocked data key in memory and keeps it in VS Code's SecretStorage (the OS
 * keychain) for daily use; reports whether the data is Locked, Unlocked or not encrypted.
 *
 * The key file beside the data (keyWrapping.ts) decides whether the data is encrypted and which
 * key it needs: the keychain entry is named after the key's id, so a data folder that moved (a
 * renamed workspace, a restore from backup) still finds its key, and a stale entry left by an
 * earlier encryption is never mistaken for the current key.
 *
 * Where SecretStorage is empty or unavailable (a new machine, a browser-hosted VS Code that keeps
 * secrets in memory, a Linux desktop without a keyring) the state is Locked until the passphrase
 * is typed; failing to remember the key in the keychain leaves it unlocked for this session only.
 *
 * Only `import type` from vscode: the class runs in the unit lane against a SecretStorage of its
 * own, without an extension host.
 */
import type * as vscode from 'vscode';
import * as l10n from '../../shared/l10n';
import { DATA_KEY_SECRET_PREFIX } from '../../shared/storageLayout';
import { DATA_KEY_BYTES, keyIdOf } from './envelope';
import { parseKeyfile, unwrapDataKey } from './keyWrapping';

export type LockState = 'notEncrypted' | 'locked' | 'unlocked';
export type Secrets = Pick<vscode.SecretStorage, 'get' | 'store' | 'delete' | 'onDidChange'>;
export type UnlockResult =
  | { ok: true; rememberedInKeychain: boolean }
  | { ok: false; problem: 'wrongPassphrase' | 'damaged' | 'fromNewerVersion' | 'notEncrypted'; reason: string };


export class KeyHolder implements vscode.Disposable {
  private key: Buffer | undefined;
  private keyId: string | undefined;
  /** Locked until `refresh` has looked: nothing is written before anyone knows how. */
  private current: LockState = 'locked';
  private readonly listeners = new Set<(state: LockState) => void>();
  private readonly secretWatch: vscode.Disposable;

  /** `readKeyfile` gives the key file's text, or `undefined` when the data is not encrypted. */
  constructor(
    private readonly secrets: Secrets,
    private readonly readKeyfile: () => Promise<string | undefined>,
  ) {
    // Lock Now in another window deletes the keychain entry: this window locks too. An unlock
    // there stores it: this window unlocks without asking again.
    this.secretWatch = secrets.onDidChange((change) => {
      if (this.keyId !== undefined && change.key === secretName(this.keyId)) {
        void this.refresh();
      }
    });
  }

  get state(): LockState {
    return this.current;
  }

  /** The data key while unlocked. Use it at once and keep no copy: Lock Now wipes it in place. */
  get dataKey(): Buffer | undefined {
    return this.current === 'unlocked' ? this.key : undefined;
  }

  /** Called with the new state whenever it changes. */
  onDidChangeState(listener: (state: LockState) => void): vscode.Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Reads the key file and the keychain again (at start, and after the key file changed). */
  async refresh(): Promise<LockState> {
    const keyfileText = await this.readKeyfile();
    if (keyfileText === undefined) {
      this.wipe();
      this.keyId = undefined;
      return this.settle('notEncrypted');
    }
    const parsed = parseKeyfile(keyfileText);
    // A key file that cannot be read still means the data is encrypted: Locked, and the unlock
    // attempt will say what is wrong with it.
    const keyId = parsed.ok ? parsed.keyfile.keyId : undefined;
    if (keyId !== this.keyId) {
      this.wipe();
    }
    this.keyId = keyId;
    if (keyId === undefined) {
      return this.settle('locked');
    }
    const stored = await this.readSecret(keyId);
    if (stored) {
      this.hold(stored);
      return this.settle('unlocked');
    }
    // Gone from the keychain (locked elsewhere, or never there): this window locks as well.
    this.wipe();
    return this.settle('locked');
  }

  /** Unlocks with the passphrase; a wrong one changes nothing. */
  async unlock(passphrase: string): Promise<UnlockResult> {
    const keyfileText = await this.readKeyfile();
    if (keyfileText === undefined) {
      return { ok: false, problem: 'notEncrypted', reason: l10n.t('these notes are not encrypted') };
    }
    const unwrapped = await unwrapDataKey(passphrase, keyfileText);
    if (!unwrapped.ok) {
      return unwrapped;
    }
    try {
      return { ok: true, rememberedInKeychain: await this.adopt(unwrapped.dataKey) };
    } finally {
      unwrapped.dataKey.fill(0); // The holder keeps a copy of its own.
    }
  }

  /**
   * Holds `dataKey` and remembers it in the keychain: after a passphrase unlock, or when
   * encryption is turned on. Returns whether the keychain took it.
   */
  async adopt(dataKey: Buffer): Promise<boolean> {
    this.keyId = keyIdOf(dataKey).toString('hex');
    this.hold(dataKey);
    this.settle('unlocked');
    try {
      await this.secrets.store(secretName(this.keyId), dataKey.toString('base64'));
      return true;
    } catch {
      return false;
    }
  }

  /** Lock Now: the key is wiped from memory and from the keychain; the passphrase unlocks again. */
  async lockNow(): Promise<void> {
    this.wipe();
    this.settle(this.current === 'notEncrypted' ? 'notEncrypted' : 'locked');
    if (this.keyId !== undefined) {
      await this.secrets.delete(secretName(this.keyId));
    }
  }

  /** After Decrypt My Notes: nothing is encrypted any more, so nothing stays in the keychain. */
  async forget(): Promise<void> {
    const keyId = this.keyId;
    this.wipe();
    this.keyId = undefined;
    this.settle('notEncrypted');
    if (keyId !== undefined) {
      await this.secrets.delete(secretName(keyId));
    }
  }

  /**
   * Delete All My Data: the key of a data folder about to be deleted leaves the keychain too,
   * whether or not it is the folder open now. An unreadable key file names no key to forget.
   */
  async forgetKeyOf(keyfileText: string): Promise<void> {
    const parsed = parseKeyfile(keyfileText);
    if (!parsed.ok) {
      return;
    }
    if (parsed.keyfile.keyId === this.keyId) {
      await this.forget();
    } else {
      await this.secrets.delete(secretName(parsed.keyfile.keyId));
    }
  }

  dispose(): void {
    this.secretWatch.dispose();
    this.listeners.clear();
    this.wipe();
  }

  /** The keychain's key for `keyId`, if it is there and really is that key. */
  private async readSecret(keyId: string): Promise<Buffer | undefined> {
    let text: string | undefined;
    try {
      text = await this.secrets.get(secretName(keyId));
    } catch {
      return undefined; // No keyring on this desktop: the passphrase is the way in.
    }
    const key = text === undefined ? undefined : Buffer.from(text, 'base64');
    return key?.length === DATA_KEY_BYTES && keyIdOf(key).toString('hex') === keyId ? key : undefined;
  }

  /** A copy of its own, so that wiping it never touches a buffer the caller still uses. */
  private hold(dataKey: Buffer): void {
    if (this.key?.equals(dataKey)) {
      return;
    }
    this.wipe();
    this.key = Buffer.from(dataKey);
  }

  private wipe(): void {
    this.key?.fill(0);
    this.key = undefined;
  }

  private settle(state: LockState): LockState {
    if (state !== this.current) {
      this.current = state;
      for (const listener of [...this.listeners]) {
        listener(state);
      }
    }
    return state;
  }
}

function secretName(keyId: string): string {
  return `${DATA_KEY_SECRET_PREFIX}${keyId}`;
}
