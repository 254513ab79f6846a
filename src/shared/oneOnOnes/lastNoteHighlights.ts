/**
 * Decisions and open questions from a 1:1 note, for the next brief. The rule, kept simple so a
 * lead can predict it, applies to the note's shareable part only:
 * - every line under a heading named "Decision…" is a decision, and every line under a heading
 *   named "Open question…" or "Question…" is an open question, up to the next heading;
 * - elsewhere, a line starting with "Decision:" or "Decided:" is a decision, and a line ending
 *   with "?" is an open question.
 * Headings, task lines (they are action items), block quotes (template prompts), HTML comments
 * and fenced code are never taken.
 */
import { shareableAgenda } from './privacy';
import { splitLines } from '../lines';

export interface NoteHighlights {
  readonly decisions: readonly string[];
  readonly openQuestions: readonly string[];
}

const MAX_EACH = 20;
const HEADING = /^ {0,3}#{1,6}[ \t](.*)$/;
const TASK = /^\s*[-*+]\s+\[[ x]\]\s/i;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
const DECISION_PREFIX = /^(?:decision|decided)\s*:\s*/i;

type Section = 'decisions' | 'questions' | 'other';

function sectionOf(headingText: string): Section {
  const text = headingText.replace(/[^\p{L}\p{N}\s]/gu, '').trim().toLowerCase();
  if (text.startsWith('decision')) {
    return 'decisions';
  }
  return text.startsWith('open question') || text.startsWith('question') ? 'questions' : 'other';
}

export function noteHighlights(markdown: string): NoteHighlights {
  const decisions: string[] = [];
  const openQuestions: string[] = [];
  const add = (list: string[], text: string) => {
    const clean = text.trim();
    if (clean.length > 0 && list.length < MAX_EACH && !list.includes(clean)) {
      list.push(clean);
    }
  };
  let section: Section = 'other';
  let inFence = false;
  let inComment = false;
  for (const raw of splitLines(shareableAgenda(markdown))) {
    if (/^\s*(?:```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      continue;
    }
    if (inComment || /^\s*<!--/.test(raw)) {
      inComment = !raw.includes('-->');
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      section = sectionOf(withoutClosingHashes(heading[1]!));
      continue;
    }
    if (TASK.test(raw) || /^\s*>/.test(raw)) {
      continue;
    }
    const line = raw.replace(LIST_MARKER, '').trim();
    // Placeholders a template writes in italics ("_Nothing open from last time._") are not content.
    if (line.length === 0 || /^_[^_]*_$/.test(line)) {
      continue;
    }
    if (section === 'decisions') {
      add(decisions, line.replace(DECISION_PREFIX, ''));
    } else if (section === 'questions') {
      add(openQuestions, line);
    } else if (DECISION_PREFIX.test(line)) {
      add(decisions, line.replace(DECISION_PREFIX, ''));
    } else if (line.endsWith('?')) {
      add(openQuestions, line);
    }
  }
  return { decisions, openQuestions };
}

/** `Decisions ##` reads `Decisions`: the optional closing hashes of an ATX heading, by a scan. */
function withoutClosingHashes(text: string): string {
  let end = text.trimEnd().length;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') {
    hashes--;
  }
  if (hashes < end && (hashes === 0 || text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) {
    end = hashes;
  }
  return text.slice(0, end).trim();
}
