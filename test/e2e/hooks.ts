/**
 * Root hooks of the end-to-end lane, shared by the whole suite (suite.ts) and by files run alone
 * (`node test/run-all.mjs e2e <file>` bundles this file with the chosen ones).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS_DIR } from '../harness/paths';
import { closeSession, currentPage } from './session';

// A failing test leaves a screenshot of the workbench behind, to see what the user would have seen.
afterEach(async function () {
  const page = currentPage();
  if (this.currentTest?.state === 'failed' && page) {
    const dir = path.join(ARTIFACTS_DIR, 'failures');
    mkdirSync(dir, { recursive: true });
    const name = this.currentTest.fullTitle().replace(/[^a-z0-9]+/gi, '-').slice(0, 100);
    await page.screenshot({ path: path.join(dir, `${name}.png`) }).catch(() => undefined);
  }
});

after(closeSession);
