import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { goalAgendaLine, goalScoresOf, moodOf } from '../../src/shared/oneOnOnes/checkIns';
import { goalProblem } from '../../src/shared/team';
import { assertLinearEnough, knownHostileTexts, markdownish, pumped } from './support/adversarial';

// The goal pattern as it was before issue #12: right on short lines, cubic on long runs of
// spaces. Kept here only as the reference the linear scan must agree with on short input.
// eslint-disable-next-line regexp/no-super-linear-backtracking
const GOAL_BEFORE = /^\s*(?:[-*+]\s+)?goal:\s*(.+?)\s+[—–-]+\s*progress:\s*(10|[1-9])\s*\/\s*10\b/i;

function goalScoresBefore(markdown: string): { goal: string; score: number }[] {
  const scores = new Map<string, { goal: string; score: number }>();
  for (const line of markdown.split(/\r\n?|\n/)) {
    const match = GOAL_BEFORE.exec(line);
    if (match && !scores.has(match[1]!.trim().toLowerCase())) {
      scores.set(match[1]!.trim().toLowerCase(), { goal: match[1]!.trim(), score: Number(match[2]) });
    }
  }
  return [...scores.values()];
}

const score = fc.integer({ min: 1, max: 10 });
const goalLinePieces = fc.constantFrom(' ', '  ', '\t', '-', '—', '–', '- ', ' — ', ' -', 'progress:', 'Progress: ', 'goal:', 'Goal: ', '7', '10', '/10', ' / 10', 'a', 'Ship', '\r', '\u2028', '\u00a0', '😀', '_');
const goalText = fc.array(goalLinePieces, { maxLength: 14 }).map((pieces) => pieces.join(''));
const goalishLine = fc
  .tuple(fc.constantFrom('', ' ', '- ', '* ', '+\t', '-'), fc.constantFrom('Goal:', 'goal:', 'GOAL: '), goalText)
  .map(([bullet, keyword, rest]) => bullet + keyword + rest);

describe('check-ins and goals, for any text', function () {
  // Each long input has its own ceiling (assertLinearEnough); mocha's 2 s is for the whole test.
  this.timeout(30_000);

  it('reads back the score written into a goal agenda line, for every goal the form accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), goalText, markdownish), score, (raw, value) => {
        const goal = raw.trim();
        fc.pre(goalProblem(goal, []) === undefined);
        // The score goes where the form leaves it blank: the last "progress: /10" (a goal may
        // contain those words itself; the first one is then part of the goal).
        const blank = goalAgendaLine(goal);
        const at = blank.lastIndexOf('progress: /10');
        const line = `${blank.slice(0, at)}progress: ${value}/10${blank.slice(at + 'progress: /10'.length)}`;
        assert.deepEqual(goalScoresOf(line), [{ goal, score: value }], JSON.stringify(line));
      }),
      { numRuns: 300 },
    );
  });

  it('reads back any check-in score and refuses scores out of range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 120 }), fc.constantFrom('', '- ', '  * '), (value, bullet) => {
        const expected = value >= 1 && value <= 10 ? value : undefined;
        assert.equal(moodOf(`# Note\n\n${bullet}Check-in: ${value}/10\n`), expected);
      }),
      { numRuns: 100 },
    );
  });

  it('finds the same goals and scores as the pattern it replaced, on short lines', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(goalishLine, markdownish), { maxLength: 6 }), (lines) => {
        const note = lines.join('\n');
        assert.deepEqual(goalScoresOf(note), goalScoresBefore(note));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ unit: 'binary' })), (text) => {
        goalScoresOf(text);
        moodOf(text);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a goal line of 100,000 spaces, and every other hostile megabyte, in linear time', () => {
    for (const { text, description } of knownHostileTexts()) {
      assertLinearEnough(`goalScoresOf(${description})`, text.length, () => goalScoresOf(text));
      assertLinearEnough(`moodOf(${description})`, text.length, () => moodOf(text));
    }
  });

  it('reads pumped adversarial text in linear time', () => {
    fc.assert(
      fc.property(pumped(100_000), ({ text, description }) => {
        assertLinearEnough(`goalScoresOf(${description})`, text.length, () => goalScoresOf(text));
        assertLinearEnough(`moodOf(${description})`, text.length, () => moodOf(text));
      }),
      { numRuns: 10 },
    );
  });
});
