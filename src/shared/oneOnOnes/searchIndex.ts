/**
 * The persisted full-text index of 1:1 notes (issue #15). It narrows a search to the notes holding
 * a word that begins with each word of the query, then checks those, newest first, with the plain
 * scan's own rule (search.ts `hitIn`): its hits are the plain scan's hits, found without reading
 * every note. Each note's text is kept beside its words, for the snippet.
 *
 * The words sit in MiniSearch's radix tree (`SearchableMap`, whose `atPrefix` gives every word
 * beginning with a piece of the query), each with the numbers of the notes holding it. MiniSearch's
 * own ranked search was measured first and dropped: it scores every matching note (all ten thousand
 * for "roadmap") and rebuilds per-term maps on load, several times the targets of #15; here a load
 * is one JSON parse and one tree build, and a search never scores.
 *
 * Two dictionaries, so that a search while presenting never matches a private word: `shared` holds
 * the words of the note's shareable lines, `private` only the words found nowhere else in it.
 *
 * Pure (no VS Code, no Node): the host loads it in its own bundle on the first search.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { foldForSearch, hitIn, searchTerms, WORD_SEPARATORS, type SearchHit } from './search';

const FORMAT = 'two-hats-search-index';
/** Bumped when the file's shape, the word rule or the dictionaries change: another version is rebuilt. */
export const SEARCH_INDEX_VERSION = 1;

function words(folded: string): string[] {
  return folded.split(WORD_SEPARATORS).filter((word) => word.length > 0);
}

/** What the host hands over for one note: its text, its shareable lines, and when it last changed. */
export interface NoteToIndex {
  readonly id: string;
  readonly text: string;
  /** The text with its private lines blanked (privacy.ts `withPrivateLinesBlanked`). */
  readonly shareable: string;
  /** The note index's `updatedAt` when the text was read: a different one later means the entry is stale. */
  readonly updatedAt: number;
}

export interface IndexSearchOptions {
  /** Note ids, newest first: the order of the hits. Notes not listed are never found. */
  readonly order: readonly string[];
  /** While presenting: only shareable words are matched, and each note is checked against this text. */
  readonly shareableOf?: (id: string, text: string) => string;
  readonly limit?: number;
}

interface Entry {
  readonly id: string;
  readonly updatedAt: number;
  readonly text: string;
}

type Postings = number[];

export class NoteSearchIndex {
  /** Entries by number; a removed note leaves a hole, closed (with its words) when written. */
  private readonly entries: (Entry | undefined)[];
  private readonly numbers = new Map<string, number>();

  private constructor(
    entries: (Entry | undefined)[],
    private readonly shared: SearchableMap<Postings>,
    private readonly privateOnly: SearchableMap<Postings>,
  ) {
    this.entries = entries;
    entries.forEach((entry, n) => entry && this.numbers.set(entry.id, n));
  }

  static empty(): NoteSearchIndex {
    return new NoteSearchIndex([], new SearchableMap(), new SearchableMap());
  }

  /** The index a file held; undefined when it is damaged or of another version (then it is rebuilt). */
  static parse(text: string): NoteSearchIndex | undefined {
    try {
      const file = JSON.parse(text) as { format?: unknown; version?: unknown; notes?: unknown; shared?: unknown; private?: unknown };
      if (file.format !== FORMAT || file.version !== SEARCH_INDEX_VERSION || !Array.isArray(file.notes) || !file.notes.every(isStoredEntry)) {
        return undefined;
      }
      const entries = file.notes.map(([id, updatedAt, text]) => ({ id, updatedAt, text }));
            const shared = dictionaryOf(file.shared);
      const privateOnly = dictionaryOf(file.private);
      const unique = new Set(entries.map((entry) => entry.id)).size === entries.length;
      return shared && privateOnly && unique ? new NoteSearchIndex(entries, shared, privateOnly) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The file's text: holes closed, so a removed note's words are not in it. */
  serialize(): string {
    const renumbered: number[] = [];
    const notes: [string, number, string][] = [];
    this.entries.forEach((entry, n) => {
      if (entry) {
        renumbered[n] = notes.length;
        notes.push([entry.id, entry.updatedAt, entry.text]);
      }
    });
    const dictionary = (map: SearchableMap<Postings>) => {
      const kept: [string, Postings][] = [];
      for (const [word, postings] of map.entries()) {
        const live = postings.flatMap((n) => (renumbered[n] === undefined ? [] : [renumbered[n]]));
        if (live.length > 0) {
          kept.push([word, live]);
        }
      }
      return kept;
    };
    return JSON.stringify({ format: FORMAT, version: SEARCH_INDEX_VERSION, notes, shared: dictionary(this.shared), private: dictionary(this.privateOnly) });
  }

  /** Whether the note is indexed as it was at `updatedAt`. */
  isCurrent(id: string, updatedAt: number): boolean {
    const n = this.numbers.get(id);
    return n !== undefined && this.entries[n]?.updatedAt === updatedAt;
  }

  ids(): string[] {
    return [...this.numbers.keys()];
  }

  get size(): number {
    return this.numbers.size;
  }

  set(note: NoteToIndex): void {
    this.remove(note.id);
    const n = this.entries.length;
    this.entries.push({ id: note.id, updatedAt: note.updatedAt, text: note.text });
    this.numbers.set(note.id, n);
    const sharedWords = new Set(words(foldForSearch(note.shareable)));
    for (const word of sharedWords) {
      this.shared.fetch(word, () => []).push(n);
    }
    for (const word of new Set(words(foldForSearch(note.text)))) {
      if (!sharedWords.has(word)) {
        this.privateOnly.fetch(word, () => []).push(n);
      }
    }
  }

  remove(id: string): void {
    const n = this.numbers.get(id);
    if (n !== undefined) {
      this.numbers.delete(id);
      this.entries[n] = undefined;
    }
  }

  /** The plain scan's hits (`searchNotes` over `order`), found through the index. */
  find(query: string, options: IndexSearchOptions): SearchHit[] {
    const terms = searchTerms(query);
    if (terms.length === 0) {
      return [];
    }
    const limit = options.limit ?? 200;
    // Each word of each term begins a word of every note it matches (see search.ts), so only the
    // notes holding every piece as the start of a word can match.
    const pieces = [...new Set(terms.flatMap(words))];
    const dictionaries = options.shareableOf ? [this.shared] : [this.shared, this.privateOnly];
    const candidate = pieces.length === 0 ? undefined : this.holdingAll(pieces, dictionaries);
    const hits: SearchHit[] = [];
    for (const id of options.order) {
      const n = this.numbers.get(id);
      if (n === undefined || (candidate && candidate[n] !== pieces.length)) {
        continue;
      }
      const text = this.entries[n]!.text;
      const hit = hitIn({ id, text: options.shareableOf ? options.shareableOf(id, text) : text }, terms);
      if (hit) {
        hits.push(hit);
        if (hits.length >= limit) {
          break;
        }
      }
    }
    return hits;
  }

  /** For each note number, how many of the pieces begin one of its words. */
  private holdingAll(pieces: readonly string[], dictionaries: readonly SearchableMap<Postings>[]): Uint16Array {
    const count = new Uint16Array(this.entries.length);
    pieces.forEach((piece, i) => {
      for (const dictionary of dictionaries) {
        for (const [, postings] of dictionary.atPrefix(piece).entries()) {
          for (const n of postings) {
            // Counted once per piece, however many of its words begin with the piece.
            if (count[n] === i) {
              count[n] = i + 1;
            }
          }
        }
      }
    });
    return count;
  }
}

function isStoredEntry(value: unknown): value is [string, number, string] {
  return Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && typeof value[1] === 'number' && typeof value[2] === 'string';
}

/**
 * A stored dictionary; undefined when its shape is damaged. Note numbers are not checked one by
 * one (a tenth of the load): one out of range matches nothing, and every candidate is checked
 * against its text anyway.
 */
function dictionaryOf(value: unknown): SearchableMap<Postings> | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const valid = value.every((entry: unknown) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && entry[0].length > 0 && Array.isArray(entry[1]));
  return valid ? SearchableMap.from(value as [string, Postings][]) : undefined;
}
