import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually } from './helpers';
import { openSidebarOn } from './sidebarOnFolder';

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
    const { team, posted, warnings, send, close } = await openSidebarOn(folder);

    const flood = malformedMessages(1000);
    for (const message of flood) {
      send(message);
    }
    assert.equal(warnings.length, 1000, 'every malformed message is logged');
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
    assert.equal(team.all.length, 0, 'nothing was changed by them');

    send({ type: 'addPerson', requestId: 7, draft: { name: 'Still Working', role: '', cadence: 'weekly' } });
    const answer = await eventually(() => posted.find((m) => m.type === 'didCompleteRequest' && m.requestId === 7), 'an answer to the valid request');
    assert.ok(answer.type === 'didCompleteRequest' && !answer.error);
    assert.deepEqual(team.all.map((p) => p.name), ['Still Working']);
    close();
  });
});

describe('a request the protocol refuses', () => {
  it('is answered with an error, so the form that sent it is not left waiting', async () => {
    const folder = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-refused-')));
    const { team, posted, send, close } = await openSidebarOn(folder);

    // What an older sidebar sent for a name the rule accepts: over the protocol's raw bound.
    send({ type: 'addPerson', requestId: 9, draft: { name: `Ada${' '.repeat(400)}Lovelace`, role: '', cadence: 'weekly' } });
    const answer = await eventually(() => posted.find((m) => m.type === 'didCompleteRequest' && m.requestId === 9), 'an answer to the refused request');
    assert.ok(answer.type === 'didCompleteRequest' && answer.error?.includes('Nothing was changed'), JSON.stringify(answer));
    assert.equal(team.all.length, 0);
    close();
  });
});

describe('a request from the sidebar while the data is read again', () => {
  it('waits for the re-read (after another window encrypted, say), then acts on the data read', async () => {
    const folder = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-reread-')));
    let reread!: () => void;
    const rereading = new Promise<void>((resolve) => (reread = resolve));
    const { team, posted, send, close } = await openSidebarOn(folder, { dataOpened: () => rereading });

    send({ type: 'addPerson', requestId: 11, draft: { name: 'Grace Hopper', role: '', cadence: 'weekly' } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(posted.find((m) => m.type === 'didCompleteRequest' && m.requestId === 11), undefined, 'no answer while the data is read again');
    assert.equal(team.all.length, 0, 'nothing written while the data is read again');

    reread();
    const answer = await eventually(() => posted.find((m) => m.type === 'didCompleteRequest' && m.requestId === 11), 'the answer once the data is read');
    assert.ok(answer.type === 'didCompleteRequest' && !answer.error, JSON.stringify(answer));
    assert.deepEqual(team.all.map((p) => p.name), ['Grace Hopper']);
    close();
  });
});
