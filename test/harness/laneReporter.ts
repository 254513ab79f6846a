/** Mocha's spec output, plus the lane's counts written where test/run-all.mjs sums them. */
import Mocha from 'mocha';
import { writeLaneResult } from './lanes';

class LaneReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const lane = process.env['TWO_HATS_LANE'];
    runner.once('end', () => {
      if (lane) {
        writeLaneResult(lane, runner.stats?.passes ?? 0, runner.stats?.failures ?? 0);
      }
    });
  }
}

module.exports = LaneReporter;
