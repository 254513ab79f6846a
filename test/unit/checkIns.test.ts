import * as assert from 'node:assert/strict';
import { goalAgendaLine, goalScoresOf, moodOf, sparkline, trend } from '../../src/shared/oneOnOnes/checkIns';
import { composeNote } from '../../src/shared/oneOnOnes/compose';
import { deriveNoteMeta } from '../../src/shared/oneOnOnes/noteIndex';
import { findTemplate } from '../../src/shared/oneOnOnes/templates';
import { findPrinciple } from '../../src/shared/principles/catalogue';
import { goalProblem, type Goal } from '../../src/shared/team';

describe('check-ins and growth goals', () => {
  it('reads the 1-10 check-in, ignoring blanks and numbers out of range', () => {
    assert.equal(moodOf('## Their topics first\n\nCheck-in: 7/10\n'), 7);
    assert.equal(moodOf('- check-in: 10 / 10'), 10);
    assert.equal(moodOf('Check-in: /10'), undefined);
    assert.equal(moodOf('Check-in: 11/10'), undefined);
    assert.equal(moodOf('Check-in: 0/10'), undefined);
    assert.equal(moodOf('We talked about the check-in: 7/10 of the build'), undefined);
  });

  it('reads one progress score per goal from the agenda lines, the first one counting', () => {
    const note = [goalAgendaLine('Lead a design review'), '- Goal: Lead a design review — progress: 6/10', '- Goal: Mentor Sam – progress: 4/10', '- Goal: Mentor Sam — progress: 9/10'].join('\n');
    assert.deepEqual(goalScoresOf(note), [
      { goal: 'Lead a design review', score: 6 },
      { goal: 'Mentor Sam', score: 4 },
    ]);
  });

  it('puts open goals into the new note, scored blank, and reads them back once scored', () => {
    const template = findTemplate('weekly')!;
    const note = composeNote(template, {
      person: 'Ada',
      date: '2026-11-23',
      carriedItems: [],
      talkingPoints: [],
      goals: [goalAgendaLine('Speak at the all-hands')],
      principleTitle: (id) => findPrinciple(id)?.title,
    });
    assert.match(note, /## Growth[\s\S]*- Goal: Speak at the all-hands — progress: \/10/);
    assert.match(note, /Check-in: \/10/);
    const filled = note.replace('progress: /10', 'progress: 3/10').replace('Check-in: /10', 'Check-in: 8/10');
    const meta = deriveNoteMeta({ id: 'n', personId: 'p', date: '2026-11-23', templateId: 'weekly', title: 't', createdAt: 0 }, filled, 1);
    assert.equal(meta.mood, 8);
    assert.deepEqual(meta.goals, [{ goal: 'Speak at the all-hands', score: 3 }]);
  });

  it('draws the trend oldest first from notes given newest first, skipping notes without a score', () => {
    const notes = [{ mood: 8 }, {}, { mood: 5 }, { mood: 1 }, { mood: 10 }];
    assert.deepEqual(trend(notes, (n: { mood?: number }) => n.mood, 3), [1, 5, 8]);
    assert.equal(sparkline([1, 5, 10]), '▁▄█');
  });

  it('keeps goals few, distinct and free of the progress marker', () => {
    const goals: Goal[] = Array.from({ length: 5 }, (_, i) => ({ id: `g${i}`, text: `Goal ${i}`, addedOn: '2026-11-01' }));
    assert.ok(goalProblem('', []));
    assert.ok(goalProblem('goal 1', goals));
    assert.match(goalProblem('Another', goals) ?? '', /5 open goals/);
    assert.equal(goalProblem('Another', goals.slice(0, 4)), undefined);
    assert.ok(goalProblem('Ship it — progress: 5/10', []));
    assert.ok(goalProblem('Ship it - progress: 5/10', []), 'a hyphen ends the goal as early as a dash');
    assert.ok(goalProblem('Ship\u2028it', []), 'a line separator would split the agenda line');
  });
});
