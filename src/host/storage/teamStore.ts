/**
 * The one module that owns the team's data on disk: where it lives, reading it safely, writing it
 * atomically, and telling the views when it changed.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { TalkingPoint } from '../../shared/oneOnOnes/talkingPoints';
import type { StorageState } from '../../shared/protocol';
import { parseTeamFile, serializeTeamFile } from '../../shared/storedTeam';
import { draftProblem, localToday, normalizeName, type Person, type PersonDraft } from '../../shared/team';
import { findLeftoverTemps, readFileIfExists, setAside, writeFileAtomic } from './atomicFile';
import { SerialQueue } from './serialQueue';

export const TEAM_FILE_NAME = 'team.json';

/** Where the data lives, decided by the composition root from the workspace and settings. */
export type DataLocation =
  | { kind: 'folder'; uri: vscode.Uri; scope: 'workspace' | 'global' }
  | { kind: 'noFolder' };

export interface SetAsideNotice {
  readonly original: vscode.Uri;
  readonly movedTo: vscode.Uri;
  readonly reason: string;
}

export type MutationResult = { ok: true; person: Person } | { ok: false; error: string };

const encoder = new TextEncoder();
const SETTLE_ATTEMPTS = 5;
const SETTLE_DELAY_MS = 200;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
const decoder = new TextDecoder('utf-8', { fatal: true });

export class TeamStore implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly setAsideEmitter = new vscode.EventEmitter<SetAsideNotice>();
  private location: DataLocation = { kind: 'noFolder' };
  private storage: StorageState = { kind: 'noFolder' };
  private people: readonly Person[] = [];
  /** Writes run one after another so that no update is built on a stale list. */
  private readonly queue = new SerialQueue();
  /** The file's text as last read or written here; anything else on disk came from elsewhere. */
  private lastKnownText: string | undefined;
  private watcher: vscode.Disposable | undefined;

  /** Fires after the people or the storage state changed. */
  readonly onDidChange = this.changeEmitter.event;
  /** Fires when an unreadable file was moved aside; the user must be told how to recover it. */
  readonly onDidSetAside = this.setAsideEmitter.event;

  get state(): StorageState {
    return this.storage;
  }

  get all(): readonly Person[] {
    return this.people;
  }

  get dataFolder(): vscode.Uri | undefined {
    return this.location.kind === 'folder' ? this.location.uri : undefined;
  }

  find(id: string): Person | undefined {
    return this.people.find((p) => p.id === id);
  }

  /** Opens (or re-opens) the store at a location, loads what is there and follows changes to it. */
  open(location: DataLocation): Promise<void> {
    return this.enqueue(async () => {
      this.watcher?.dispose();
      this.watcher = undefined;
      this.location = location;
      this.people = [];
      this.lastKnownText = undefined;
      if (location.kind === 'noFolder') {
        this.storage = { kind: 'noFolder' };
      } else {
        try {
          await vscode.workspace.fs.createDirectory(location.uri);
          await this.settleLeftovers(location.uri);
          await this.syncFromDisk(location.uri);
          this.storage = { kind: 'ready', scope: location.scope };
          this.watcher = this.watch(location.uri);
        } catch (error) {
          this.storage = {
            kind: 'unavailable',
            message: `Two Hats cannot read its data in ${location.uri.fsPath}: ${(error as Error).message}`,
          };
        }
      }
      this.changeEmitter.fire();
    });
  }

  add(draft: PersonDraft): Promise<MutationResult> {
    return this.mutate((people) => {
      const problem = draftProblem(draft, people);
      if (problem) {
        return problem;
      }
      const person: Person = {
        id: randomUUID(),
        name: normalizeName(draft.name),
        role: draft.role.trim(),
        cadence: draft.cadence,
        archived: false,
        addedOn: localToday(),
      };
      return { people: [...people, person], person };
    });
  }

  update(id: string, draft: PersonDraft): Promise<MutationResult> {
    return this.changePerson(id, (current, people) => {
      const problem = draftProblem(draft, people, id);
      return problem ?? { ...current, name: normalizeName(draft.name), role: draft.role.trim(), cadence: draft.cadence };
    });
  }

  setArchived(id: string, archived: boolean): Promise<MutationResult> {
    return this.changePerson(id, (current) => ({ ...current, archived }));
  }

  /** Adds a talking point to a person's queue for their next 1:1. */
  queueTalkingPoint(id: string, point: TalkingPoint): Promise<MutationResult> {
    return this.changePerson(id, (current) => ({ ...current, talkingPoints: [...(current.talkingPoints ?? []), point] }));
  }

  /**
   * Takes talking points off a person's queue once an agenda holds them: the ones given leave the
   * queue, except standing points, which come back every time.
   */
  settleTalkingPoints(id: string, inAgenda: readonly TalkingPoint[]): Promise<MutationResult> {
    const taken = new Set(inAgenda.filter((p) => !p.standing).map((p) => p.id));
    return this.changePerson(id, (current) => ({
      ...current,
      talkingPoints: (current.talkingPoints ?? []).filter((p) => !taken.has(p.id)),
    }));
  }

  /** Records that a 1:1 was held, which moves the person's next due date. */
  recordOneOnOne(id: string, isoDay: string): Promise<MutationResult> {
    return this.changePerson(id, (current) => ({
      ...current,
      lastOneOnOneOn: current.lastOneOnOneOn && current.lastOneOnOneOn > isoDay ? current.lastOneOnOneOn : isoDay,
    }));
  }

  dispose(): void {
    this.watcher?.dispose();
    this.changeEmitter.dispose();
    this.setAsideEmitter.dispose();
  }

  /** Changes one person; `change` returns the new version, or a sentence saying why not. */
  private changePerson(id: string, change: (current: Person, people: readonly Person[]) => Person | string): Promise<MutationResult> {
    return this.mutate((people) => {
      const current = people.find((p) => p.id === id);
      if (!current) {
        return 'That person is no longer on your team.';
      }
      const person = change(current, people);
      return typeof person === 'string' ? person : { people: people.map((p) => (p.id === id ? person : p)), person };
    });
  }

  private mutate(
    change: (people: readonly Person[]) => string | { people: Person[]; person: Person },
  ): Promise<MutationResult> {
    return this.enqueue(async (): Promise<MutationResult> => {
      if (this.location.kind !== 'folder' || this.storage.kind !== 'ready') {
        return { ok: false, error: notReadyMessage(this.storage) };
      }
      const folder = this.location.uri;
      try {
        // Another window on the same workspace may have saved since we last looked: build on
        // its version, not ours, so neither window's update is lost.
        await this.syncFromDisk(folder);
      } catch (error) {
        return { ok: false, error: `Could not read the saved team before changing it: ${(error as Error).message}` };
      }
      const outcome = change(this.people);
      if (typeof outcome === 'string') {
        return { ok: false, error: outcome };
      }
      const text = serializeTeamFile(outcome.people);
      try {
        await writeFileAtomic(vscode.Uri.joinPath(folder, TEAM_FILE_NAME), encoder.encode(text));
      } catch (error) {
        return { ok: false, error: `Could not save: ${(error as Error).message}. Nothing was changed.` };
      }
      this.lastKnownText = text;
      this.people = outcome.people;
      this.changeEmitter.fire();
      return { ok: true, person: outcome.person };
    });
  }

  /**
   * Follows the team file so that a change made by another window, or by hand, shows up here.
   * Storage lies outside the workspace, so the watcher is anchored on the storage folder itself.
   */
  private watch(folder: vscode.Uri): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, TEAM_FILE_NAME));
    const reload = () =>
      void this.enqueue(async () => {
        if (this.location.kind === 'folder' && this.location.uri.toString() === folder.toString()) {
          if (await this.syncFromDisk(folder)) {
            this.changeEmitter.fire();
          }
        }
      });
    return vscode.Disposable.from(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
  }

  /**
   * Brings the in-memory team up to date with the file; true when it changed. A file that cannot
   * be read is moved aside (never overwritten) and the user is told how to recover it.
   */
  private async syncFromDisk(folder: vscode.Uri): Promise<boolean> {
    const target = vscode.Uri.joinPath(folder, TEAM_FILE_NAME);
    let bytes = await readFileIfExists(target);
    if (bytes === undefined) {
      const changed = this.lastKnownText !== undefined && this.people.length > 0;
      this.lastKnownText = undefined;
      this.people = [];
      return changed;
    }
    let text = this.decodeText(bytes);
    if (text !== undefined && text === this.lastKnownText) {
      return false;
    }
    let result = text === undefined ? undefined : parseTeamFile(text);
    // Another program may be part-way through writing the file (truncate, then write): only a
    // file that stays unreadable once it has stopped changing is treated as damaged.
    for (let attempt = 0; !result?.ok && attempt < SETTLE_ATTEMPTS; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_DELAY_MS));
      const again = await readFileIfExists(target);
      if (again === undefined) {
        return this.syncFromDisk(folder);
      }
      if (sameBytes(again, bytes)) {
        break;
      }
      bytes = again;
      text = this.decodeText(bytes);
      result = text === undefined ? undefined : parseTeamFile(text);
    }
    if (result?.ok) {
      this.lastKnownText = text;
      this.people = result.file.people;
      return true;
    }
    const reason = result ? result.reason : 'it is not valid UTF-8 text';
    const movedTo = await setAside(target, result?.fromNewerVersion ? 'newer' : 'corrupt');
    this.setAsideEmitter.fire({ original: target, movedTo, reason });
    this.lastKnownText = undefined;
    this.people = [];
    return true;
  }

  /**
   * Resolves temporary files left by a save that was interrupted. When the target is missing, the
   * newest complete temp is the latest save and takes its place; every other temp is an
   * interrupted write whose target still holds the last acknowledged save, and is removed.
   */
  private async settleLeftovers(folder: vscode.Uri): Promise<void> {
    const target = vscode.Uri.joinPath(folder, TEAM_FILE_NAME);
    const leftovers = await findLeftoverTemps(target);
    if (leftovers.length === 0) {
      return;
    }
    if ((await readFileIfExists(target)) === undefined) {
      const newest = leftovers[0]!;
      const bytes = await readFileIfExists(newest);
      const text = bytes && this.decodeText(bytes);
      if (text !== undefined && parseTeamFile(text).ok) {
        await vscode.workspace.fs.rename(newest, target, { overwrite: false });
        leftovers.shift();
      }
    }
    await Promise.all(leftovers.map((uri) => vscode.workspace.fs.delete(uri).then(undefined, () => undefined)));
  }

  private decodeText(bytes: Uint8Array): string | undefined {
    try {
      return decoder.decode(bytes);
    } catch {
      return undefined;
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

}

export function notReadyMessage(state: StorageState): string {
  switch (state.kind) {
    case 'noFolder':
      return 'Open a folder first: Two Hats keeps your notes in that workspace’s private storage.';
    case 'unavailable':
      return state.message;
    case 'ready':
      return 'Two Hats is still loading.';
  }
}
