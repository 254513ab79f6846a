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

  /**
   * Adds or replaces a note in place. Costs one person's list, not the whole collection, so a
   * save stays as fast with ten thousand notes as with ten.
   */
  put(note: NoteMeta): void {
    const previous = this.byId.get(note.id);
    if (previous && previous.personId !== note.personId) {
      this.remove(note.id);
    }
    this.byId.set(note.id, note);
    const own = (this.byPerson.get(note.personId) ?? []).filter((n) => n.id !== note.id);
    own.push(note);
    this.byPerson.set(note.personId, own.sort(newestFirst));
  }

  remove(id: string): void {
    const previous = this.byId.get(id);
    if (!previous) {
      return;
    }
    this.byId.delete(id);
    const own = this.byPerson.get(previous.personId)?.filter((n) => n.id !== id) ?? [];
    if (own.length > 0) {
      this.byPerson.set(previous.personId, own);
    } else {
      this.byPerson.delete(previous.personId);
    }
  }
}
