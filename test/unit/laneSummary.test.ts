import * as assert from 'node:assert/strict';
import { briefError } from '../harness/lanes';

/** What a failed deep-equal assertion prints, as mocha hands it to a lane. */
function failedDeepEqual(actual: unknown, expected: unknown): string {
  try {
    assert.deepEqual(actual, expected);
  } catch (error) {
    return (error as Error).stack ?? String(error);
  }
  throw new Error('the assertion did not fail');
}

describe('a failed test as the run summary keeps it (a CI record may keep only the summary)', () => {
  it("keeps an assertion's actual and expected values, not only its first line", () => {
    const brief = briefError(failedDeepEqual({ ok: true, skipped: 1 }, { ok: true }));
    assert.match(brief, /^AssertionError/);
    assert.match(brief, /skipped: 1/, 'the value that differed is in the record');
  });

  it('cuts the stack to its first frames', () => {
    const error = failedDeepEqual(1, 2);
    const frames = error.split('\n').filter((line) => /^\s+at /.test(line));
    assert.ok(frames.length > 2, 'the stack has more frames to cut (so the check can fail)');
    const kept = briefError(error).split('\n').filter((line) => /^\s+at /.test(line));
    assert.deepEqual(kept, frames.slice(0, 2));
  });

  it('keeps a long error to a bounded number of lines', () => {
    const long = ['Error: many lines', ...Array.from({ length: 100 }, (_, i) => `line ${i}`)].join('\n');
    assert.equal(briefError(long).split('\n').length, 16);
    assert.equal(briefError('Error: one line'), 'Error: one line');
  });
});
