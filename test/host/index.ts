/**
 * Runs the extension-host suite inside a real VS Code. Two callers: @vscode/test-electron (through
 * `extensionTestsPath`, where VS Code can be downloaded) and the companion test extension the
 * code-server lane installs beside Two Hats. With TWO_HATS_HOST_RESULTS set, the outcome is also
 * written there as JSON for the harness to print and count.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface HostResults {
  passed: number;
  failed: number;
  /** `ms`: how long the test took (hooks aside), so the lane can show where its minutes go. */
  tests: { title: string; state: 'passed' | 'failed'; ms?: number; error?: string }[];
}

export function run(): Promise<void> {
  const grep = process.env['TWO_HATS_GREP'];
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, ...(grep ? { grep } : {}) });
  mocha.addFile(path.join(__dirname, 'suite.js'));
  const results: HostResults = { passed: 0, failed: 0, tests: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env['TWO_HATS_HOST_RESULTS'];
      if (file) {
        writeFileSync(file, JSON.stringify(results));
      }
      if (failures > 0) {
        reject(new Error(`${failures} extension-host tests failed`));
      } else {
        resolve();
      }
    });
    runner.on('pass', (test) => {
      results.passed++;
      results.tests.push({ title: test.fullTitle(), state: 'passed', ms: test.duration ?? 0 });
    });
    runner.on('fail', (test, error: Error) => {
      results.failed++;
      results.tests.push({ title: test.fullTitle(), state: 'failed', ms: test.duration ?? 0, error: error.stack ?? String(error) });
    });
  });
}
