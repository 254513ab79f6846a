/** Mocha's spec output, plus the lane's counts written where test/run-all.mjs sums them. */
import Mocha from 'mocha';
import { writeLaneResult, type FailedTest } from './lanes';

/** Mocha hands over what was thrown; an assertion's object is not always an Error of this realm. */
function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const name = 'name' in error ? String(error.name) : 'Error';
    return `${name}: ${String(error.message)}`;
  }
  return String(error);
}

class LaneReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const lane = process.env['TWO_HATS_LANE'];
    const failures: FailedTest[] = [];
    runner.on('fail', (test: Mocha.Runnable, error: unknown) => {
      failures.push({ title: test.fullTitle(), error: describeError(error) });
    });
    runner.once('end', () => {
      if (lane) {
        writeLaneResult(lane, runner.stats?.passes ?? 0, runner.stats?.failures ?? 0, failures);
      }
    });
  }
}

module.exports = LaneReporter;
