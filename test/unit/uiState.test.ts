import * as assert from 'node:assert/strict';
import { discardNotice, INITIAL_STATE, restoreState } from '../../src/webview/uiState';

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

describe('closing the person form without saving', () => {
  const ada = { name: 'Ada Lovelace', role: 'Analyst', cadence: 'weekly' as const };

  it('offers the typed text back when a new person was being added', () => {
    const notice = discardNotice({ draft: { name: ' Grace Hop ', role: '', cadence: 'weekly' } }, undefined);
    assert.equal(notice?.text, 'Discarded Grace Hop, not yet added.');
    assert.deepEqual(notice?.undoDiscard, { draft: { name: ' Grace Hop ', role: '', cadence: 'weekly' } });
  });

  it('offers back a role typed before any name', () => {
    assert.equal(discardNotice({ draft: { name: '', role: 'Compilers', cadence: 'weekly' } }, undefined)?.text, 'Discarded the person you were adding.');
  });

  it('says nothing when nothing was typed, or an edit changed nothing', () => {
    assert.equal(discardNotice({ draft: { name: '  ', role: '', cadence: 'monthly' } }, undefined), undefined);
    assert.equal(discardNotice({ personId: 'p1', draft: { ...ada } }, ada), undefined);
  });

  it('offers an edit back, for the same person, when any field changed', () => {
    for (const draft of [{ ...ada, name: 'Ada King' }, { ...ada, role: '' }, { ...ada, cadence: 'monthly' as const }]) {
      const notice = discardNotice({ personId: 'p1', draft }, ada);
      assert.equal(notice?.text, 'Discarded your unsaved changes to Ada Lovelace.');
      assert.deepEqual(notice?.undoDiscard, { personId: 'p1', draft });
    }
  });
});
