// `npm test`: every lane, and one closing line that sums them; the lanes without a real VS Code
// first (two at a time once code-server is installed), then host and faults side by side, then e2e.
// `node test/run-all.mjs host` (or e2e, unit, ...) runs the build and that lane alone.
// `node test/run-all.mjs e2e team` (or `team.test.ts`, `test/e2e/team.test.ts`, several names)
// runs only those end-to-end files; a word that names no file is a grep over test titles.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const startedAt = Date.now();
const root = path.resolve(import.meta.dirname, '..');
const lanesDir = path.join(root, 'out', 'lanes');
const E2E_ALONE = 'out/test/e2e/alone.js';
const mocha = (lane, files, extra = []) => ({
  lane,
  command: ['npx', 'mocha', '--reporter', path.join(root, 'out/test/harness/laneReporter.js'), ...extra, files],
  counted: true,
});

/**
 * The titles of the unit tests that time parsers on megabytes of hostile text (see
 * test/unit/support/adversarial.ts): seconds of work that proves no parser is super-linear, and
 * 40 % of the unit lane's time. They run in their own lane, beside the others in `npm test`, so
 * the unit lane stays under 10 seconds.
 */
const LINEAR_TIME = 'in linear time|stays fast on hostile text';

const lanes = [
  { lane: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { lane: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  // Pure code only, two files at a time: the lane a developer runs after every change.
  mocha('unit', 'out/test/unit', ['--parallel', '--jobs', '2', '--timeout', '30000', '--grep', LINEAR_TIME, '--invert']),
  // The unit files' linear-time checks: megabytes of hostile text against a generous clock.
  mocha('linear', 'out/test/unit', ['--grep', LINEAR_TIME, '--timeout', '120000']),
  // Repository checks that run tools over src/ (the l10n extractor alone takes seconds).
  mocha('checks', 'out/test/checks', ['--timeout', '60000']),
  // Real processes racing for the cross-window lock: seconds of waiting by design.
  mocha('locks', 'out/test/locks'),
  { lane: 'package', command: ['npm', 'run', '--silent', 'package'], setup: true },
  mocha('package', 'out/test/package'),
  { lane: 'provision', command: ['bash', 'test/harness/provision.sh'], setup: true },
  { lane: 'host', command: ['node', 'out/test/harness/hostLane.js'], counted: true },
  { lane: 'faults', command: ['node', 'out/test/faults/lane.js'], counted: true },
];

const only = process.argv[2];
const e2e = only === 'e2e' ? e2eSelection(process.argv.slice(3)) : { files: [], grep: process.env.TWO_HATS_GREP };
lanes.push(
  mocha('e2e', e2e.files.length > 0 ? E2E_ALONE : 'out/test/e2e/suite.js', ['--timeout', '120000', '--slow', '8000', ...(e2e.grep ? ['--grep', e2e.grep] : [])]),
);
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

/** Runs a lane with its output held back, to be printed whole once it ends (lanes run side by side). */
function runQuietly(command, lane) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TWO_HATS_LANE: lane, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    const done = (ok) => resolve({ ok, output: `\n=== ${lane}: ${command.join(' ')}\n${Buffer.concat(chunks).toString('utf8').trimEnd()}` });
    child.on('error', (error) => {
      chunks.push(Buffer.from(String(error)));
      done(false);
    });
    child.on('close', (code) => done(code === 0));
  });
}

/**
 * On a fresh clone, installing code-server takes minutes, mostly waiting on the registry: when
 * every lane runs, it starts at once in the background, its output kept in a file, and the first
 * real-host lane waits for it.
 */
function provisionInBackground(lane) {
  const log = path.join(root, 'out', 'provision.log');
  mkdirSync(path.dirname(log), { recursive: true });
  const out = openSync(log, 'w');
  const child = spawn(lane.command[0], lane.command.slice(1), { cwd: root, stdio: ['ignore', out, out] });
  const done = new Promise((resolve) => {
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
  const finished = { value: false };
  void done.then(() => (finished.value = true));
  const wait = async () => {
    console.log(`\n=== ${lane.lane}: ${lane.command.join(' ')} (started with the first lane)`);
    const ok = await done;
    console.log(readFileSync(log, 'utf8').trimEnd());
    return ok;
  };
  /** Whether it ended within `ms` (code-server already installed: it only checks its marker). */
  wait.endsWithin = async (ms) => {
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, ms))]);
    return finished.value;
  };
  return wait;
}

// The unit lane alone builds only what it runs: a developer runs it after every change.
const build = only === 'unit' ? ['node', 'esbuild.mjs', '--unit'] : ['node', 'esbuild.mjs', '--tests'];
if (!run(build, 'build') || !(await buildE2eAlone(e2e.files))) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
rmSync(lanesDir, { recursive: true, force: true });

const provisionLane = selected.find((l) => l.lane === 'provision');
const awaitProvision = !only && provisionLane ? provisionInBackground(provisionLane) : undefined;
const summary = [];

/** Adds a lane's line to the summary; false when a setup step failed and later lanes need it. */
function record(lane, ok, seconds) {
  if (lane.counted) {
    const file = path.join(lanesDir, `${lane.lane}.json`);
    const counts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 1 };
    if (!ok && counts.failed === 0) {
      counts.failed = 1; // The runner itself failed (a crash, a hook): count it, never hide it.
    }
    summary.push({ lane: lane.lane, ...counts, seconds });
  } else if (!lane.setup) {
    summary.push({ lane: lane.lane, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
  } else if (!ok) {
    summary.push({ lane: lane.lane, passed: 0, failed: 1, seconds });
    return false;
  }
  return true;
}

/**
 * The lanes that need no real VS Code (typecheck, lint, unit, checks, locks, package) run two at
 * a time when code-server is installed already: the machine has two cores. So do the host and
 * fault lanes after them (see below). On a fresh clone they
 * run one by one instead, beside the install (minutes of compiling, and the host lanes' start waits
 * for it anyway). Each keeps its own steps in order (package builds the VSIX, then tests it); its
 * output is printed when it ends.
 */
async function runLightLanes(light, side) {
  const chains = [];
  for (const lane of light) {
    const chain = chains.find((c) => c[0].lane === lane.lane);
    chain ? chain.push(lane) : chains.push([lane]);
  }
  const results = new Map();
  const runChain = async (chain) => {
    const started = Date.now();
    const steps = [];
    for (const lane of chain) {
      const { ok, output } = await runQuietly(lane.command, lane.lane);
      console.log(output);
      steps.push({ lane, ok });
      if (!ok) {
        break;
      }
    }
    results.set(chain, { steps, seconds: Math.round((Date.now() - started) / 1000) });
  };
  const queue = [...chains];
  await Promise.all(
    Array.from({ length: Math.min(side, queue.length) }, async () => {
      while (queue.length > 0) {
        await runChain(queue.shift());
      }
    }),
  );
  for (const chain of chains) {
    const { steps, seconds } = results.get(chain);
    for (const { lane, ok } of steps) {
      record(lane, ok, seconds);
    }
  }
}

const REAL_HOST = new Set(['provision', 'host', 'faults', 'e2e']);
const light = selected.filter((l) => !REAL_HOST.has(l.lane));
if (!only && light.length > 1) {
  await runLightLanes(light, awaitProvision && (await awaitProvision.endsWithin(3000)) ? 2 : 1);
}
/**
 * In `npm test` the host and fault lanes run side by side, each its own code-server, browser and
 * temporary profile: much of their time is waiting (a window loading, a host restarting, a
 * backup's delay), and the host lane alone keeps about one core busy. Then the end-to-end lane,
 * alone: it drives the UI against timeouts. TWO_HATS_REAL_HOST_SIDE_BY_SIDE=0 runs all three one
 * by one, their output live.
 */
const SIDE_BY_SIDE = ['host', 'faults'];
const sideBySide = !only && light.length > 1 && process.env.TWO_HATS_REAL_HOST_SIDE_BY_SIDE !== '0';
const realHost = only || light.length <= 1 ? selected : selected.filter((l) => REAL_HOST.has(l.lane));
for (const lane of realHost) {
  if (sideBySide && SIDE_BY_SIDE.includes(lane.lane)) {
    if (lane.lane === SIDE_BY_SIDE[0]) {
      await runLightLanes(realHost.filter((l) => SIDE_BY_SIDE.includes(l.lane)), 2);
    }
    continue;
  }
  const started = Date.now();
  const ok = lane === provisionLane && awaitProvision ? await awaitProvision() : run(lane.command, lane.lane);
  if (!record(lane, ok, Math.round((Date.now() - started) / 1000))) {
    break; // Later lanes need what this step provides.
  }
}

console.log('\n=== summary');
for (const { lane, passed, failed, seconds } of summary) {
  console.log(`  ${lane.padEnd(10)} ${String(passed).padStart(4)} passed ${String(failed).padStart(4)} failed ${String(seconds).padStart(5)} s`);
}
console.log(`  (${Math.round((Date.now() - startedAt) / 1000)} s in all, build included)`);
// Named last: a CI record may keep only the tail of the output.
for (const { lane, failures = [], log = [] } of summary) {
  for (const { title, error } of failures) {
    console.log(`  ✖ ${lane}: ${title}\n      ${error.replace(/\n/g, '\n      ')}`);
  }
  if (log.length > 0) {
    console.log(`  ${lane}: Two Hats' last warnings and errors in its log:\n      ${log.join('\n      ')}`);
  }
}
const passed = summary.reduce((n, l) => n + l.passed, 0);
const failed = summary.reduce((n, l) => n + l.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

/**
 * Splits `e2e` arguments into end-to-end files (`team`, `team.test.ts`, `test/e2e/team.test.ts`)
 * and at most one grep (any other word; it overrides TWO_HATS_GREP).
 */
function e2eSelection(args) {
  const files = [];
  const words = [];
  for (const arg of args) {
    const name = path.basename(arg).replace(/\.ts$/, '').replace(/\.test$/, '');
    const file = path.join(root, 'test', 'e2e', `${name}.test.ts`);
    if (existsSync(file)) {
      files.push(file);
    } else {
      words.push(arg);
    }
  }
  if (words.length > 1) {
    console.error(`Not end-to-end files: ${words.join(', ')}. Name files from test/e2e, and at most one grep.`);
    process.exit(2);
  }
  return { files, grep: words[0] ?? process.env.TWO_HATS_GREP };
}

/**
 * The lane's shared hooks and the chosen files, bundled as the suite is: one copy of the session,
 * and no other file's tests loaded (nor their `before` hooks run).
 */
async function buildE2eAlone(files) {
  if (files.length === 0) {
    return true;
  }
  console.log(`\n=== build: e2e alone: ${files.map((file) => path.relative(root, file)).join(', ')}`);
  const imports = ['./hooks', ...files.map((file) => `./${path.basename(file, '.ts')}`)];
  try {
    await esbuild.build({
      stdin: { contents: imports.map((name) => `import '${name}';`).join('\n'), resolveDir: path.join(root, 'test', 'e2e'), sourcefile: 'alone.ts', loader: 'ts' },
      bundle: true,
      outfile: path.join(root, E2E_ALONE),
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      external: ['mocha', 'playwright-core'],
      logLevel: 'warning',
    });
    return true;
  } catch {
    return false;
  }
}
