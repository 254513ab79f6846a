import * as assert from 'node:assert/strict';
import { INITIAL_STATE, restoreState } from '../../src/webview/uiState';

describe('sidebar UI state restored after hiding or a reload', () => {
  it('brings back a half-typed draft, but not a request that may have been answered meanwhile', () => {
    const saved = { version: 1, showArchived: true, form: { draft: { name: 'Gra', role: '', cadence: 'monthly' }, pendingRequest: 4, error: 'x' } };
    assert.deepEqual(restoreState(saved), { version: 1, showArchived: true, form: { draft: { name: 'Gra', role: '', cadence: 'monthly' } } });
  });

  it('keeps which person was being edited', () => {
    const saved = { version: 1, showArchived: false, form: { personId: 'p1', draft: { name: 'Ada', role: 'x', cadence: 'weekly' } } };
    assert.equal(restoreState(saved).form?.personId, 'p1');
  });

  it('starts clean from state of another shape or version', () => {
    for (const saved of [undefined, null, 'text', { version: 2 }, { version: 1, form: { draft: { name: 3 } } }]) {
      const restored = restoreState(saved);
      assert.equal(restored.form, undefined);
      assert.equal(restored.showArchived, INITIAL_STATE.showArchived);
    }
  });
});
