/**
 * Full-text search over 1:1 notes: every word of the query must appear somewhere in the note, also
 * inside a word ("map" finds "roadmap"); case and accents are ignored. Results carry a snippet
 * around the first hit.
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

/** Case- and accent-insensitive form used for matching; same length as the input for ASCII text. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter((term) => term.length > 0);
}

/** The hit of one note for these (folded) terms, or undefined when a term is missing. */
export function hitIn(note: SearchableNote, terms: readonly string[]): SearchHit | undefined {
  const folded = foldForSearch(note.text);
  if (!terms.every((term) => folded.includes(term))) {
    return undefined;
  }
  const first = folded.indexOf(terms[0]!);
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
