/**
 * The one module that owns the team's data on disk: where it lives, reading it safely, writing it
 * atomically, and telling the views when it changed.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { StorageState } from '../../shared/protocol';
import { parseTeamFile, serializeTeamFile } from '../../shared/storedTeam';
import { draftProblem, localToday, normalizeName, type Person, type PersonDraft } from '../../shared/team';
import { findLeftoverTemps, readFileIfExists, setAside, writeFileAtomic } from './atomicFile';

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
const decoder = new TextDecoder('utf-8', { fatal: true });

export class TeamStore implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly setAsideEmitter = new vscode.EventEmitter<SetAsideNotice>();
  private location: DataLocation = { kind: 'noFolder' };
  private storage: StorageState = { kind: 'noFolder' };
  private people: readonly Person[] = [];
  /** Writes run one after another so that no update is built on a stale list. */
  private queue: Promise<unknown> = Promise.resolve();

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

  /** Opens (or re-opens) the store at a location and loads what is there. */
  open(location: DataLocation): Promise<void> {
    return this.enqueue(async () => {
      this.location = location;
      this.people = [];
      if (location.kind === 'noFolder') {
        this.storage = { kind: 'noFolder' };
      } else {
        try {
          await vscode.workspace.fs.createDirectory(location.uri);
          this.people = await this.readTeamFile(location.uri);
          this.storage = { kind: 'ready', scope: location.scope };
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
    return this.mutate((people) => {
      const current = people.find((p) => p.id === id);
      if (!current) {
        return 'That person is no longer on your team.';
      }
      const problem = draftProblem(draft, people, id);
      if (problem) {
        return problem;
      }
      const person: Person = { ...current, name: normalizeName(draft.name), role: draft.role.trim(), cadence: draft.cadence };
      return { people: people.map((p) => (p.id === id ? person : p)), person };
    });
  }

  setArchived(id: string, archived: boolean): Promise<MutationResult> {
    return this.mutate((people) => {
      const current = people.find((p) => p.id === id);
      if (!current) {
        return 'That person is no longer on your team.';
      }
      const person: Person = { ...current, archived };
      return { people: people.map((p) => (p.id === id ? person : p)), person };
    });
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.setAsideEmitter.dispose();
  }

  private mutate(
    change: (people: readonly Person[]) => string | { people: Person[]; person: Person },
  ): Promise<MutationResult> {
    return this.enqueue(async (): Promise<MutationResult> => {
      if (this.location.kind !== 'folder' || this.storage.kind !== 'ready') {
        return { ok: false, error: notReadyMessage(this.storage) };
      }
      const outcome = change(this.people);
      if (typeof outcome === 'string') {
        return { ok: false, error: outcome };
      }
      const target = vscode.Uri.joinPath(this.location.uri, TEAM_FILE_NAME);
      try {
        await writeFileAtomic(target, encoder.encode(serializeTeamFile(outcome.people)));
      } catch (error) {
        return { ok: false, error: `Could not save: ${(error as Error).message}. Nothing was changed.` };
      }
      this.people = outcome.people;
      this.changeEmitter.fire();
      return { ok: true, person: outcome.person };
    });
  }

  private async readTeamFile(folder: vscode.Uri): Promise<Person[]> {
    const target = vscode.Uri.joinPath(folder, TEAM_FILE_NAME);
    const leftovers = await findLeftoverTemps(target);
    let bytes = await readFileIfExists(target);
    if (bytes === undefined && leftovers[0]) {
      // The rename of a finished write never happened; the newest complete temp is the latest save.
      const candidate = await readFileIfExists(leftovers[0]);
      if (candidate && this.decode(candidate)?.ok) {
        await vscode.workspace.fs.rename(leftovers[0], target, { overwrite: false });
        leftovers.shift();
        bytes = candidate;
      }
    }
    // Any other temp is an interrupted write whose target is intact: the target is the last
    // acknowledged save, so the temp holds nothing that was promised to the user.
    await Promise.all(leftovers.map((uri) => vscode.workspace.fs.delete(uri).then(undefined, () => undefined)));
    if (bytes === undefined) {
      return [];
    }
    const result = this.decode(bytes);
    if (result?.ok) {
      return result.file.people;
    }
    const reason = result ? result.reason : 'it is not valid UTF-8 text';
    const movedTo = await setAside(target, result && !result.ok && result.fromNewerVersion ? 'newer' : 'corrupt');
    this.setAsideEmitter.fire({ original: target, movedTo, reason });
    return [];
  }

  private decode(bytes: Uint8Array): ReturnType<typeof parseTeamFile> | undefined {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return undefined;
    }
    return parseTeamFile(text);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
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
