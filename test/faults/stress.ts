/**
 * The stress part of the fault lane: three windows (three browser pages on one code-server, each
 * its own extension host) on one workspace add people, queue talking points and save notes at the
 * same time, while this process rewrites other note files on disk as a sync tool or an editor
 * would. Afterwards every acknowledged change must be there and no file torn.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { noteBodyName, NOTES_FOLDER, TEAM_FILE } from '../../src/shared/storageLayout';
import { parseTeamFile } from '../../src/shared/storedTeam';
import { PRODUCT_EXTENSION, startCodeServer } from '../harness/codeServer';
import { REPO_ROOT } from '../harness/paths';
import { launchBrowser, openWorkbenchIn } from '../harness/workbench';
import { lap } from './shared';
import { OPS_PER_WINDOW, OUTSIDE_EDITS, outsideVersion, stressFiles, stressNoteVersion, WINDOWS, type StressSetup } from './stressShared';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Check {
  readonly name: string;
  readonly problem?: string;
}

function setups(dir: string): StressSetup[] {
  return readdirSync(dir)
    .filter((name) => /^setup-\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as StressSetup);
}

function errors(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /^error-\d+\.log$/.test(name))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

async function waitFor(what: string, dir: string, ready: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    const failed = errors(dir);
    if (failed.length > 0) {
      throw new Error(`a window failed: ${failed[0]}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await sleep(100);
  }
}

function acknowledged(dir: string, pid: number): number {
  const acks = stressFiles(dir, pid).acks;
  return existsSync(acks) ? readFileSync(acks, 'utf8').split('\n').filter(Boolean).length : 0;
}

/** Every acknowledged change of every window, against what is on disk: a sentence per problem. */
function verify(dir: string, windows: StressSetup[], lastOutside: number): string[] {
  const problems: string[] = [];
  const dataDir = windows[0]!.dataDir;
  const team = parseTeamFile(readFileSync(path.join(dataDir, TEAM_FILE), 'utf8'));
  if (!team.ok) {
    return [`${TEAM_FILE}: ${team.reason}`];
  }
  const names = team.file.people.map((person) => person.name);
  if (new Set(names).size !== names.length) {
    problems.push('a person appears twice');
  }
  for (const window of windows) {
    const acks = readFileSync(stressFiles(dir, window.pid).acks, 'utf8').split('\n');
    const numbers = (kind: string) => acks.flatMap((line) => (line.startsWith(`${kind} `) ? [Number(line.slice(kind.length + 1))] : []));
    const missingPeople = numbers('person').filter((i) => !names.includes(`Stress ${window.pid} ${i}`));
    if (missingPeople.length > 0) {
      problems.push(`window ${window.pid}: acknowledged people lost: ${missingPeople.join(', ')}`);
    }
    const points = team.file.people.find((person) => person.id === window.personId)?.talkingPoints?.map((p) => p.text) ?? [];
    const missingPoints = numbers('point').filter((i) => !points.includes(`Point ${window.pid} ${i}`));
    if (missingPoints.length > 0) {
      problems.push(`window ${window.pid}: acknowledged talking points lost: ${missingPoints.join(', ')}`);
    }
    const lastSave = numbers('note').at(-1);
    const own = readFileSync(path.join(dataDir, NOTES_FOLDER, noteBodyName(window.ownNote)), 'utf8');
    if (lastSave === undefined || own !== stressNoteVersion(window.pid, lastSave)) {
      problems.push(`window ${window.pid}: its note is not its last acknowledged save ${lastSave} (${own.length} chars, ends ${JSON.stringify(own.slice(-30))})`);
    }
    const outside = readFileSync(path.join(dataDir, NOTES_FOLDER, noteBodyName(window.outsideNote)), 'utf8');
    if (outside !== outsideVersion(window.outsideNote, lastOutside)) {
      problems.push(`note edited outside: not the last outside version ${lastOutside} (${outside.length} chars)`);
    }
  }
  return problems;
}

export async function runStress(): Promise<Check[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'two-hats-stress-'));
  const base = path.join(dir, 'profile');
  mkdirSync(base);
  const server = await startCodeServer({
    persistentDir: base,
    extensions: [PRODUCT_EXTENSION, { source: path.join(REPO_ROOT, 'out', 'test', 'host-companion'), include: ['package.json', 'main.js'] }],
    env: { TWO_HATS_FAULT_ENTRY: path.join(REPO_ROOT, 'out', 'test', 'faults', 'stressWriter.js'), TWO_HATS_FAULT_DIR: dir },
  });
  lap('stress: code-server started');
  const browser = await launchBrowser();
  const checks: Check[] = [];
  const title = `${WINDOWS} windows, ${OPS_PER_WINDOW} operations each (people, talking points, note saves) at once, while another process edits notes on disk`;
  try {
    // Three windows of one browser, as three tabs are: the second and third load the workbench
    // from the first one's cache.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const pages: Page[] = [];
    for (let w = 0; w < WINDOWS; w++) {
      pages.push(await openWorkbenchIn(context, server.url));
    }
    await waitFor(`${WINDOWS} windows to start`, dir, () => setups(dir).length >= WINDOWS, 5 * 60_000);
    const windows = setups(dir);
    lap(`stress: ${WINDOWS} windows ready`);
    writeFileSync(stressFiles(dir).go, 'go');
    const started = Date.now();
    // The outside editor: plain writes (truncate, then write), as an editor or a sync tool makes.
    let lastOutside = 0;
    let lastReport = Date.now();
    const allDone = () => windows.every((w) => existsSync(stressFiles(dir, w.pid).done));
    while (lastOutside < OUTSIDE_EDITS || !allDone()) {
      if (lastOutside < OUTSIDE_EDITS) {
        lastOutside++;
        for (const window of windows) {
          writeFileSync(path.join(window.dataDir, NOTES_FOLDER, noteBodyName(window.outsideNote)), outsideVersion(window.outsideNote, lastOutside));
        }
      }
      if (errors(dir).length > 0 || Date.now() - started > 10 * 60_000) {
        break;
      }
      if (Date.now() - lastReport > 20_000) {
        lastReport = Date.now();
        console.log(`    stress: ${Math.round((lastReport - started) / 1000)} s, acknowledged ${windows.map((w) => acknowledged(dir, w.pid)).join(' / ')} of ${OPS_PER_WINDOW}`);
      }
      await sleep(75);
    }
    lap('stress: every window done');
    await waitFor('every window to finish', dir, allDone, 1000);
    const problems = verify(dir, windows, lastOutside);
    checks.push({ name: `${title}: every acknowledged change is there, no file torn`, ...(problems.length ? { problem: problems.slice(0, 6).join('; ') } : {}) });
    await context.close();
  } catch (error) {
    checks.push({ name: title, problem: String((error as Error).stack ?? error) });
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return checks;
}
