import * as assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../src/shared/protocol';

describe('messages from the webview', () => {
  const draft = { name: 'Ada', role: 'Backend', cadence: 'weekly' };

  it('accepts every well-formed intent', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'ready', historyOf: 'p1' },
      { type: 'showHistory', personId: 'p1' },
      { type: 'showHistory' },
      { type: 'keepDraft', form: { draft, personId: 'p1' } },
      { type: 'keepDraft' },
      { type: 'addPerson', requestId: 1, draft },
      { type: 'updatePerson', requestId: 2, id: 'a1-b2', draft },
      { type: 'setArchived', requestId: 3, id: 'a1', archived: true },
      { type: 'openFolder' },
      { type: 'useGlobalStorage' },
      { type: 'showDataLocation' },
    ]) {
      assert.deepEqual(parseWebviewMessage(message), { ok: true, message });
    }
  });

  it('rejects unknown types, missing or extra fields, and wrong types', () => {
    const bad: unknown[] = [
      null,
      'ready',
      42,
      {},
      { type: 'deleteEverything' },
      { type: 'showHistory', personId: '../p1' },
      { type: 'keepDraft', form: { draft, error: 'x' } },
      { type: 'ready', historyOf: 7 },
      { type: 'addPerson', requestId: 1 },
      { type: 'addPerson', requestId: 1, draft: { ...draft, cadence: 'daily' } },
      { type: 'addPerson', requestId: -1, draft },
      { type: 'addPerson', requestId: 1.5, draft },
      { type: 'addPerson', requestId: 1, draft, extra: true },
      { type: 'updatePerson', requestId: 1, id: '../../etc/passwd', draft },
      { type: 'setArchived', requestId: 1, id: 'a', archived: 'yes' },
      { type: 'ready', __proto__: { polluted: true }, constructor: 'x' },
    ];
    for (const message of bad) {
      assert.equal(parseWebviewMessage(message).ok, false, `should reject ${JSON.stringify(message)}`);
    }
  });

  it('drops oversized messages unread', () => {
    const result = parseWebviewMessage({ type: 'addPerson', requestId: 1, draft: { ...draft, role: 'x'.repeat(70_000) } });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : '', /over the limit/);
  });

  it('rejects values that are not plain data', () => {
    const cyclic: Record<string, unknown> = { type: 'ready' };
    cyclic['self'] = cyclic;
    assert.equal(parseWebviewMessage(cyclic).ok, false);
  });
});
