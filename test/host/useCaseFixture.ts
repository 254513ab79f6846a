/**
 * The use cases' fixture (useCasesPeople.test.ts, useCasesGoalsDelegation.test.ts): stores of their
 * own over a fresh folder, and what their files on disk hold.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DelegationStore } from '../../src/host/storage/delegationStore';
import { NoteStore } from '../../src/host/storage/noteStore';
import { TeamStore } from '../../src/host/storage/teamStore';
import { DELEGATION_FILE, TEAM_FILE } from '../../src/shared/storageLayout';

/** A workspace memento kept in memory: what the extension's own would hold for these stores. */
export class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  /** Runs before each update: a test's way to act between two steps of a use case. */
  beforeUpdate: (() => void) | undefined;
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.beforeUpdate?.();
    this.values.set(key, value);
    return Promise.resolve();
  }
}

export interface Fixture {
  readonly dir: string;
  readonly team: TeamStore;
  readonly notes: NoteStore;
  readonly delegation: DelegationStore;
  readonly memento: MemoryMemento;
}

export async function openFixture(): Promise<Fixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'two-hats-use-cases-'));
  const uri = vscode.Uri.file(dir);
  const location = { kind: 'folder', uri, scope: 'workspace' } as const;
  const fixture = { dir, team: new TeamStore(), notes: new NoteStore(), delegation: new DelegationStore(), memento: new MemoryMemento() };
  await Promise.all([fixture.team.open(location), fixture.delegation.open(location), fixture.notes.open(uri)]);
  await fixture.notes.reconciled();
  return fixture;
}

export function closeFixture(fixture: Fixture | undefined): void {
  fixture?.team.dispose();
  fixture?.notes.dispose();
  fixture?.delegation.dispose();
}

export interface TeamOnDisk {
  people: {
    id: string;
    name: string;
    role: string;
    archived: boolean;
    talkingPoints?: { text: string; standing: boolean }[];
    lastOneOnOneOn?: string;
    goals?: { id: string; text: string; reachedOn?: string }[];
  }[];
}

/** The team as the file on disk holds it. */
export function teamOnDisk(fixture: Fixture): TeamOnDisk {
  return JSON.parse(teamFileText(fixture)) as TeamOnDisk;
}

export function teamFileText(fixture: Fixture): string {
  return readFileSync(path.join(fixture.dir, TEAM_FILE), 'utf8');
}

export interface DelegationOnDisk {
  items: {
    id: string;
    title: string;
    ownerId?: string;
    level?: number;
    targetLevel?: number;
    status: string;
    levelHistory: { from?: number; to: number }[];
    steps: { stepId: string; note?: string }[];
    relapses: { kind: string }[];
  }[];
}

/** The delegation list as the file on disk holds it. */
export function delegationOnDisk(fixture: Fixture): DelegationOnDisk {
  return JSON.parse(delegationFileText(fixture)) as DelegationOnDisk;
}

export function delegationFileText(fixture: Fixture): string {
  return readFileSync(path.join(fixture.dir, DELEGATION_FILE), 'utf8');
}

/** The reason a refused result gives; fails the test when the result was not refused. */
export function reasonOf(result: { ok: true } | { ok: false; error: string }): string {
  assert.equal(result.ok, false, 'the input was refused');
  return result.ok ? '' : result.error;
}
