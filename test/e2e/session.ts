/**
 * One real VS Code and one browser for the whole end-to-end lane: starting code-server and the
 * workbench takes 10 to 20 seconds, so tests share them and keep their data apart by name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PRODUCT_EXTENSION, startCodeServer, type CodeServer } from '../harness/codeServer';
import { launchBrowser, openWorkbench } from '../harness/workbench';

export interface Session {
  readonly server: CodeServer;
  readonly browser: Browser;
  readonly page: Page;
  /** Dialogs (alert, confirm) any page opened: a script-injection payload would open one. */
  readonly dialogs: string[];
  /**
   * The `twoHats.templates.folder` of the session, empty until a test puts a template in it: a
   * settings file changed under a running code-server is not reliably picked up.
   */
  readonly templatesFolder: string;
}

let session: Promise<Session> | undefined;
let openPage: Page | undefined;

/** The page of a session that has started, for diagnostics. */
export function currentPage(): Page | undefined {
  return openPage;
}

export function getSession(): Promise<Session> {
  session ??= (async () => {
    const templatesFolder = mkdtempSync(path.join(os.tmpdir(), 'two-hats-e2e-templates-'));
    const server = await startCodeServer({ extensions: [PRODUCT_EXTENSION], settings: { 'twoHats.templates.folder': templatesFolder } });
    const browser = await launchBrowser();
    const page = await openWorkbench(browser, server.url);
    openPage = page;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return { server, browser, page, dialogs, templatesFolder };
  })();
  return session;
}

export async function closeSession(): Promise<void> {
  if (!session) {
    return;
  }
  const current = await session.catch(() => undefined);
  session = undefined;
  openPage = undefined;
  await current?.browser.close();
  await current?.server.stop();
  if (current) {
    rmSync(current.templatesFolder, { recursive: true, force: true });
  }
}
