/** Writes a team and its notes straight into Two Hats' storage, the way they lie after months of use. */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deriveNoteMeta, parseNoteIndex, serializeNoteHeader, serializeNoteIndex, type NoteMeta } from '../../src/shared/oneOnOnes/noteIndex';
import { serializeTeamFile } from '../../src/shared/storedTeam';
import type { Person } from '../../src/shared/team';

export interface Seeded {
  readonly people: Person[];
  readonly notes: NoteMeta[];
}

export function noteBody(i: number, person: string): string {
  return (
    `# 1:1 with ${person} · note ${i}\n\n*Weekly check-in*\n\n## Their topics first\n\nCheck-in: ${1 + (i % 10)}/10\n\n` +
    `Talked about release ${i}, the roadmap, hiring and the on-call rota.\n\n## Action items\n\n- [ ] Follow up on item ${i} @owner #management\n\n## Private notes\n\n`
  ).repeat(2);
}

/**
 * `oldestNoteWord`, when given, is written into the oldest note alone: the note a first search
 * reads last (newest first), so a search for it answers only once every note has been read.
 */
export function seedStorage(dataDir: string, peopleCount: number, noteCount: number, oldestNoteWord?: string): Seeded {
  const people: Person[] = Array.from({ length: peopleCount }, (_, i) => ({
    id: `bench-person-${i}`,
    name: `Person ${String(i).padStart(3, '0')}`,
    role: 'Engineer',
    cadence: 'weekly',
    archived: false,
    addedOn: '2026-01-05',
  }));
  const notesDir = path.join(dataDir, 'notes');
  mkdirSync(notesDir, { recursive: true });
  const notes: NoteMeta[] = [];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < noteCount; i++) {
    const person = people[i % peopleCount]!;
    const date = new Date(start + Math.floor(i / peopleCount) * 7 * 86_400_000).toISOString().slice(0, 10);
    const header = { id: randomUUID(), personId: person.id, date, templateId: 'weekly', title: `${person.name} · ${date} · Weekly check-in`, createdAt: start + i };
    const body = i === 0 && oldestNoteWord ? `${noteBody(i, person.name)}${oldestNoteWord}\n` : noteBody(i, person.name);
    writeFileSync(path.join(notesDir, `${header.id}.md`), body);
    writeFileSync(path.join(notesDir, `${header.id}.header.json`), serializeNoteHeader(header));
    // Stamped ahead of the files' own times, as after Two Hats wrote them, so nothing looks edited outside.
    notes.push(deriveNoteMeta(header, body, Date.now() + 60_000));
  }
  writeFileSync(path.join(dataDir, 'notes-index.json'), serializeNoteIndex(notes));
  writeFileSync(path.join(dataDir, 'team.json'), serializeTeamFile(people));
  return { people, notes };
}

/**
 * Waits until the store's note index on disk lists every seeded note. The seed is written into a
 * store that is open: its watcher sees the files arrive and the next load writes the index it
 * holds (a part of the notes) over the seeded one; the rest are found by the load's check in the
 * background. A figure timed before that check is done measures the check, not what it names
 * (the first search read a third of the notes again, in this bench's runs of 2026-12-01).
 */
export async function storeListsEveryNote(dataDir: string, noteCount: number, pause: (ms: number) => Promise<void>): Promise<void> {
  const file = path.join(dataDir, 'notes-index.json');
  let seen = '';
  for (let waited = 0; waited < 180_000; waited += 250) {
    const stamp = (() => {
      try {
        const stat = statSync(file);
        return `${stat.mtimeMs}:${stat.size}`;
      } catch {
        return '';
      }
    })();
    if (stamp && stamp !== seen) {
      seen = stamp;
      const parsed = parseNoteIndex(readFileSync(file, 'utf8'));
      if (parsed.ok && parsed.notes.length >= noteCount) {
        return;
      }
    }
    await pause(250);
  }
  throw new Error(`The store did not list all ${noteCount} seeded notes within three minutes`);
}
