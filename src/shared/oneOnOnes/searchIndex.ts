/**
 * The persisted full-text index of 1:1 notes (issue #15). It narrows a search to the notes holding
 * a word that contains each word of the query, then checks those, newest first, with the plain
 * scan's own rule (search.ts `hitIn`): its hits are the plain scan's hits, found without reading
 * every note. Each note's text is kept beside its words, for the snippet.
 *
 * The words sit in a map, each with the numbers of the notes holding it, and in one string of all
 * the words, where `indexOf` finds every word holding a piece of the query, at its start or inside
 * ("map" finds "roadmap", as the plain scan does), in a millisecond or two at a hundred thousand
 * words. A search makes that scan whatever else keeps the words, so nothing else does: MiniSearch's
 * radix tree (`SearchableMap`) was here for the starts of words and was dropped, as its inserts
 * are linear in a node's children (a note of twenty thousand distinct one-letter words, CJK for
 * one, took 2.4 s to index, forty thousand 35 s), and each word it gave was in the scan anyway.
 * MiniSearch's own ranked search was measured first and dropped: it scores every matching note
 * (all ten thousand for "roadmap") and rebuilds per-term maps on load, several times the targets
 * of #15. Here a load is one JSON parse and one map, a save or removal is linear in the note, and
 * a search never scores.
 *
 * Two dictionaries, so that a search while presenting never matches a private word: `shared` holds
 * the words of the note's shareable lines, `private` only the words found nowhere else in it.
 *
 * Pure (no VS Code, no Node): the host loads it in its own bundle on the first search.
 */
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

/** The numbers of the notes holding a word, in increasing order (a note's number only ever grows). */
type Postings = number[];

/**
 * Words and the notes holding each: a map for the word itself, and one string of every word where
 * `indexOf` finds the words holding a piece of the query, at their start or inside. Adding a word
 * is one map entry and one append, so indexing is linear in the note whatever its words are.
 */
class Dictionary {
  readonly words: Map<string, Postings>;
  /**
   * Every word, each followed by a line break, after one leading line break. Undefined once a
   * word was dropped: the next search joins the words again (as long as the scan it then makes).
   */
  private joined: string | undefined;

  constructor(stored: readonly (readonly [string, Postings])[] = []) {
    this.words = new Map(stored);
    this.joined = `\n${stored.map(([word]) => `${word}\n`).join('')}`;
  }

  add(word: string, n: number): void {
    const postings = this.words.get(word);
    if (postings) {
      postings.push(n);
    } else {
      this.words.set(word, [n]);
      if (this.joined !== undefined) {
        this.joined += `${word}\n`;
      }
    }
  }

  /** Takes note `n` off the word; false when the word was not held for it here. */
  drop(word: string, n: number): boolean {
    const postings = this.words.get(word);
    const at = postings ? positionOf(postings, n) : -1;
    if (!postings || at < 0) {
      return false;
    }
    postings.splice(at, 1);
    if (postings.length === 0) {
      this.words.delete(word);
      this.joined = undefined;
    }
    return true;
  }

  /** Gives each note its new number; numbers of no note (from a damaged file) go, and words left with none. */
  renumber(renumbered: readonly (number | undefined)[]): void {
    for (const [word, postings] of this.words) {
      const live = postings.flatMap((n) => (renumbered[n] === undefined ? [] : [renumbered[n]]));
      if (live.length > 0) {
        this.words.set(word, live);
      } else {
        this.words.delete(word);
        this.joined = undefined;
      }
    }
  }

  /** The notes of every word that holds `piece` (a run of letters and digits, so never a line break). */
  *holding(piece: string): Generator<Postings> {
    const joined = (this.joined ??= `\n${Array.from(this.words.keys(), (word) => `${word}\n`).join('')}`);
    for (let from = 0; ; ) {
      const at = joined.indexOf(piece, from);
      if (at < 0) {
        return;
      }
      const start = joined.lastIndexOf('\n', at) + 1;
      const end = joined.indexOf('\n', at);
      const postings = this.words.get(joined.slice(start, end));
      if (postings) {
        yield postings;
      }
      from = end;
    }
  }
}

/** Where `n` is in increasing `postings` (a binary search); -1 when it is not there. */
function positionOf(postings: Postings, n: number): number {
  let low = 0;
  let high = postings.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = postings[middle]!;
    if (value === n) {
      return middle;
    }
    if (value < n) {
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return -1;
}

/** Holes in the numbering tolerated before the notes are numbered again (and at least as many as notes). */
const HOLES_BEFORE_RENUMBERING = 256;

export class NoteSearchIndex {
  /**
   * Entries by number; a removed note leaves a hole (its words are dropped at once), closed when
   * the holes outnumber the notes: the work of numbering again is paid for by the removals.
   */
  private entries: (Entry | undefined)[];
  private readonly numbers = new Map<string, number>();

  private constructor(
    entries: (Entry | undefined)[],
    private readonly shared: Dictionary,
    private readonly privateOnly: Dictionary,
  ) {
    this.entries = entries;
    entries.forEach((entry, n) => entry && this.numbers.set(entry.id, n));
  }

  static empty(): NoteSearchIndex {
    return new NoteSearchIndex([], new Dictionary(), new Dictionary());
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
    const dictionary = ({ words: map }: Dictionary) => {
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
    // Every word of the text in one dictionary: the shareable text is the text with whole lines
    // emptied, so its words are among the text's, and `remove` finds each from the text alone.
    for (const word of new Set(words(foldForSearch(note.text)))) {
      (sharedWords.has(word) ? this.shared : this.privateOnly).add(word, n);
    }
  }

  /** Drops the note and its words now: a word no other note holds leaves memory with it. */
  remove(id: string): void {
    const n = this.numbers.get(id);
    const entry = n === undefined ? undefined : this.entries[n];
    if (n === undefined || !entry) {
      return;
    }
    this.numbers.delete(id);
    this.entries[n] = undefined;
    for (const word of new Set(words(foldForSearch(entry.text)))) {
      if (!this.shared.drop(word, n)) {
        this.privateOnly.drop(word, n);
      }
    }
    if (this.entries.length - this.numbers.size > Math.max(HOLES_BEFORE_RENUMBERING, this.numbers.size)) {
      this.renumber();
    }
  }

  /** What the index holds in memory: notes, numbers given out (notes and holes), words, and note numbers under the words. */
  footprint(): { notes: number; numbers: number; words: number; postings: number } {
    let wordCount = 0;
    let postings = 0;
    for (const dictionary of [this.shared, this.privateOnly]) {
      wordCount += dictionary.words.size;
      for (const list of dictionary.words.values()) {
        postings += list.length;
      }
    }
    return { notes: this.numbers.size, numbers: this.entries.length, words: wordCount, postings };
  }

  /** Closes the holes: the notes numbered again in the same order, so every word's numbers stay increasing. */
  private renumber(): void {
    const renumbered: number[] = [];
    const entries: Entry[] = [];
    this.entries.forEach((entry, n) => {
      if (entry) {
        renumbered[n] = entries.length;
        this.numbers.set(entry.id, entries.length);
        entries.push(entry);
      }
    });
    this.entries = entries;
    this.shared.renumber(renumbered);
    this.privateOnly.renumber(renumbered);
  }

  /** The plain scan's hits (`searchNotes` over `order`), found through the index. */
  find(query: string, options: IndexSearchOptions): SearchHit[] {
    const terms = searchTerms(query);
    if (terms.length === 0) {
      return [];
    }
    const limit = options.limit ?? 200;
    // Each run of letters and digits in a term lies inside one word of every note the term matches,
    // so only the notes with a word holding every such piece can match.
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

  /** For each note number, how many of the pieces one of its words holds. */
  private holdingAll(pieces: readonly string[], dictionaries: readonly Dictionary[]): Uint32Array {
    const count = new Uint32Array(this.entries.length);
    pieces.forEach((piece, i) => {
      for (const dictionary of dictionaries) {
        for (const postings of dictionary.holding(piece)) {
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
function dictionaryOf(value: unknown): Dictionary | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const valid = value.every((entry: unknown) => Array.isArray(entry) && entry.length === 2 && isStoredWord(entry[0]) && Array.isArray(entry[1]));
  if (!valid) {
    return undefined;
  }
  const dictionary = new Dictionary(value as [string, Postings][]);
  // A word twice would leave one of its lists out of the map, and its notes unfound.
  return dictionary.words.size === value.length ? dictionary : undefined;
}

/** A word as the index makes them, checked only for what would cut the string of words: a line break. */
function isStoredWord(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && !value.includes('\n');
}
