/**
 * The extension-host lane on this machine: code-server with Two Hats and the companion test
 * extension installed, a browser to start the extension host, and the suite's results read back.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { HostResults } from '../host/index';
import { PRODUCT_EXTENSION, startCodeServer } from './codeServer';
import { writeLaneResult } from './lanes';
import { ARTIFACTS_DIR, REPO_ROOT } from './paths';
import { launchBrowser, openWorkbench } from './workbench';

/** Tests quicker than this are listed without their time. */
const SHOWN_FROM_MS = 2000;
/** Two Hats' own warnings and errors kept in a failed run's summary, the last ones. */
const PRODUCT_LOG_LINES = 20;

async function main(): Promise<number> {
  const resultsFile = path.join(ARTIFACTS_DIR, 'host-results.json');
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  rmSync(resultsFile, { force: true });
  const server = await startCodeServer({
    ...(process.env['TWO_HATS_KEEP_HOST_DIR'] ? { persistentDir: process.env['TWO_HATS_KEEP_HOST_DIR'] } : {}),
    extensions: [
      PRODUCT_EXTENSION,
      { source: path.join(REPO_ROOT, 'out', 'test', 'host-companion'), include: ['package.json', 'main.js'] },
    ],
    env: {
      TWO_HATS_HOST_TESTS_ENTRY: path.join(REPO_ROOT, 'out', 'test', 'host', 'index.js'),
      TWO_HATS_HOST_RESULTS: resultsFile,
      // `TWO_HATS_GREP=<words> node test/run-all.mjs host` runs the matching tests alone.
      ...(process.env['TWO_HATS_GREP'] ? { TWO_HATS_GREP: process.env['TWO_HATS_GREP'] } : {}),
    },
  });
  const browser = await launchBrowser();
  try {
    await openWorkbench(browser, server.url);
    // A hundred-odd tests take five to eight minutes on two quiet cores; a loaded machine, longer.
    const limitMs = Number(process.env['TWO_HATS_HOST_TIMEOUT_MS'] ?? 900_000);
    const deadline = Date.now() + limitMs;
    while (!existsSync(resultsFile)) {
      if (Date.now() > deadline) {
        console.error(`The extension-host suite did not report within ${Math.round(limitMs / 60_000)} minutes. code-server said:\n`, server.output());
        writeLaneResult('host', 0, 1, [{ title: 'the extension-host suite', error: 'did not report in time' }]);
        return 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as HostResults;
    console.log('\n  Extension host (code-server, VS Code 1.139)');
    for (const test of results.tests) {
      // As mocha's spec reporter does: a test's time only when it took long enough to matter.
      const took = (test.ms ?? 0) >= SHOWN_FROM_MS ? ` (${test.ms} ms)` : '';
      console.log(`    ${test.state === 'passed' ? '✔' : '✖'} ${test.title}${took}`);
      if (test.error) {
        console.log(test.error.replace(/^/gm, '        '));
      }
    }
    console.log(`\n  ${results.passed} passing, ${results.failed} failing\n`);
    const slowest = [...results.tests].sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0)).slice(0, 5);
    console.log(`  Slowest: ${slowest.map((t) => `${Math.round((t.ms ?? 0) / 100) / 10} s ${t.title}`).join('\n           ')}\n`);
    const failures = results.tests.filter((t) => t.state === 'failed').map((t) => ({ title: t.title, error: t.error ?? '' }));
    // A failure's record keeps what Two Hats itself said meanwhile: a conversion's skipped file, a
    // lock that stayed busy. The log holds reasons and file names only, never note text.
    const log = failures.length > 0 ? server.productLogProblems().slice(-PRODUCT_LOG_LINES) : [];
    writeLaneResult('host', results.passed, results.failed, failures, log);
    return results.failed === 0 && results.passed > 0 ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    writeLaneResult('host', 0, 1, [{ title: 'the host lane itself', error: String(error) }]);
    process.exit(1);
  },
);
