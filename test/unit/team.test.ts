import * as assert from 'node:assert/strict';
import { countOverdue, dueStatus, nameProblem, nextDueOn, normalizeName, roleProblem, sortForDisplay, type Person } from '../../src/shared/team';

function person(overrides: Partial<Person> & Pick<Person, 'name'>): Person {
  return { id: overrides.name.replace(/\W/g, '') || 'x', role: '', cadence: 'weekly', archived: false, addedOn: '2026-01-01', ...overrides };
}

describe('team rules', () => {
  describe('names', () => {
    const team = [person({ id: 'ada', name: 'Ada Lovelace' }), person({ id: 'bob', name: 'Bob', archived: true })];

    it('refuses an empty or blank name', () => {
      assert.equal(nameProblem('', team), 'Enter a name.');
      assert.equal(nameProblem('   \t ', team), 'Enter a name.');
    });

    it('refuses a name already on the team, whatever its case and spacing', () => {
      assert.match(nameProblem('ada  lovelace ', team) ?? '', /already on your team/);
    });

    it('points to the archive when the twin is archived', () => {
      assert.match(nameProblem('BOB', team) ?? '', /archived\)\. Unarchive them instead/);
    });

    it('lets a person keep their own name when edited', () => {
      assert.equal(nameProblem('Ada Lovelace', team, 'ada'), undefined);
    });

    it('refuses control characters and over-long names', () => {
      assert.match(nameProblem('Ada\u0007', []) ?? '', /control character/);
      assert.match(nameProblem('x'.repeat(81), []) ?? '', /under 80/);
      assert.match(roleProblem('y'.repeat(121)) ?? '', /under 120/);
    });

    it('accepts markup as an ordinary name, to be shown as text', () => {
      assert.equal(nameProblem('<img src=x onerror=alert(1)>', team), undefined);
    });

    it('normalizes white space', () => {
      assert.equal(normalizeName('  Grace \n Hopper '), 'Grace Hopper');
    });
  });

  describe('when the next 1:1 is due', () => {
    it('adds one cadence to the last 1:1, or to the day the person was added', () => {
      assert.equal(nextDueOn({ cadence: 'weekly', addedOn: '2026-03-02' }), '2026-03-09');
      assert.equal(nextDueOn({ cadence: 'biweekly', addedOn: '2026-03-02' }), '2026-03-16');
      assert.equal(nextDueOn({ cadence: 'weekly', addedOn: '2026-01-01', lastOneOnOneOn: '2026-03-30' }), '2026-04-06');
    });

    it('keeps monthly 1:1s on the same day, clamped to the end of short months', () => {
      assert.equal(nextDueOn({ cadence: 'monthly', addedOn: '2026-01-15' }), '2026-02-15');
      assert.equal(nextDueOn({ cadence: 'monthly', addedOn: '2026-01-31' }), '2026-02-28');
      assert.equal(nextDueOn({ cadence: 'monthly', addedOn: '2028-01-31' }), '2028-02-29');
      assert.equal(nextDueOn({ cadence: 'monthly', addedOn: '2026-12-31' }), '2027-01-31');
    });

    it('says in words how far off or overdue it is', () => {
      const p = { cadence: 'weekly' as const, addedOn: '2026-03-02' };
      assert.equal(dueStatus(p, '2026-03-02').label, 'next 1:1 in 7 days');
      assert.equal(dueStatus(p, '2026-03-08').label, 'next 1:1 due tomorrow');
      assert.equal(dueStatus(p, '2026-03-09').label, 'next 1:1 due today');
      assert.equal(dueStatus(p, '2026-03-10').label, '1:1 overdue by 1 day');
      assert.deepEqual(
        { overdue: dueStatus(p, '2026-03-14').overdue, label: dueStatus(p, '2026-03-14').label },
        { overdue: true, label: '1:1 overdue by 5 days' },
      );
    });
  });

  it('lists who is due soonest first, archived people last, and counts only active overdue people', () => {
    const team = [
      person({ name: 'Zed', addedOn: '2026-03-01' }),
      person({ name: 'Amy', addedOn: '2026-03-05' }),
      person({ name: 'Old', addedOn: '2025-01-01', archived: true }),
      person({ name: 'Bea', addedOn: '2026-03-01' }),
    ];
    assert.deepEqual(
      sortForDisplay(team).map((p) => p.name),
      ['Bea', 'Zed', 'Amy', 'Old'],
    );
    assert.equal(countOverdue(team, '2026-03-10'), 2);
  });
});
