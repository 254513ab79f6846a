// The end-to-end lane: real workbench (code-server), real sidebar, Debian's Chromium.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS_DIR } from '../harness/paths';
import { closeSession, currentPage } from './session';
import './team.test';
import './twoWindows.test';
import './oneOnOnes.test';
import './talkingPoints.test';
import './principles.test';
import './delegation.test';
import './keyboard.test';
import './privateNotes.test';
import './themes.test';
import './presenting.test';
import './hostileInput.test';
import './firstUse.test';
import './movedFolder.test';
import './deleteAll.test';
import './accessibility.test';
import './noFolder.test';
import './pseudoLocale.test';

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
