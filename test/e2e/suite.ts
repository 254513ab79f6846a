// The end-to-end lane: real workbench (code-server), real sidebar, Debian's Chromium.
//
// Every file runs alone too: `node test/run-all.mjs e2e <file>` (e.g. `e2e team`). So a file
// - sets up in its own `before` all the data it needs: people added through the sidebar
//   (`addPersonByForm` in steps.ts) or files written into the data folder (`openDataDir`);
// - names its people and items uniquely (not Ada Lovelace or Grace Hopper, team.test's): the
//   files share one window and one data folder when the lane runs them together;
// - finds its own rows by name (`personRow`), never the first of a list others add to;
// - leaves nothing that a later file must have, nor counts on what an earlier one left.
import './team.test';
import './twoWindows.test';
import './oneOnOnes.test';
import './talkingPoints.test';
import './principles.test';
import './delegation.test';
import './markdownImport.test';
import './keyboard.test';
import './themes.test';
import './presenting.test';
import './hostileInput.test';
import './firstUse.test';
import './movedFolder.test';
import './encryption.test';
import './deleteAll.test';
import './noFolder.test';
import './pseudoLocale.test';

import './brief.test';
import './schedule.test';
import './privateNotes.test';
import './accessibility.test';

// The screenshot on failure and the closing of the session, shared with files run alone.
import './hooks';
