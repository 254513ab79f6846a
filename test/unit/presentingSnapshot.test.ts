import * as assert from 'node:assert/strict';
import { delegationView } from '../../src/host/sidebar/delegationSnapshot';
import { forPresenting } from '../../src/host/sidebar/presentingSnapshot';
import { buildSnapshot, type NoteSummary } from '../../src/host/sidebar/snapshot';
import type { DelegationItem } from '../../src/shared/delegation/items';
import type { Person } from '../../src/shared/team';

const ada: Person = {
  id: 'ada',
  name: 'Ada',
  role: 'Engineer',
  cadence: 'weekly',
  archived: false,
  addedOn: '2026-01-05',
  goals: [{ id: 'g1', text: 'Lead the design review', addedOn: '2026-01-05' }],
};

// Scores are odd numbers no other field of the snapshot holds, so a leak shows in the JSON.
const notes: NoteSummary[] = [7, 3, 9].map((mood, i) => ({
  id: `note-${i}`,
  title: `PREVIEW-SENTINEL note ${i}`,
  date: `2026-10-${String(28 - i).padStart(2, '0')}`,
  templateId: 'weekly',
  openItems: [
    { line: 4, text: 'Send the RFC' },
    { line: 30, text: 'PRIVATE-ITEM-SENTINEL talk to HR', private: true },
  ],
  mood,
  goals: [{ goal: 'Lead the design review', score: mood - 2 }],
}));

const item: DelegationItem = {
  id: 'item-1',
  title: 'Release checklist',
  createdOn: '2026-10-01',
  status: 'handingOver',
  ownerId: 'ada',
  levelHistory: [],
  steps: [{ stepId: 'why-this-person', on: '2026-10-02', note: 'STEP-NOTE-SENTINEL she is bored' }],
  relapses: [],
};

function snapshots() {
  const delegation = delegationView([item], () => 'Ada', '2026-11-01', { week: '2026-10-27', sentence: 'SELF-CHECK-SENTINEL you hold 1' });
  const full = buildSnapshot({ storage: { kind: 'ready', scope: 'workspace' }, people: [ada], hat: 'leader', notesOf: () => notes, today: '2026-11-01', delegation, historyOf: 'ada' });
  return { full, shared: forPresenting(full) };
}

describe('the sidebar snapshot while presenting', () => {
  it('holds the private details when not presenting (so the test below can fail)', () => {
    const text = JSON.stringify(snapshots().full);
    for (const sentinel of ['STEP-NOTE-SENTINEL', 'SELF-CHECK-SENTINEL', 'PRIVATE-ITEM-SENTINEL', '"moodTrend":[9,3,7]', '"history":[']) {
      assert.ok(text.includes(sentinel), sentinel);
    }
  });

  it('holds no history, preview, score, trend, step note or self-check, and says it is presenting', () => {
    const { shared } = snapshots();
    const text = JSON.stringify(shared);
    assert.equal(shared.presenting, true);
    for (const leak of ['STEP-NOTE-SENTINEL', 'SELF-CHECK-SENTINEL', 'PRIVATE-ITEM-SENTINEL', 'selfCheck', '"history"', '"mood"', '"score"']) {
      assert.ok(!text.includes(leak), `${leak} is not in ${text}`);
    }
    const person = shared.people[0]!;
    assert.deepEqual(person.moodTrend, []);
    assert.equal(person.historyCount, 0);
    assert.deepEqual(
      person.goalViews.map((goal) => [goal.text, goal.trend]),
      [['Lead the design review', []]],
    );
    assert.ok(shared.delegation.items[0]!.phases.flatMap((phase) => phase.steps).every((step) => !('note' in step)));
  });

  it('still shows who is due, their goals and the work being handed over', () => {
    const { shared } = snapshots();
    assert.equal(shared.people[0]!.name, 'Ada');
    assert.equal(shared.people[0]!.dueLabel, snapshots().full.people[0]!.dueLabel);
    assert.equal(shared.delegation.items[0]!.title, 'Release checklist');
    assert.equal(shared.delegation.items[0]!.progress.done, 1);
  });
});
