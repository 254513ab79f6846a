/**
 * `npm run bench`: figures, never pass/fail. Each figure is printed beside a baseline measured in
 * the same run on the same machine, as a ratio, so the numbers compare across machines.
 * Covers the pure work behind the sidebar and 1:1s; the VS Code–hosted figures (activation, first
 * render, save through the editor) are measured in the real host by a later benchmark.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../harness/paths';
import { hostBenchmarks, REPEATS, workBenchmarks, type HostFigure } from './host';
import { freshWindowBenchmark } from './freshWindow';
import { encryptionHostBenchmarks, failIfReadable, printEncryptionHost } from './encryptionHost';
import { searchAndBackupBenchmarks } from './searchAndBackup';
import { launchBrowser } from '../harness/workbench';
import { buildSnapshot, weekBalance } from '../../src/host/sidebar/snapshot';
import { composeNote } from '../../src/shared/oneOnOnes/compose';
import { deriveNoteMeta, headerOf, parseNoteIndex, serializeNoteIndex, type NoteMeta } from '../../src/shared/oneOnOnes/noteIndex';
import { NotesByPerson } from '../../src/shared/oneOnOnes/notesByPerson';
import { searchNotes } from '../../src/shared/oneOnOnes/search';
import { findTemplate } from '../../src/shared/oneOnOnes/templates';
import { findPrinciple } from '../../src/shared/principles/catalogue';
import type { Person } from '../../src/shared/team';

function people(count: number): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    name: `Person ${i}`,
    role: 'Engineer',
    cadence: 'weekly' as const,
    archived: i % 10 === 0,
    addedOn: '2026-01-05',
  }));
}

function notes(count: number, peopleCount: number): NoteMeta[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    personId: `p${i % Math.max(peopleCount, 1)}`,
    date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    templateId: 'weekly',
    title: `Note ${i}`,
    createdAt: i,
    updatedAt: i,
    openItems: i % 3 === 0 ? [{ line: 40, text: `Follow up on item ${i} @person` }] : [],
  }));
}

/** Median of repeated runs, in milliseconds, after a warm-up. */
function measure(run: () => unknown, repeats = 30): number {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

interface Row {
  name: string;
  baselineName: string;
  value: number;
  baseline: number;
}

const rows: Row[] = [];
function compare(name: string, run: () => unknown, baselineName: string, baseline: () => unknown, repeats = 30): void {
  rows.push({ name, baselineName, value: measure(run, repeats), baseline: measure(baseline, repeats) });
}

const bigTeam = people(200);
const bigNotes = new NotesByPerson(notes(10_000, 200));
const emptyNotes = new NotesByPerson();
compare(
  'sidebar snapshot, 200 people, 10,000 notes',
  () => buildSnapshot({ storage: { kind: 'ready', scope: 'workspace' }, people: bigTeam, hat: 'leader', notesOf: (id) => bigNotes.forPerson(id), balance: weekBalance(bigNotes.all, bigTeam, '2026-11-22'), today: '2026-11-22' }),
  'empty store',
  () => buildSnapshot({ storage: { kind: 'ready', scope: 'workspace' }, people: [], hat: 'leader', notesOf: (id) => emptyNotes.forPerson(id), balance: weekBalance([], [], '2026-11-22'), today: '2026-11-22' }),
);

const template = findTemplate('weekly')!;
const principleTitle = (id: string) => findPrinciple(id)?.title;
compare(
  'compose a 1:1 note, 10 items carried',
  () =>
    composeNote(template, {
      person: 'Ada',
      date: '2026-11-22',
      carriedItems: Array.from({ length: 10 }, (_, i) => ({ line: i, text: `Item ${i}`, done: false })),
      talkingPoints: ['A', 'B'],
      principleTitle,
    }),
  'nothing carried',
  () => composeNote(template, { person: 'Ada', date: '2026-11-22', carriedItems: [], talkingPoints: [], principleTitle }),
);

const noteText = (i: number) =>
  `# 1:1 with Person ${i % 200}\n\n## Their topics first\n\nTalked about release ${i}, the roadmap and hiring.\n\n## Action items\n\n- [ ] Follow up on item ${i} @person\n`.repeat(3);
const tenNotes = notes(10, 10);
const tenThousand = notes(10_000, 200);
const savedText = noteText(0);
const bigCollection = new NotesByPerson(tenThousand);
const smallCollection = new NotesByPerson(tenNotes);
compare(
  'a save’s index work (derive + update in place), 10,000 notes',
  () => bigCollection.put(deriveNoteMeta(headerOf(tenThousand[0]!), savedText, Date.now())),
  '10 notes',
  () => smallCollection.put(deriveNoteMeta(headerOf(tenNotes[0]!), savedText, Date.now())),
);
compare(
  'index written in the background after a burst of saves, 10,000 notes',
  () => serializeNoteIndex(bigCollection.all),
  '10 notes',
  () => serializeNoteIndex(smallCollection.all),
);
const bigIndexText = serializeNoteIndex(tenThousand);
const smallIndexText = serializeNoteIndex(tenNotes);
compare('note index read at start, 10,000 notes', () => parseNoteIndex(bigIndexText), '10 notes', () => parseNoteIndex(smallIndexText));

const tenThousandTexts = Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, text: noteText(i) }));
const tenTexts = tenThousandTexts.slice(0, 10);
compare('search all notes for two words, 10,000 notes', () => searchNotes(tenThousandTexts, 'roadmap 9999'), '10 notes', () => searchNotes(tenTexts, 'roadmap 9999'), 10);

function printPure(): void {
  console.log(`Two Hats benchmarks, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}\n`);
  console.log('Pure work (Node, no VS Code), median of repeated runs:\n');
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) {
    console.log(
      `  ${row.name.padEnd(width)}  ${row.value.toFixed(3).padStart(9)} ms   vs ${row.baselineName}: ${row.baseline.toFixed(3).padStart(8)} ms   ratio ${(row.value / Math.max(row.baseline, 0.001)).toFixed(1)}×`,
    );
  }
}

function printHost(figures: readonly HostFigure[]): void {
  console.log(`\nIn the real host (code-server, VS Code 1.139, Debian Chromium), medians of ${REPEATS} unless noted:\n`);
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    const digits = f.unit === 'KB' ? 1 : 0;
    console.log(
      `  ${f.name.padEnd(width)}  ${f.value.toFixed(digits).padStart(8)} ${f.unit}   vs ${f.floorName}: ${f.floor.toFixed(digits).padStart(7)} ${f.unit}   ratio ${(f.value / Math.max(f.floor, 0.001)).toFixed(2)}×${f.target ? `   target ${f.target}` : ''}`,
    );
  }
}

/** Packs the VSIX the way `npm run package` does, from the production build just made. */
function vsixKb(): number {
  const out = path.join(REPO_ROOT, 'out', 'bench', 'two-hats.vsix');
  mkdirSync(path.dirname(out), { recursive: true });
  execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
  });
  return statSync(out).size / 1024;
}

/** The fresh-window figure, on a large and a small store, each in its own code-server. */
async function freshWindows(): Promise<void> {
  const browser = await launchBrowser();
  try {
    for (const seed of [{ people: 200, notes: 10_000 }, { people: 1, notes: 10 }]) {
      await freshWindowBenchmark(browser, seed);
    }
  } finally {
    await browser.close();
  }
}

/**
 * `npm run bench` runs everything (about 14 minutes on the 2-core machine: fresh windows 6, the
 * work figures 3, search and the backups 3, encryption 2).
 * `TWO_HATS_BENCH=fresh npm run bench` runs only the fresh-window figures; `TWO_HATS_BENCH=encryption`
 * only encryption at rest's, plain beside encrypted in one window; `TWO_HATS_BENCH=search-backup`
 * only search, the backups and saves beside the first backup; `TWO_HATS_BENCH=work` only the work
 * figures (sidebar render, start a 1:1, save, search) on the small store and then on 200 people
 * and 10,000 notes, without the activation windows.
 */
const onlyFresh = process.env['TWO_HATS_BENCH'] === 'fresh';
const onlyEncryption = process.env['TWO_HATS_BENCH'] === 'encryption';
const onlySearchAndBackup = process.env['TWO_HATS_BENCH'] === 'search-backup';
const onlyWork = process.env['TWO_HATS_BENCH'] === 'work';

async function main(): Promise<void> {
  if (onlyEncryption) {
    const encryption = await encryptionHostBenchmarks();
    printEncryptionHost(encryption);
    failIfReadable(encryption);
    return;
  }
  if (onlySearchAndBackup || onlyWork) {
    const browser = await launchBrowser();
    try {
      printHost(await (onlyWork ? workBenchmarks(browser) : searchAndBackupBenchmarks(browser)));
    } finally {
      await browser.close();
    }
    return;
  }
  if (!onlyFresh) {
    printPure();
  }
  await freshWindows();
  if (onlyFresh) {
    return;
  }
  printHost(await hostBenchmarks());
  const browser = await launchBrowser();
  try {
    printHost(await searchAndBackupBenchmarks(browser));
  } finally {
    await browser.close();
  }
  const encryption = await encryptionHostBenchmarks();
  printEncryptionHost(encryption);
  console.log(`\n  VSIX package: ${vsixKb().toFixed(1)} KB`);
  failIfReadable(encryption);
}

main().catch((error: unknown) => {
  console.error('\nThe real-host benchmarks could not run:', error);
  process.exitCode = 1;
});
