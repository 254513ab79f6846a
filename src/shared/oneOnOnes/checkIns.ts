/**
 * The optional 1-to-10 "how are you feeling" per 1:1 and the progress on each growth goal, as
 * the person and the lead write them into the note, and their trend across notes.
 */
import { splitLines } from '../lines';

export const MOOD_LINE_PREFIX = 'Check-in:';
export const GOAL_LINE_PREFIX = 'Goal:';

const MOOD = /^\s*(?:[-*+]\s+)?check-in:\s*(10|[1-9])\s*\/\s*10\b/i;
const GOAL_START = /^\s*(?:[-*+]\s+)?goal:/i;
/** Sticky: tried only where a run of dashes and spaces has just ended. */
const PROGRESS_SCORE = /progress:\s*(10|[1-9])\s*\/\s*10\b/iy;

export interface GoalScore {
  readonly goal: string;
  readonly score: number;
}

/** The note's check-in score, when the line holds one ("Check-in: 7/10"); the first one counts. */
export function moodOf(markdown: string): number | undefined {
  for (const line of splitLines(markdown)) {
    const match = MOOD.exec(line);
    if (match) {
      return Number(match[1]);
    }
  }
  return undefined;
}

/** "- Goal: Lead the design review — progress: 6/10" lines, one score per goal. */
export function goalScoresOf(markdown: string): GoalScore[] {
  const scores = new Map<string, GoalScore>();
  for (const line of splitLines(markdown)) {
    const found = goalScoreOfLine(line);
    if (found) {
      const goal = found.goal.trim();
      const key = goal.toLowerCase();
      if (!scores.has(key)) {
        scores.set(key, { goal, score: found.score });
      }
    }
  }
  return [...scores.values()];
}

// Sticky and global patterns used as fast scans from a given index; each is linear on its own.
const SPACES = /\s*/y;
const DASHES = /[—–-]*/y;
const NEXT_SPACE = /\s/g;
const LINE_BREAK = /[\n\r\u2028\u2029]/g;

function endOf(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  pattern.exec(text);
  return pattern.lastIndex;
}

/** The score in "— progress: 6/10" when the dashes start at `at`, which follows some spaces. */
function scoreAfterSpaces(text: string, at: number): number | undefined {
  const dashesEnd = endOf(DASHES, text, at);
  if (dashesEnd === at) {
    return undefined;
  }
  PROGRESS_SCORE.lastIndex = endOf(SPACES, text, dashesEnd);
  const match = PROGRESS_SCORE.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * What `goal:\s*(.+?)\s+[—–-]+\s*progress:\s*SCORE` found, in one pass: that pattern tried
 * every split of a long run of spaces between the goal and the dashes (issue #12). The goal is
 * the shortest text, free of line breaks, followed by spaces, dashes and a valid score.
 */
function goalScoreOfLine(line: string): GoalScore | undefined {
  const start = GOAL_START.exec(line);
  if (!start) {
    return undefined;
  }
  const rest = line.slice(start[0].length);
  const goalStart = endOf(SPACES, rest, 0);
  LINE_BREAK.lastIndex = goalStart;
  const lineBreak = LINE_BREAK.exec(rest)?.index ?? rest.length;
  NEXT_SPACE.lastIndex = goalStart + 1;
  for (let space = NEXT_SPACE.exec(rest); space && space.index <= lineBreak; space = NEXT_SPACE.exec(rest)) {
    // Every goal ending inside this run of spaces is followed by the same dashes and score.
    const runEnd = endOf(SPACES, rest, space.index);
    const score = scoreAfterSpaces(rest, runEnd);
    if (score !== undefined) {
      return { goal: rest.slice(goalStart, space.index), score };
    }
    NEXT_SPACE.lastIndex = runEnd;
  }
  // No goal after the leading spaces: the pattern then gave one of those spaces to the goal.
  const score = goalStart >= 2 ? scoreAfterSpaces(rest, goalStart) : undefined;
  for (let at = goalStart - 2; score !== undefined && at >= 0; at--) {
    if (!/[\n\r\u2028\u2029]/.test(rest[at]!)) {
      return { goal: rest[at]!, score };
    }
  }
  return undefined;
}

/** The agenda line for a goal, with the score left blank for the 1:1 to fill in. */
export function goalAgendaLine(goal: string): string {
  return `- ${GOAL_LINE_PREFIX} ${goal} — progress: /10`;
}

/** Scores oldest first, from notes given newest first; notes without a score are skipped. */
export function trend<T>(notesNewestFirst: readonly T[], scoreOf: (note: T) => number | undefined, length = 8): number[] {
  const scores: number[] = [];
  for (const note of notesNewestFirst) {
    const score = scoreOf(note);
    if (score !== undefined) {
      scores.push(score);
      if (scores.length === length) {
        break;
      }
    }
  }
  return scores.reverse();
}

const BARS = '▁▂▃▄▅▆▇█';

/** A one-line picture of a 1-10 trend; screen readers get the numbers instead. */
export function sparkline(scores: readonly number[]): string {
  return scores.map((score) => BARS[Math.min(7, Math.max(0, Math.round(((score - 1) / 9) * 7)))]).join('');
}
