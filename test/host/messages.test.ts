import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SelfCheckState } from '../../src/host/delegation/reflectionCommands';
import { HatState } from '../../src/host/principles/hatState';
import { SidebarProvider } from '../../src/host/sidebar/sidebarProvider';
import { DelegationStore } from '../../src/host/storage/delegationStore';
import { NoteStore } from '../../src/host/storage/noteStore';
import { TeamStore } from '../../src/host/storage/teamStore';
import type { HostMessage } from '../../src/shared/protocol';
import { eventually } from './helpers';

/** A memento kept in memory: the provider's own state, not what is under test. */
class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T {
    return (this.values.has(key) ? this.values.get(key) : fallback) as T;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

function malformedMessages(count: number): unknown[] {
  const cyclic: Record<string, unknown> = { type: 'ready' };
  cyclic['self'] = cyclic;
  let deep: unknown = { type: 'ready' };
  for (let i = 0; i < 500; i++) {
    deep = { type: 'addPerson', requestId: 1, draft: deep };
  }
  const shapes: (() => unknown)[] = [
    () => null,
    () => undefined,
    () => 42,
    () => 'ready',
    () => [{ type: 'ready' }],
    () => ({}),
    () => ({ type: `unknown-${Math.random()}` }),
    () => ({ type: 'addPerson' }),
    () => ({ type: 'addPerson', requestId: -1, draft: { name: 'x', role: '', cadence: 'weekly' } }),
    () => ({ type: 'addPerson', requestId: 1, draft: { name: 'x', role: '', cadence: 'hourly' } }),
    () => ({ type: 'addPerson', requestId: 1, draft: { name: 'x', role: '', cadence: 'weekly', admin: true } }),
    () => ({ type: 'addPerson', requestId: 1, draft: { name: 'x'.repeat(70_000), role: '', cadence: 'weekly' } }),
    () => ({ type: 'setArchived', requestId: 1, id: '../../etc/passwd', archived: true }),
    () => ({ type: 'openNote', noteId: '<script>' }),
    () => ({ type: 'tickActionItem', noteId: 'a', line: 1e12, text: 'x', done: true }),
    () => ({ type: 'delegation', intent: { kind: 'delete' } }),
    () => ({ type: 'delegation', intent: { kind: 'tickStep', itemId: 'a', stepId: 'DROP TABLE', done: true } }),
    () => ({ type: 'openPrinciple', id: 'javascript:alert(1)' }),
    () => JSON.parse('{"type":"ready","__proto__":{"polluted":true}}'),
    () => cyclic,
    () => deep,
  ];
  return Array.from({ length: count }, (_, i) => shapes[i % shapes.length]!());
}

describe('a thousand malformed messages from the sidebar', () => {
  it('rejects and logs each one, and the sidebar keeps working', async () => {
    const folder = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-messages-')));
    const team = new TeamStore();
    const notes = new NoteStore();
    const delegation = new DelegationStore();
    await Promise.all([team.open({ kind: 'folder', uri: folder, scope: 'workspace' }), delegation.open({ kind: 'folder', uri: folder, scope: 'workspace' }), notes.open(folder)]);
    const memento = new MemoryMemento();
    const warnings: string[] = [];
    const real = vscode.window.createOutputChannel('Two Hats message test', { log: true });
    const log = new Proxy(real, {
      get: (target, key) => (key === 'warn' ? (message: string) => warnings.push(message) : Reflect.get(target, key)),
    });
    const provider = new SidebarProvider(vscode.Uri.file(path.join(__dirname, '..', '..', '..')), { team, notes, delegation, hats: new HatState(memento), selfChecks: new SelfCheckState(memento) }, log);
    // The webview's side of the channel: messages in, posts out. Everything behind it is real.
    const incoming = new vscode.EventEmitter<unknown>();
    const posted: HostMessage[] = [];
    const view = {
      visible: true,
      webview: {
        options: {},
        html: '',
        cspSource: 'vscode-resource:',
        asWebviewUri: (uri: vscode.Uri) => uri,
        onDidReceiveMessage: incoming.event,
        postMessage: (message: HostMessage) => {
          posted.push(message);
          return Promise.resolve(true);
        },
      },
      onDidChangeVisibility: () => new vscode.Disposable(() => undefined),
      onDidDispose: () => new vscode.Disposable(() => undefined),
    } as unknown as vscode.WebviewView;
    provider.resolveWebviewView(view);

    const flood = malformedMessages(1000);
    for (const message of flood) {
      incoming.fire(message);
    }
    assert.equal(warnings.length, 1000, 'every malformed message is logged');
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
    assert.equal(team.all.length, 0, 'nothing was changed by them');

    incoming.fire({ type: 'addPerson', requestId: 7, draft: { name: 'Still Working', role: '', cadence: 'weekly' } });
    const answer = await eventually(() => posted.find((m) => m.type === 'didCompleteRequest' && m.requestId === 7), 'an answer to the valid request');
    assert.ok(answer.type === 'didCompleteRequest' && !answer.error);
    assert.deepEqual(team.all.map((p) => p.name), ['Still Working']);
    provider.dispose();
    team.dispose();
    notes.dispose();
    delegation.dispose();
    real.dispose();
  });
});
