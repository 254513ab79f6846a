/**
 * The fault lane: kill the extension host abruptly at random moments while Two Hats saves, a
 * hundred saves in all, and check after every kill that each note is the last acknowledged
 * version or the one being written (never torn, never empty), that no acknowledged delegation
 * item is lost, and that the next start leaves no temporary file behind.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseDelegationFile } from '../../src/shared/delegation/storedDelegation';
import { DELEGATION_FILE, noteBodyName, NOTES_FOLDER } from '../../src/shared/storageLayout';
import { PRODUCT_EXTENSION, startCodeServer } from '../harness/codeServer';
import { writeLaneResult } from '../harness/lanes';
import { REPO_ROOT } from '../harness/paths';
import { launchBrowser, openWorkbenchIn, waitForWorkbench } from '../harness/workbench';
import { files, isReady, lap, NOTES, noteVersion, readAcks, TOTAL_SAVES, type Setup } from './shared';
import { runConversionKills } from './conversion';
import { runStress } from './stress';

const results: { name: string; problem?: string }[] = [];

function check(name: string, problem: string | undefined): void {
  results.push({ name, ...(problem ? { problem } : {}) });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What is on disk now, against what was acknowledged: a sentence per problem. */
function verify(dir: string, setup: Setup): string[] {
  const acks = readAcks(files(dir).acks);
  const problems: string[] = [];
  for (let k = 0; k < NOTES; k++) {
    const acked = acks.notes.get(k) ?? [];
    const last = acked.at(-1);
    // The save in flight for this note, if any, is the next save number that falls to it.
    let next = acks.count + 1;
    while (next % NOTES !== k) {
      next++;
    }
    const text = readFileSync(path.join(setup.dataDir, NOTES_FOLDER, noteBodyName(setup.noteIds[k]!)), 'utf8');
    // Before its first acknowledged save a note still holds what Start 1:1 wrote.
    const ok =
      (last === undefined ? text.startsWith('# 1:1 with') : text === noteVersion(k, last)) || (next <= TOTAL_SAVES && text === noteVersion(k, next));
    if (!ok) {
      problems.push(`note ${k}: ${text.length === 0 ? 'empty' : `neither version ${last ?? 'as started'} nor ${next} (${text.length} chars: ${JSON.stringify(text.slice(-40))})`}`);
    }
  }
  const parsed = parseDelegationFile(readFileSync(path.join(setup.dataDir, DELEGATION_FILE), 'utf8'));
  if (!parsed.ok) {
    problems.push(`${DELEGATION_FILE}: ${parsed.reason}`);
  } else {
    const present = parsed.value.map((item) => Number(/^Fault item (\d+)$/.exec(item.title)?.[1]));
    const missing = acks.items.filter((i) => !present.includes(i));
    if (missing.length > 0) {
      problems.push(`acknowledged items lost: ${missing.join(', ')}`);
    }
    const attempted = new Set([...acks.notes.values()].flat());
    const unexpected = present.filter((i) => !attempted.has(i));
    if (unexpected.length > 0) {
      problems.push(`items never attempted: ${unexpected.join(', ')}`);
    }
    if (new Set(present).size !== present.length) {
      problems.push('an item appears twice');
    }
  }
  return problems;
}

function leftovers(dataDir: string): string[] {
  const names = [...readdirSync(dataDir), ...readdirSync(path.join(dataDir, NOTES_FOLDER)).map((n) => `${NOTES_FOLDER}/${n}`)];
  return names.filter((name) => /\.tmp$|\.lock$/.test(name));
}

async function runKills(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'two-hats-faults-'));
  const base = path.join(dir, 'profile');
  mkdirSync(base);
  const paths = files(dir);
  const server = await startCodeServer({
    persistentDir: base,
    extensions: [PRODUCT_EXTENSION, { source: path.join(REPO_ROOT, 'out', 'test', 'host-companion'), include: ['package.json', 'main.js'] }],
    env: { TWO_HATS_FAULT_ENTRY: path.join(REPO_ROOT, 'out', 'test', 'faults', 'writer.js'), TWO_HATS_FAULT_DIR: dir },
  });
  lap('kills: code-server started');
  let browser: Browser | undefined;
  let kills = 0;
  const afterKills: string[] = [];
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    let page: Page | undefined;
    let killsInPage = 0;
    let lastPid = '';
    const newWriter = async (ms: number): Promise<string | undefined> => {
      const started = Date.now();
      for (;;) {
        const pid = existsSync(paths.pid) ? readFileSync(paths.pid, 'utf8') : '';
        if (pid && pid !== lastPid) {
          return pid;
        }
        if (existsSync(paths.error) || Date.now() - started >= ms) {
          return undefined;
        }
        await sleep(100);
      }
    };
    const deadline = Date.now() + 10 * 60_000;
    while (!existsSync(paths.done) && Date.now() < deadline) {
      if (existsSync(paths.error)) {
        throw new Error(`the writer failed: ${readFileSync(paths.error, 'utf8')}`);
      }
      if (!page) {
        page = await openWorkbenchIn(context, server.url);
        killsInPage = 0;
        lap('kills: workbench open');
      }
      // The tab restarts a killed host by itself after its first and second crash (VS Code counts
      // three in five minutes as too many, and asks); after the third a reload starts a fresh
      // one, and a fresh tab if even that does not.
      let pid = await newWriter(killsInPage === 0 ? 60_000 : killsInPage < 3 ? 20_000 : 0);
      if (!pid) {
        await page.reload({ timeout: 120_000 });
        await waitForWorkbench(page);
        killsInPage = 0;
        lap('kills: workbench reloaded');
        pid = await newWriter(60_000);
      }
      if (!pid) {
        await page.close();
        page = undefined;
        continue;
      }
      lastPid = pid;
      lap(`kills: writer ${pid} started`);
      const from = readAcks(paths.acks).count;
      // Every 6 to 25 saves: at least four kills in the hundred, each one a host restart (the
      // lane's most expensive step), and each at a moment the writer cannot see coming.
      const wanted = from + 6 + Math.floor(Math.random() * 20);
      while (readAcks(paths.acks).count < wanted && !existsSync(paths.done) && !existsSync(paths.error)) {
        await sleep(5);
      }
      // A random moment inside the next save.
      await sleep(Math.random() * 40);
      if (existsSync(paths.done)) {
        break;
      }
      try {
        process.kill(Number(pid), 'SIGKILL');
        kills++;
        killsInPage++;
        lap(`kills: kill ${kills} at ${readAcks(paths.acks).count} saves`);
      } catch {
        continue;
      }
      await sleep(300);
      if (existsSync(paths.setup)) {
        afterKills.push(...verify(dir, JSON.parse(readFileSync(paths.setup, 'utf8')) as Setup).map((p) => `after kill ${kills}: ${p}`));
      }
    }
    await page?.close();
    const setup = JSON.parse(readFileSync(paths.setup, 'utf8')) as Setup;
    const acks = readAcks(paths.acks);
    check(`${TOTAL_SAVES} saves, the extension host killed ${kills} times mid-way`, existsSync(paths.done) && kills >= 3 ? undefined : `done: ${existsSync(paths.done)}, kills: ${kills}, saves acknowledged: ${acks.count}`);
    check('after every kill, each note is its last acknowledged version or the one being written, never torn or empty', afterKills.length ? afterKills.slice(0, 5).join('; ') : undefined);
    check('no acknowledged delegation item is lost, none appears twice', verify(dir, setup).join('; ') || undefined);
    // One more start, with nobody writing: it resolves whatever the kills left behind.
    lap('kills: all saves done');
    lastPid = existsSync(paths.pid) ? readFileSync(paths.pid, 'utf8') : '';
    page = await openWorkbenchIn(context, server.url);
    lap('kills: last start open');
    // Two Hats has read the folder (and resolved what the kills left) once the writer says ready.
    const lastStart = await newWriter(120_000);
    const readyBy = Date.now() + 120_000;
    while (lastStart && !isReady(paths.ready, lastStart) && !existsSync(paths.error) && Date.now() < readyBy) {
      await sleep(100);
    }
    if (!lastStart || !isReady(paths.ready, lastStart)) {
      throw new Error('the start after the kills never had the folder read');
    }
    lap('kills: last start ready');
    // Read while the window is still open, and again for a while: the new window may be writing
    // its index right now (a temporary file for a few milliseconds), which is not a leftover.
    // Closing it first would cut such a write off and leave exactly the file this looks for.
    let left = leftovers(setup.dataDir);
    for (let waited = 0; left.length > 0 && waited < 15_000; waited += 250) {
      await sleep(250);
      left = leftovers(setup.dataDir);
    }
    await page.close();
    lap('kills: leftovers checked');
    check('the next start leaves no temporary or lock file behind', left.join(', ') || undefined);
  } catch (error) {
    check('the fault run completes', String((error as Error).stack ?? error));
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `TWO_HATS_GREP=stress` (or `kill`) runs one part alone; both run by default, one after the other. */
async function main(): Promise<number> {
  const grep = process.env['TWO_HATS_GREP']?.toLowerCase();
  if (!grep || 'killing the extension host during saves'.includes(grep)) {
    await runKills();
    lap('kills done');
  }
  // Three windows at once, after the kills: one code-server at a time on two cores.
  if (!grep || 'stress three windows at once'.includes(grep)) {
    results.push(...(await runStress()));
    lap('stress done');
  }
  if (!grep || 'killing the extension host during encryption and decryption'.includes(grep)) {
    results.push(...(await runConversionKills()));
    lap('conversion kills done');
  }
  console.log('\n  Faults: killing the extension host during saves and during encryption, and three windows at once (code-server, VS Code 1.139)');
  for (const result of results) {
    console.log(`    ${result.problem ? '✖' : '✔'} ${result.name}${result.problem ? `\n        ${result.problem}` : ''}`);
  }
  const failed = results.filter((r) => r.problem).length;
  console.log(`\n  ${results.length - failed} passing, ${failed} failing\n`);
  const failures = results.filter((r) => r.problem).map((r) => ({ title: r.name, error: String(r.problem) }));
  writeLaneResult('faults', results.length - failed, failed, failures);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    writeLaneResult('faults', 0, 1, [{ title: 'the faults lane itself', error: String(error) }]);
    process.exit(1);
  },
);
