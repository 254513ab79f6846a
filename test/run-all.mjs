// `npm test`: every lane, in order, and one closing line that sums them.
// `node test/run-all.mjs host` (or e2e, unit, ...) runs the build and that lane alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const lanesDir = path.join(root, 'out', 'lanes');
const mocha = (lane, files, extra = []) => ({
  lane,
  command: ['npx', 'mocha', '--reporter', path.join(root, 'out/test/harness/laneReporter.js'), ...extra, files],
  counted: true,
});

const lanes = [
  { lane: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { lane: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  // Pure code only, two files at a time: the lane a developer runs after every change.
  mocha('unit', 'out/test/unit', ['--parallel', '--jobs', '2', '--timeout', '30000']),
  // Real processes racing for the cross-window lock: seconds of waiting by design.
  mocha('locks', 'out/test/locks'),
  { lane: 'package', command: ['npm', 'run', '--silent', 'package'], setup: true },
  mocha('package', 'out/test/package'),
  { lane: 'provision', command: ['bash', 'test/harness/provision.sh'], setup: true },
  { lane: 'host', command: ['node', 'out/test/harness/hostLane.js'], counted: true },
  { lane: 'faults', command: ['node', 'out/test/faults/lane.js'], counted: true },
  mocha('e2e', 'out/test/e2e/suite.js', ['--timeout', '120000', '--slow', '20000', ...(process.env.TWO_HATS_GREP ? ['--grep', process.env.TWO_HATS_GREP] : [])]),
];

const only = process.argv[2];
const selected = only
  ? lanes.filter((l) => l.lane === only || (l.setup && ((only === 'host' || only === 'e2e' || only === 'faults') ? l.lane === 'provision' : l.lane === only)))
  : lanes;
if (only && !selected.some((l) => l.lane === only)) {
  console.error(`No lane called ${only}. Lanes: ${[...new Set(lanes.map((l) => l.lane))].join(', ')}`);
  process.exit(2);
}

function run(command, lane) {
  console.log(`\n=== ${lane}: ${command.join(' ')}`);
  const result = spawnSync(command[0], command.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TWO_HATS_LANE: lane },
  });
  return result.status === 0;
}

if (!run(['node', 'esbuild.mjs', '--tests'], 'build')) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
rmSync(lanesDir, { recursive: true, force: true });

const summary = [];
for (const lane of selected) {
  const ok = run(lane.command, lane.lane);
  if (lane.counted) {
    const file = path.join(lanesDir, `${lane.lane}.json`);
    const counts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 1 };
    if (!ok && counts.failed === 0) {
      counts.failed = 1; // The runner itself failed (a crash, a hook): count it, never hide it.
    }
    summary.push({ lane: lane.lane, ...counts });
  } else if (!lane.setup) {
    summary.push({ lane: lane.lane, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  } else if (!ok) {
    summary.push({ lane: lane.lane, passed: 0, failed: 1 });
    break; // Later lanes need what this step provides.
  }
}

console.log('\n=== summary');
for (const { lane, passed, failed } of summary) {
  console.log(`  ${lane.padEnd(10)} ${String(passed).padStart(4)} passed ${String(failed).padStart(4)} failed`);
}
const passed = summary.reduce((n, l) => n + l.passed, 0);
const failed = summary.reduce((n, l) => n + l.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
