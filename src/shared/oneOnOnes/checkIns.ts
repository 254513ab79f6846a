/**
 * The optional 1-to-10 "how are you feeling" per 1:1 and the progress on each growth goal, as
 * the person and the lead write them into the note, and their trend across notes.
 */

export const MOOD_LINE_PREFIX = 'Check-in:';
export const GOAL_LINE_PREFIX = 'Goal:';

const SCORE = '(10|[1-9])\\s*/\\s*10\\b';
const MOOD = new RegExp(`^\\s*(?:[-*+]\\s+)?check-in:\\s*${SCORE}`, 'i');
const GOAL = new RegExp(`^\\s*(?:[-*+]\\s+)?goal:\\s*(.+?)\\s+[—–-]+\\s*progress:\\s*${SCORE}`, 'i');

export interface GoalScore {
  readonly goal: string;
  readonly score: number;
}

/** The note's check-in score, when the line holds one ("Check-in: 7/10"); the first one counts. */
export function moodOf(markdown: string): number | undefined {
  for (const line of markdown.split(/\r?\n/)) {
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
  for (const line of markdown.split(/\r?\n/)) {
    const match = GOAL.exec(line);
    if (match) {
      const goal = match[1]!.trim();
      const key = goal.toLowerCase();
      if (!scores.has(key)) {
        scores.set(key, { goal, score: Number(match[2]) });
      }
    }
  }
  return [...scores.values()];
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
