/** Full-text search over 1:1 notes: every word must appear; results carry a snippet around the first hit. */

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

/** Case- and accent-insensitive form used for matching; same length as the input for ASCII text. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchTerms(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((term) => term.length > 0);
}

export function searchNotes(notes: Iterable<SearchableNote>, query: string, limit = 200): SearchHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) {
    return [];
  }
  const hits: SearchHit[] = [];
  for (const note of notes) {
    const folded = fold(note.text);
    if (!terms.every((term) => folded.includes(term))) {
      continue;
    }
    const at = folded.indexOf(terms[0]!);
    hits.push({ id: note.id, snippet: snippetAround(note.text, folded, at), line: note.text.slice(0, at).split('\n').length - 1 });
    if (hits.length >= limit) {
      break;
    }
  }
  return hits;
}

function snippetAround(text: string, folded: string, at: number): string {
  // Folding can change lengths for some scripts; fall back to the folded text to stay aligned.
  const source = text.length === folded.length ? text : folded;
  const start = Math.max(0, at - 40);
  const end = Math.min(source.length, at + 80);
  const body = source.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < source.length ? '…' : ''}`;
}
