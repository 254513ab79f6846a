import type { Page } from 'playwright-core';
import { openSidebar, openWorkbench } from '../harness/workbench';
import { getSession } from './session';
import { addPersonByForm, personRow } from './steps';

describe('two windows on the same workspace', () => {
  let first: Page;
  let second: Page;

  before(async () => {
    const session = await getSession();
    first = session.page;
    // A second browser tab on code-server is a second window with its own extension host.
    second = await openWorkbench(session.browser, session.server.url);
  });

  after(async () => {
    await second?.context().close();
  });

  it('adds different people in both at once, and neither update is lost', async () => {
    const [frameOne, frameTwo] = await Promise.all([openSidebar(first), openSidebar(second)]);
    await Promise.all([addPersonByForm(frameOne, 'Mary Jackson', 'Engineering'), addPersonByForm(frameTwo, 'Annie Easley', 'Rocket systems')]);
    for (const frame of [frameOne, frameTwo]) {
      await personRow(frame, 'Mary Jackson').waitFor({ timeout: 30_000 });
      await personRow(frame, 'Annie Easley').waitFor({ timeout: 30_000 });
    }
  });
});
