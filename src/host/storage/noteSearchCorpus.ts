/**
 * The note texts search looks through: read from disk on the first search, then kept current by
 * the store's saves, so later searches read nothing.
 */
import type { NoteMeta } from '../../shared/oneOnOnes/noteIndex';
import type { SearchableNote } from '../../shared/oneOnOnes/search';

/** How often a first search's reading reports the notes read so far. */
const SEARCH_PROGRESS_MS = 150;
/** Reads at a time: thousands of notes at once would flood the file system. */
const READ_CHUNK = 64;

export class NoteSearchCorpus {
  private readonly texts = new Map<string, string>();

  /** Keeps a note's text as just saved. */
  set(id: string, text: string): void {
    this.texts.set(id, text);
  }

  /** Forgets a note's text: deleted, or changed on disk, so the next search reads it again. */
  forget(id: string): void {
    this.texts.delete(id);
  }

  clear(): void {
    this.texts.clear();
  }

  /**
   * Every note's text, newest first. The first read of ten thousand notes takes a second or
   * two, so `onProgress` is given the notes read so far (newest first, every few tenths of a
   * second) to search while it goes on.
   */
  async searchable(
    notes: readonly NoteMeta[],
    read: (id: string) => Promise<string>,
    onProgress?: (readSoFar: SearchableNote[]) => void,
  ): Promise<SearchableNote[]> {
    const newestFirst = [...notes].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
    const corpus = () =>
      newestFirst.flatMap((note) => {
        const text = this.texts.get(note.id);
        return text === undefined ? [] : [{ id: note.id, text }];
      });
    const missing = newestFirst.filter((note) => !this.texts.has(note.id));
    let reportedAt = 0;
    for (let i = 0; i < missing.length; i += READ_CHUNK) {
      await Promise.all(
        missing.slice(i, i + READ_CHUNK).map(async (note) => {
          const text = await read(note.id).catch(() => undefined);
          if (text !== undefined) {
            this.texts.set(note.id, text);
          }
        }),
      );
      if (onProgress && Date.now() - reportedAt >= SEARCH_PROGRESS_MS) {
        reportedAt = Date.now();
        onProgress(corpus());
      }
    }
    return corpus();
  }
}
