/**
 * Keeps the team as the sidebar shows it in workspace state (see shared/cachedTeam.ts), so that a
 * fresh window's sidebar can paint the team before the data files are read. Rewritten on every
 * change of the team store, emptied when the store has no team to show: a person deleted or
 * forgotten is gone from the cache as soon as they are gone from the team.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cachedTeamOf, parseCachedTeam, type CachedTeam } from '../../shared/cachedTeam';
import { ENCRYPTION_JOURNAL_FILE, ENCRYPTION_KEY_FILE, MEMENTO_KEYS } from '../../shared/storageLayout';
import type { DataLocation } from '../storage/jsonFileStore';
import type { TeamStore } from '../storage/teamStore';

const KEY = MEMENTO_KEYS.sidebarTeam;

export class SidebarTeamCache {
  constructor(
    private readonly memento: vscode.Memento,
    private readonly log?: vscode.LogOutputChannel,
    /**
     * False while the data is encrypted (or being converted): workspace state is a plain database
     * file beside the data, and names kept there would undo what encryption promises.
     */
    private readonly allowed: () => boolean = () => true,
  ) {}

  /** The cached team for the data folder at `location`, if one was kept for that very folder. */
  read(location: DataLocation): CachedTeam | undefined {
    if (location.kind !== 'folder') {
      return undefined;
    }
    // The first paint comes before the folder's encryption is read: the files on disk decide.
    if (!this.allowed() || encryptedOnDisk(location.uri)) {
      return undefined;
    }
    const cached = parseCachedTeam(this.memento.get<unknown>(KEY));
    return cached && cached.dataFolder === location.uri.toString() && cached.scope === location.scope ? cached : undefined;
  }

  /** Keeps the cache in step with the team store from now on. */
  follow(team: TeamStore): vscode.Disposable {
    return team.onDidChange(() => this.keep(team));
  }

  /**
   * Writes what the team store holds now, or clears the cache when it holds no readable team. An
   * empty team is not kept either: it loads at once, and Delete All leaves no key behind.
   */
  keep(team: TeamStore): Promise<void> {
    const state = team.state;
    const folder = team.dataFolder;
    const usable = folder && (state.kind === 'ready' || state.kind === 'readOnly') && team.all.length > 0 && this.allowed();
    return this.write(usable ? cachedTeamOf(team.all, folder.toString(), state.scope) : undefined);
  }

  /** Empties the cache (Delete All My Data, forgetting a person). */
  clear(): Promise<void> {
    return this.write(undefined);
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

/** Whether the folder's data is encrypted, or being converted, as its files say right now. */
function encryptedOnDisk(folder: vscode.Uri): boolean {
  return folder.scheme === 'file' && [ENCRYPTION_KEY_FILE, ENCRYPTION_JOURNAL_FILE].some((name) => existsSync(path.join(folder.fsPath, name)));
}
