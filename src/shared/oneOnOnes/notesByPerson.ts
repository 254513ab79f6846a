import type { NoteMeta } from './noteIndex';

function newestFirst(a: NoteMeta, b: NoteMeta): number {
  return b.date.localeCompare(a.date) || b.createdAt - a.createdAt;
}

/**
 * Notes grouped by person, newest first, so that the sidebar's snapshot (which asks for every
 * person's latest note) costs one lookup per person rather than a scan of every note.
 */
export class NotesByPerson {
  private readonly byId = new Map<string, NoteMeta>();
  private readonly byPerson = new Map<string, NoteMeta[]>();

  constructor(notes: readonly NoteMeta[] = []) {
    for (const note of notes) {
      this.byId.set(note.id, note);
      const list = this.byPerson.get(note.personId);
      if (list) {
        list.push(note);
      } else {
        this.byPerson.set(note.personId, [note]);
      }
    }
    for (const list of this.byPerson.values()) {
      list.sort(newestFirst);
    }
  }

  get all(): NoteMeta[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  find(id: string): NoteMeta | undefined {
    return this.byId.get(id);
  }

  forPerson(personId: string): readonly NoteMeta[] {
    return this.byPerson.get(personId) ?? [];
  }

  latest(personId: string): NoteMeta | undefined {
    return this.byPerson.get(personId)?.[0];
  }

  /** A new collection with `note` added or replaced; the old one is left as it was. */
  with(note: NoteMeta): NotesByPerson {
    const next = new NotesByPerson();
    for (const [id, existing] of this.byId) {
      next.byId.set(id, existing);
    }
    next.byId.set(note.id, note);
    for (const [personId, list] of this.byPerson) {
      next.byPerson.set(personId, personId === note.personId ? list.filter((n) => n.id !== note.id) : list);
    }
    const own = next.byPerson.get(note.personId) ?? [];
    next.byPerson.set(note.personId, [...own, note].sort(newestFirst));
    return next;
  }
}
