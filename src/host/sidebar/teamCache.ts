/**
 * Keeps the team as the sidebar shows it in workspace state (see shared/cachedTeam.ts), so that a
 * fresh window's sidebar can paint the team before the data files are read. Rewritten on every
 * change of the team store, emptied when the store has no team to show: a person deleted or
 * forgotten is gone from the cache as soon as they are gone from the team.
 *
 * While the data is encrypted, workspace state (a plain database file beside the data) holds the
 * cache only sealed with the data key, never readable: a fresh window takes the key from the
 * keychain (as the key holder does a moment later) and opens it before its first paint. Without
 * the seal, an encrypted window's first paint waited for every store to be read and decrypted:
 * 20.3 s from a window reload to the team at 10,000 notes, against 11.8 s from the plain cache.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cachedTeamOf, parseCachedTeam, type CachedTeam } from '../../shared/cachedTeam';
import { DATA_KEY_SECRET_PREFIX, ENCRYPTION_JOURNAL_FILE, ENCRYPTION_KEY_FILE, MEMENTO_KEYS } from '../../shared/storageLayout';
import { DATA_KEY_BYTES, decryptFile, encryptFile, envelopeKeyId, keyIdOf } from '../encryption/envelope';
import type { DataLocation } from '../storage/jsonFileStore';
import type { TeamStore } from '../storage/teamStore';

const KEY = MEMENTO_KEYS.sidebarTeam;
const SEALED_KEY = MEMENTO_KEYS.sidebarTeamSealed;
/** The sealed cache's name in the envelope: it opens as nothing else, and nothing else opens as it. */
const SEALED_NAME = 'workspaceState/sidebarTeam';
/** A keychain that does not answer this soon (a desktop keyring asking for its password) is not waited for. */
const KEYCHAIN_MAX_WAIT_MS = 1500;

/** How the cache is sealed while the data is encrypted. */
export interface TeamCacheSealing {
  /** The data key while the data is encrypted, unlocked and not being converted; undefined otherwise. */
  keyForSealing(): Buffer | undefined;
  /** Where a fresh window finds the key before the encryption is read (VS Code's SecretStorage). */
  readonly secrets: Pick<vscode.SecretStorage, 'get'>;
}

export class SidebarTeamCache {
  /** The sealed cache, opened (`open`) or last sealed: in memory only. */
  private unsealed: CachedTeam | undefined;
  /** The key id and text last sealed: a team store change that leaves the cache as it was writes nothing. */
  private sealedAs: string | undefined;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly log?: vscode.LogOutputChannel,
    /**
     * False while the data is encrypted (or being converted): workspace state is a plain database
     * file beside the data, and names kept there would undo what encryption promises.
     */
    private readonly allowed: () => boolean = () => true,
    /** Without it, an encrypted folder's team is not cached at all. */
    private readonly sealing?: TeamCacheSealing,
  ) {}

  /** The cached team for the data folder at `location`, if one was kept for that very folder. */
  read(location: DataLocation): CachedTeam | undefined {
    if (location.kind !== 'folder') {
      return undefined;
    }
    // The first paint comes before the folder's encryption is read: the files on disk decide.
    const cached = this.allowed() && !encryptedOnDisk(location.uri) ? parseCachedTeam(this.memento.get<unknown>(KEY)) : this.unsealed;
    return cached && cached.dataFolder === location.uri.toString() && cached.scope === location.scope ? cached : undefined;
  }

  /**
   * Opens the sealed cache of an encrypted folder with the key in the keychain, before the first
   * paint; `read` answers it from then on. True when there is a team to show. Nothing to do for a
   * plain folder, and nothing shown when the keychain has no key (Locked, a new machine).
   */
  async open(location: DataLocation): Promise<boolean> {
    const stored = this.memento.get<unknown>(SEALED_KEY);
    if (!this.sealing || location.kind !== 'folder' || typeof stored !== 'string' || !sealedOnDisk(location.uri)) {
      return false;
    }
    const sealed = Buffer.from(stored, 'base64');
    const keyId = envelopeKeyId(sealed);
    if (!keyId) {
      return false;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const text = await Promise.race([
      Promise.resolve(this.sealing.secrets.get(`${DATA_KEY_SECRET_PREFIX}${keyId}`)).catch(() => undefined),
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), KEYCHAIN_MAX_WAIT_MS))),
    ]).finally(() => clearTimeout(timer));
    if (text === undefined) {
      return false;
    }
    const key = Buffer.from(text, 'base64');
    try {
      const opened = key.length === DATA_KEY_BYTES ? decryptFile(key, SEALED_NAME, sealed) : undefined;
      if (!opened?.ok) {
        return false;
      }
      this.unsealed = parseCachedTeam(JSON.parse(new TextDecoder().decode(opened.plaintext)));
      opened.plaintext.fill(0);
    } catch {
      return false;
    } finally {
      key.fill(0);
    }
    return this.read(location) !== undefined;
  }

  /** Keeps the cache in step with the team store from now on. */
  follow(team: TeamStore): vscode.Disposable {
    return team.onDidChange(() => this.keep(team));
  }

  /**
   * Writes what the team store holds now, or clears the cache when it holds no readable team. An
   * empty team is not kept either: it loads at once, and Delete All leaves no key behind.
   */
  async keep(team: TeamStore): Promise<void> {
    const state = team.state;
    const folder = team.dataFolder;
    const usable = folder && (state.kind === 'ready' || state.kind === 'readOnly') && team.all.length > 0;
    const value = usable ? cachedTeamOf(team.all, folder.toString(), state.scope) : undefined;
    if (this.allowed()) {
      await this.seal(undefined, undefined);
      return this.write(value);
    }
    await this.write(undefined);
    // Locked, or being converted: nothing kept, sealed or not.
    await this.seal(value, this.sealing?.keyForSealing());
  }

  /** Empties the cache (Delete All My Data, forgetting a person). */
  async clear(): Promise<void> {
    await this.seal(undefined, undefined);
    return this.write(undefined);
  }

  private async seal(value: CachedTeam | undefined, key: Buffer | undefined): Promise<void> {
    const kept = value && key ? value : undefined;
    const text = kept && JSON.stringify(kept);
    const sealedAs = kept && key ? `${keyIdOf(key).toString('hex')}:${text}` : undefined;
    this.unsealed = kept;
    if (sealedAs === this.sealedAs && (sealedAs !== undefined || this.memento.get<unknown>(SEALED_KEY) === undefined)) {
      return;
    }
    // Recorded before the wait: a second keep() meanwhile compares with what is being written.
    this.sealedAs = sealedAs;
    try {
      await this.memento.update(SEALED_KEY, kept && key ? encryptFile(key, SEALED_NAME, new TextEncoder().encode(text)).toString('base64') : undefined);
    } catch (error) {
      this.sealedAs = undefined;
      this.log?.warn(`Could not keep the sidebar's team for the next window: ${String(error)}`);
    }
  }

  private async write(value: CachedTeam | undefined): Promise<void> {
    // Most store changes (a talking point, a goal) leave the cached fields as they were, and a
    // Memento update re-sends all of the extension's workspace state.
    if (JSON.stringify(value ?? null) === JSON.stringify(this.memento.get<unknown>(KEY) ?? null)) {
      return;
    }
    try {
      await this.memento.update(KEY, value);
    } catch (error) {
      // Only the next fresh window's first paint depends on it; the data files are untouched.
      this.log?.warn(`Could not keep the sidebar's team for the next window: ${String(error)}`);
    }
  }
}

/** Whether the folder's data is encrypted and not being converted, as its files say right now. */
function sealedOnDisk(folder: vscode.Uri): boolean {
  return folder.scheme === 'file' && existsSync(path.join(folder.fsPath, ENCRYPTION_KEY_FILE)) && !existsSync(path.join(folder.fsPath, ENCRYPTION_JOURNAL_FILE));
}

/** Whether the folder's data is encrypted, or being converted, as its files say right now. */
export function encryptedOnDisk(folder: vscode.Uri): boolean {
  return folder.scheme === 'file' && [ENCRYPTION_KEY_FILE, ENCRYPTION_JOURNAL_FILE].some((name) => existsSync(path.join(folder.fsPath, name)));
}
