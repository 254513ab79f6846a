import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { PREPARED_AHEAD_FRESH_MS, PreparedAhead } from '../../src/host/sidebar/preparedAhead';

// The sidebar's first page builds the cached team ahead, between activation and the workbench's
// request for the view. A view opened later, or on another day, must show the team as cached then,
// never rows built a minute ago or due labels from yesterday.
describe('a first page built ahead of the view', () => {
  it('is used once, when the view opens soon after', () => {
    const prepared = new PreparedAhead<string>();
    prepared.put('rows', 100, '2026-12-01');
    assert.deepEqual(prepared.take(120, '2026-12-01'), { value: 'rows' });
    assert.equal(prepared.take(121, '2026-12-01'), undefined, 'a second open builds its own');
  });

  it('is built anew when the view opens a second or more later, on another day, or by a clock that went back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: -1e6, max: 1e7 }),
        fc.boolean(),
        (at, elapsed, sameDay) => {
          const prepared = new PreparedAhead<string>();
          prepared.put('rows', at, '2026-12-01');
          const taken = prepared.take(at + elapsed, sameDay ? '2026-12-01' : '2026-12-02');
          const fresh = elapsed >= 0 && elapsed < PREPARED_AHEAD_FRESH_MS && sameDay;
          assert.deepEqual(taken, fresh ? { value: 'rows' } : undefined);
        },
      ),
    );
  });

  it('gives nothing when nothing was built ahead, and keeps an empty answer apart from none', () => {
    const prepared = new PreparedAhead<string | undefined>();
    assert.equal(prepared.take(0, '2026-12-01'), undefined);
    prepared.put(undefined, 0, '2026-12-01');
    assert.deepEqual(prepared.take(10, '2026-12-01'), { value: undefined });
  });
});
