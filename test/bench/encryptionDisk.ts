/**
 * Encryption at rest's cost where a user waits, on a real disk in Node: the same work on a plain
 * and an encrypted store of 10,000 notes in the same run, each figure beside its plain twin.
 * - a save: one note written as the store writes it (temporary file, fsync, rename), after
 *   encrypting it when the store is encrypted;
 * - the data the sidebar's first paint waits for: the team and the 10,000-entry note index read
 *   and parsed (decrypted first when encrypted);
 * - the session's first search: every note read (and decrypted) and searched.
 * These are the host's share of each wait, not the click-to-paint time a user sees (the real-host
 * figures above); what encryption adds to a wait is all in this share.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { decryptFile, encryptFile } from '../../src/host/encryption/envelope';
import { parseNoteIndex, serializeNoteIndex, type NoteMeta } from '../../src/shared/oneOnOnes/noteIndex';
import { searchNotes } from '../../src/shared/oneOnOnes/search';

const NOTES = 10_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface DiskFigure {
  readonly name: string;
  readonly encrypted: number;
  readonly plain: number;
  readonly target: string;
}

function noteText(i: number): string {
  return `# 1:1 with Person ${i % 200}\n\n## Their topics first\n\nTalked about release ${i}, the roadmap and hiring.\n\n## Action items\n\n- [ ] Follow up on item ${i} @person\n`.repeat(3);
}

function metaOf(i: number): NoteMeta {
  return {
    id: `n${i}`,
    personId: `p${i % 200}`,
    date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    templateId: 'weekly',
    title: `Note ${i}`,
    createdAt: i,
    updatedAt: i,
    openItems: i % 3 === 0 ? [{ line: 40, text: `Follow up on item ${i} @person` }] : [],
  };
}

/** A store on disk: notes, index and team, plain or sealed with `key` under their own names. */
class Store {
  constructor(
    readonly dir: string,
    readonly key: Buffer | undefined,
  ) {}

  encode(name: string, text: string): Uint8Array {
    const bytes = encoder.encode(text);
    return this.key ? encryptFile(this.key, name, bytes) : bytes;
  }

  decode(name: string, bytes: Uint8Array): string {
    if (!this.key) {
      return decoder.decode(bytes);
    }
    const opened = decryptFile(this.key, name, bytes);
    if (!opened.ok) {
      throw new Error(`${name}: ${opened.reason}`);
    }
    return decoder.decode(opened.plaintext);
  }

  seed(team: string, index: string): void {
    writeFileSync(path.join(this.dir, 'team.json'), this.encode('team.json', team));
    writeFileSync(path.join(this.dir, 'notes-index.json'), this.encode('notes-index.json', index));
    for (let i = 0; i < NOTES; i++) {
      writeFileSync(path.join(this.dir, `n${i}.md`), this.encode(`notes/n${i}.md`, noteText(i)));
    }
  }

  /** As the store saves: a temporary file, its bytes flushed, renamed over the note. */
  async save(i: number, text: string): Promise<void> {
    const target = path.join(this.dir, `n${i}.md`);
    const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(this.encode(`notes/n${i}.md`, text));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  }

  async firstPaintData(): Promise<number> {
    const [team, index] = await Promise.all([readFile(path.join(this.dir, 'team.json')), readFile(path.join(this.dir, 'notes-index.json'))]);
    JSON.parse(this.decode('team.json', team));
    const parsed = parseNoteIndex(this.decode('notes-index.json', index));
    return parsed.ok ? parsed.notes.length : -1;
  }

  async firstSearch(): Promise<number> {
    const texts: { id: string; text: string }[] = [];
    for (let i = 0; i < NOTES; i += 64) {
      const chunk = await Promise.all(
        Array.from({ length: Math.min(64, NOTES - i) }, async (_, k) => {
          const id = `n${i + k}`;
          return { id, text: this.decode(`notes/${id}.md`, await readFile(path.join(this.dir, `${id}.md`))) };
        }),
      );
      texts.push(...chunk);
    }
    return searchNotes(texts, 'roadmap 9999').length;
  }
}

async function median(run: () => Promise<unknown>, repeats: number): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Each figure measured on both stores, alternating, so a busy moment hits both alike. */
async function pair(name: string, target: string, plain: Store, encrypted: Store, run: (store: Store) => Promise<unknown>, repeats: number): Promise<DiskFigure> {
  const times = { plain: [] as number[], encrypted: [] as number[] };
  for (let round = 0; round < 3; round++) {
    times.plain.push(await median(() => run(plain), repeats));
    times.encrypted.push(await median(() => run(encrypted), repeats));
  }
  const mid = (values: number[]) => values.sort((a, b) => a - b)[1]!;
  return { name, target, plain: mid(times.plain), encrypted: mid(times.encrypted) };
}

export async function encryptionDiskBenchmarks(): Promise<DiskFigure[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'two-hats-bench-crypt-'));
  try {
    const team = JSON.stringify({ schemaVersion: 1, people: Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, role: 'Engineer', cadence: 'weekly' })) });
    const index = serializeNoteIndex(Array.from({ length: NOTES }, (_, i) => metaOf(i)));
    const stores = [new Store(path.join(root, 'plain'), undefined), new Store(path.join(root, 'encrypted'), randomBytes(32))] as const;
    for (const store of stores) {
      mkdirSync(store.dir);
      store.seed(team, index);
    }
    const [plain, encrypted] = stores;
    const edited = `${noteText(42)}\n- [ ] One more thing\n`;
    return [
      await pair('save a note, 10,000 notes (encrypt, write, fsync, rename)', '≤ 1.2×', plain, encrypted, (store) => store.save(42, edited), 15),
      await pair('data for the first sidebar paint (team and 10,000-entry index read and parsed)', '≤ 1.2×', plain, encrypted, (store) => store.firstPaintData(), 9),
      await pair('the session’s first search (10,000 notes read and searched)', '≤ 1.5×', plain, encrypted, (store) => store.firstSearch(), 3),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function printEncryptionDisk(figures: readonly DiskFigure[]): void {
  console.log('\nEncryption at rest, on disk in Node (the host’s share of each wait), median of three rounds:\n');
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    console.log(
      `  ${f.name.padEnd(width)}  ${f.encrypted.toFixed(1).padStart(8)} ms encrypted   vs plain: ${f.plain.toFixed(1).padStart(7)} ms   ratio ${(f.encrypted / Math.max(f.plain, 0.001)).toFixed(2)}×   target ${f.target}`,
    );
  }
}
