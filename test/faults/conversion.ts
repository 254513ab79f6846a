/**
 * The conversion part of the fault lane: Encrypt My Notes and Decrypt My Notes, run by Two Hats in
 * a real extension host, killed (SIGKILL) at a random point of the conversion, a few times each
 * way. After every kill each note must be whole in its old form or its new one and readable as
 * the folder stands; the next start must finish (or drop) the conversion, leave every note in one
 * form and read every note back; after an encryption that went through, no raw byte of the data
 * folder or of global storage may hold a note's text.
 */
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { decryptFile, isEnvelope } from '../../src/host/encryption/envelope';
import { unwrapDataKey } from '../../src/host/encryption/keyWrapping';
import { canonicalName } from '../../src/shared/encryption/logicalNames';
import { ENCRYPTION_JOURNAL_FILE, ENCRYPTION_KEY_FILE, NOTES_FOLDER, noteBodyName } from '../../src/shared/storageLayout';
import { PRODUCT_EXTENSION, startCodeServer } from '../harness/codeServer';
import { REPO_ROOT } from '../harness/paths';
import { launchBrowser, openWorkbench } from '../harness/workbench';
import { CONVERSION_KILLS, CONVERSION_NOTES, CONVERSION_PASSPHRASE, CONVERSION_SENTINEL, conversionFiles, conversionNote, type ConversionSetup, type Direction, type ReadyReport } from './conversionShared';
import { isAlive, lap } from './shared';
import type { Check } from './stress';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The folder as the kill left it: which marker files there are. */
interface Markers {
  readonly keyfile: string | undefined;
  readonly journal: boolean;
}

function markersOf(dataDir: string): Markers {
  const keyfile = path.join(dataDir, ENCRYPTION_KEY_FILE);
  return { keyfile: existsSync(keyfile) ? readFileSync(keyfile, 'utf8') : undefined, journal: existsSync(path.join(dataDir, ENCRYPTION_JOURNAL_FILE)) };
}

function bodyPath(setup: ConversionSetup, id: string): string {
  return path.join(setup.dataDir, NOTES_FOLDER, noteBodyName(id));
}

/** Whether a note's body is stored encrypted, from its first bytes only (cheap enough to poll). */
function storedEncrypted(file: string): boolean {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    return isEnvelope(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
  } finally {
    closeSync(fd);
  }
}

const keys = new Map<string, Buffer | undefined>();

/** The data key the key file wraps (scrypt once per key file). */
async function dataKeyOf(keyfile: string): Promise<Buffer | undefined> {
  if (!keys.has(keyfile)) {
    const unwrapped = await unwrapDataKey(CONVERSION_PASSPHRASE, keyfile);
    keys.set(keyfile, unwrapped.ok ? unwrapped.dataKey : undefined);
  }
  return keys.get(keyfile);
}

/**
 * Every note, read from its raw bytes: whole in one form or the other, its text intact, and in a
 * form the folder accepts (without a journal, only the one the key file says). `only` narrows the
 * accepted forms further (after a finished conversion).
 */
async function noteProblems(setup: ConversionSetup, markers: Markers, only?: 'plain' | 'encrypted'): Promise<string[]> {
  const problems: string[] = [];
  const key = markers.keyfile === undefined ? undefined : await dataKeyOf(markers.keyfile);
  for (const [k, id] of setup.noteIds.entries()) {
    const raw = readFileSync(bodyPath(setup, id));
    const encrypted = isEnvelope(raw);
    const form = encrypted ? 'encrypted' : 'plain';
    if (only && form !== only) {
      problems.push(`note ${k} is ${form}, not ${only}`);
      continue;
    }
    if (!markers.journal && encrypted !== (markers.keyfile !== undefined)) {
      problems.push(`note ${k} is ${form} in a folder that is ${markers.keyfile ? 'encrypted' : 'plain'}, with no conversion under way`);
    }
    let text: string;
    if (encrypted) {
      if (!key) {
        problems.push(`note ${k} is encrypted but no key file opens it`);
        continue;
      }
      const decrypted = decryptFile(key, canonicalName(`${NOTES_FOLDER}/${noteBodyName(id)}`), raw);
      if (!decrypted.ok) {
        problems.push(`note ${k} does not decrypt: ${decrypted.reason}`);
        continue;
      }
      text = decrypted.plaintext.toString('utf8');
    } else {
      text = raw.toString('utf8');
    }
    if (text !== conversionNote(k)) {
      problems.push(`note ${k} is torn or changed (${form}, ${text.length} chars)`);
    }
  }
  return problems;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** Files in the data folder and in Two Hats' global storage (the backups) holding the sentinel. */
function plainSentinels(setup: ConversionSetup): string[] {
  // <user data>/User/workspaceStorage/<id>/<extension> → <user data>/User/globalStorage/<extension>
  const global = path.join(setup.dataDir, '..', '..', '..', 'globalStorage', path.basename(setup.dataDir));
  const needle = Buffer.from(CONVERSION_SENTINEL, 'utf8');
  return [...filesUnder(setup.dataDir), ...filesUnder(global)].filter((file) => readFileSync(file).includes(needle)).map((file) => path.basename(file));
}

/**
 * Every window's writer reports once its host is up. A window whose host was killed restarts it
 * by itself (VS Code does, up to three times in five minutes): that host reports too, and may do
 * so after its window was closed, as it goes. So a report counts only from a host still running a
 * moment later; the rest are passed over (a CI run picked such a report three times running, and
 * each kill found its host gone).
 */
async function waitForReady(dir: string, seen: Set<string>, ms: number): Promise<ReadyReport> {
  const deadline = Date.now() + ms;
  for (;;) {
    const names = readdirSync(dir);
    // A host going with its window may fail as it goes: only a live host's failure counts.
    const error = names.find((name) => /^error-\d+\.log$/.test(name) && !seen.has(name) && isAlive(Number(/\d+/.exec(name)![0])));
    if (error) {
      throw new Error(`the conversion writer failed: ${readFileSync(path.join(dir, error), 'utf8')}`);
    }
    for (const ready of names.filter((name) => /^ready-\d+\.json$/.test(name) && !seen.has(name))) {
      let report: ReadyReport;
      try {
        report = JSON.parse(readFileSync(path.join(dir, ready), 'utf8')) as ReadyReport;
      } catch {
        continue; // Still being written: read again next time round.
      }
      if (!isAlive(report.pid)) {
        seen.add(ready);
        continue;
      }
      await sleep(REPORT_SETTLE_MS);
      if (isAlive(report.pid)) {
        seen.add(ready);
        return report;
      }
    }
    if (Date.now() > deadline) {
      throw new Error('timed out waiting for a window to start');
    }
    await sleep(100);
  }
}

/**
 * Waits for a random point of the conversion, then kills the host: as the journal appears, or
 * once a random number of notes are in the target form. Says where it struck.
 */
async function killSomewhereIn(dir: string, setup: ConversionSetup, direction: Direction, pid: number): Promise<string> {
  const journal = path.join(setup.dataDir, ENCRYPTION_JOURNAL_FILE);
  // -1: as the journal appears; otherwise after 0 to all but two notes, so the kill lands while
  // the conversion is still under way.
  const notesDone = Math.floor(Math.random() * CONVERSION_NOTES) - 1;
  const deadline = Date.now() + 60_000;
  const inTarget = () => setup.noteIds.filter((id) => storedEncrypted(bodyPath(setup, id)) === (direction === 'encrypt')).length;
  while (!existsSync(journal) && !existsSync(conversionFiles(dir, pid).converted) && Date.now() < deadline) {
    await sleep(1);
  }
  let done = inTarget();
  while (done < notesDone && Date.now() < deadline) {
    await sleep(1);
    done = inTarget();
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return `${direction}: the host was gone before the kill`;
  }
  return `${direction} killed with ${done} of ${CONVERSION_NOTES} notes converted`;
}

/** How long a reporting host must stay up to count as its window's (see waitForReady). */
const REPORT_SETTLE_MS = 1000;

/** At most this many kills more than CONVERSION_KILLS, to strike an encryption and a decryption under way. */
const EXTRA_KILLS_FOR_BOTH_WAYS = 3;

export async function runConversionKills(): Promise<Check[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'two-hats-conversion-'));
  const base = path.join(dir, 'profile');
  mkdirSync(base);
  const server = await startCodeServer({
    persistentDir: base,
    extensions: [PRODUCT_EXTENSION, { source: path.join(REPO_ROOT, 'out', 'test', 'host-companion'), include: ['package.json', 'main.js'] }],
    env: { TWO_HATS_FAULT_ENTRY: path.join(REPO_ROOT, 'out', 'test', 'faults', 'conversionWriter.js'), TWO_HATS_FAULT_DIR: dir },
  });
  let browser: Browser | undefined;
  const title = `Encrypt and Decrypt My Notes, the extension host killed at a random point of the conversion ${CONVERSION_KILLS} times or more`;
  const afterKills: string[] = [];
  const afterStarts: string[] = [];
  const struck: string[] = [];
  const started = { encrypt: 0, decrypt: 0 };
  // A kill that lands before an encryption's key file exists leaves the notes plain, so the next
  // one encrypts again: more kills (a few at most) until a conversion under way was struck each way.
  const struckBothWays = () => started.encrypt > 0 && started.decrypt > 0;
  try {
    browser = await launchBrowser();
    const seen = new Set<string>();
    let page: Page = await openWorkbench(browser, server.url);
    lap('conversion: code-server started');
    let ready = await waitForReady(dir, seen, 5 * 60_000);
    lap('conversion: first window ready, notes set up');
    const setup = JSON.parse(readFileSync(conversionFiles(dir).setup, 'utf8')) as ConversionSetup;
    for (let kill = 1; kill <= CONVERSION_KILLS || (!struckBothWays() && kill <= CONVERSION_KILLS + EXTRA_KILLS_FOR_BOTH_WAYS); kill++) {
      const before = markersOf(setup.dataDir);
      const direction: Direction = before.keyfile === undefined ? 'encrypt' : 'decrypt';
      writeFileSync(conversionFiles(dir, ready.pid).go, direction);
      struck.push(await killSomewhereIn(dir, setup, direction, ready.pid));
      lap(`conversion: ${struck.at(-1)}`);
      await sleep(300);
      const left = markersOf(setup.dataDir);
      afterKills.push(...(await noteProblems(setup, left)).map((p) => `after kill ${kill} (${direction}): ${p}`));
      // Whether the next start must finish the conversion: an encryption once its key file
      // exists, a decryption once its journal exists (or its key file is gone already).
      const goesThrough = direction === 'encrypt' ? left.keyfile !== undefined : left.journal || left.keyfile === undefined;
      if (goesThrough) {
        started[direction]++;
      }
      await page.context().close();
      // A host the killed window restarted by itself has reported by now, or goes with its window.
      await sleep(REPORT_SETTLE_MS);
      readdirSync(dir).filter((name) => name.startsWith('ready-')).forEach((name) => seen.add(name));
      page = await openWorkbench(browser, server.url);
      ready = await waitForReady(dir, seen, 3 * 60_000);
      lap('conversion: next start ready');
      const settled = markersOf(setup.dataDir);
      const target = goesThrough === (direction === 'encrypt') ? 'encrypted' : 'plain';
      const problems = [...ready.unreadable, ...(await noteProblems(setup, settled, target))];
      if (settled.journal) {
        problems.push('the journal is still there');
      }
      if ((settled.keyfile !== undefined) !== (target === 'encrypted')) {
        problems.push(`the key file is ${settled.keyfile ? 'there' : 'gone'} though the notes are ${target}`);
      }
      if (target === 'encrypted') {
        const plain = plainSentinels(setup);
        if (plain.length > 0) {
          problems.push(`a note's text is readable in ${plain.slice(0, 4).join(', ')}`);
        }
      }
      afterStarts.push(...problems.map((p) => `start after kill ${kill} (${direction}, ${target}): ${p}`));
    }
    await page.context().close();
  } catch (error) {
    return [{ name: title, problem: String((error as Error).stack ?? error) }];
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`    conversion kills: ${struck.join('; ')}`);
  return [
    {
      name: `${title}: after every kill each note is whole, in its old or new form, and readable`,
      ...(afterKills.length ? { problem: afterKills.slice(0, 5).join('; ') } : {}),
    },
    {
      name: 'the next start finishes the conversion: every note in the target form and read back, no plain note text left after an encryption',
      ...(afterStarts.length ? { problem: afterStarts.slice(0, 5).join('; ') } : {}),
    },
    {
      name: 'the kills struck conversions under way both ways',
      ...(struckBothWays() ? {} : { problem: `encryptions under way: ${started.encrypt}, decryptions: ${started.decrypt} (${struck.join('; ')})` }),
    },
  ];
}
