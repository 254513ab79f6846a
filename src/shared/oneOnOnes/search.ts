/**
 * Full-text search over 1:1 notes: every word of the query must appear in the note where a word
 * of the note begins ("road" finds "roadmap", "map" does not; "on-call" finds "on-call"); case and
 * accents are ignored. Results carry a snippet around the first hit.
 *
 * This is the plain scan, and the rule the persisted index (searchIndex.ts) keeps: the index only
 * narrows which notes are looked at, then each is checked with `hitIn`, so both give the same hits.
 */

export interface SearchableNote {
  readonly id: string;
  readonly text: string;
}

export interface SearchHit {
  readonly id: string;
  /** The text around the first match, on one line. */
  readonly snippet: string;
  /** 0-based line of the first match, to open the note there. */
  readonly line: number;
}

/** Letters and digits make words; anything else separates them. The index splits notes the same way. */
export const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;
const ENDS_IN_WORD_CHAR = /[\p{L}\p{N}]$/u;
const STARTS_WITH_WORD_CHAR = /^[\p{L}\p{N}]/u;
const NEXT_SEPARATOR = /[^\p{L}\p{N}]/gu;

/** Case- and accent-insensitive form used for matching; same length as the input for ASCII text. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter((term) => term.length > 0);
}

/**
 * Where `term` first occurs in `folded` not inside a word: at the start, after a separator, or
 * anywhere when the term itself starts with a separator. -1 when it does not.
 */
export function wordStartIndex(folded: string, term: string): number {
  if (!STARTS_WITH_WORD_CHAR.test(term)) {
    return folded.indexOf(term);
  }
  let from = 0;
  for (;;) {
    const at = folded.indexOf(term, from);
    if (at <= 0 || !ENDS_IN_WORD_CHAR.test(folded.slice(Math.max(0, at - 2), at))) {
      return at;
    }
    // Inside a word: the next place a word can begin is after the next separator.
    NEXT_SEPARATOR.lastIndex = at;
    if (!NEXT_SEPARATOR.exec(folded)) {
      return -1;
    }
    from = NEXT_SEPARATOR.lastIndex;
  }
}

/** The hit of one note for these (folded) terms, or undefined when a term is missing. */
export function hitIn(note: SearchableNote, terms: readonly string[]): SearchHit | undefined {
  const folded = foldForSearch(note.text);
  let first = -1;
  for (const term of terms) {
    const at = wordStartIndex(folded, term);
    if (at < 0) {
      return undefined;
    }
    if (first < 0) {
      first = at;
    }
  }
  return { id: note.id, snippet: snippetAround(note.text, folded, first), line: lineAt(note.text, folded, first) };
}

export function searchNotes(notes: Iterable<SearchableNote>, query: string, limit = 200): SearchHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) {
    return [];
  }
  const hits: SearchHit[] = [];
  for (const note of notes) {
    const hit = hitIn(note, terms);
    if (hit) {
      hits.push(hit);
      if (hits.length >= limit) {
        break;
      }
    }
  }
  return hits;
}

function lineAt(text: string, folded: string, at: number): number {
  const source = text.length === folded.length ? text : folded;
  return source.slice(0, at).split('\n').length - 1;
}

function snippetAround(text: string, folded: string, at: number): string {
  // Folding can change lengths for some scripts; fall back to the folded text to stay aligned.
  const source = text.length === folded.length ? text : folded;
  const start = Math.max(0, at - 40);
  const end = Math.min(source.length, at + 80);
  const body = source.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < source.length ? '…' : ''}`;
}
