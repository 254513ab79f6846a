/**
 * The use cases for growth goals and delegated work, called directly, as the sidebar and the
 * palette call them: no prompt, no command, no webview. Each runs on stores of its own over a fresh
 * folder (useCaseFixture.ts) and checks what ends up on disk.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { ItemResult } from '../../src/host/storage/delegationStore';
import {
  addDelegationItem,
  changeDelegationLevel,
  handOverWork,
  noteDelegationStep,
  recordDelegationRelapse,
  setDelegationStatus,
  tickDelegationStep,
} from '../../src/host/useCases/delegation';
import { addGoal, markGoalReached } from '../../src/host/useCases/goals';
import { addPerson, setPersonArchived } from '../../src/host/useCases/people';
import { activateTwoHats } from './helpers';
import { closeFixture, delegationFileText, delegationOnDisk, openFixture, reasonOf, teamFileText, teamOnDisk, type Fixture } from './useCaseFixture';

describe('use cases, called without any prompt: goals and delegation', () => {
  let fixture: Fixture | undefined;

  before(() => activateTwoHats());
  beforeEach(async () => (fixture = await openFixture()));
  afterEach(() => closeFixture(fixture));

  it('hand work over: the item on disk has its owner and levels; an owner not on the team is refused', async () => {
    const f = fixture!;
    const added = await addPerson(f.team, { name: 'Margaret Hamilton', role: '', cadence: 'weekly' });
    assert.ok(added.ok);
    const item = await f.delegation.add('Release notes');
    assert.ok(item.ok);
    const refused = await handOverWork(f.delegation, f.team, { itemId: item.result.id, personId: 'no-such-person', level: 2, targetLevel: 5 });
    assert.equal(refused.ok, false);
    assert.equal(f.delegation.find(item.result.id)?.ownerId, undefined);

    const handed = await handOverWork(f.delegation, f.team, { itemId: item.result.id, personId: added.person.id, level: 3, targetLevel: 5 });
    assert.ok(handed.ok);
    assert.deepEqual(
      delegationOnDisk(f).items.map((i) => [i.ownerId, i.level, i.targetLevel, i.status]),
      [[added.person.id, 3, 5, 'handingOver']],
    );
  });

  it('add a growth goal: it is open on the person on disk; the same goal again is refused with a reason and nothing is written', async () => {
    const f = fixture!;
    const added = await addPerson(f.team, { name: 'Katherine Johnson', role: '', cadence: 'weekly' });
    assert.ok(added.ok);
    const personId = added.person.id;
    const goal = await addGoal(f.team, { personId, text: '  Run the incident review ' });
    assert.ok(goal.ok);
    assert.deepEqual(teamOnDisk(f).people[0]?.goals?.map((g) => [g.text, g.reachedOn]), [['Run the incident review', undefined]]);

    const before = teamFileText(f);
    assert.match(reasonOf(await addGoal(f.team, { personId, text: 'run the incident review' })), /already on the list/);
    assert.match(reasonOf(await addGoal(f.team, { personId, text: '   ' })), /Describe the goal/);
    assert.match(reasonOf(await addGoal(f.team, { personId: 'no-such-person', text: 'Pair more' })), /no longer on your team/);
    assert.equal(teamFileText(f), before, 'nothing was written');
  });

  it('mark a goal reached: the goal on disk has the day it was reached; marking it again is refused with a reason and nothing is written', async () => {
    const f = fixture!;
    const added = await addPerson(f.team, { name: 'Dorothy Vaughan', role: '', cadence: 'weekly' });
    assert.ok(added.ok);
    const personId = added.person.id;
    const withGoal = await addGoal(f.team, { personId, text: 'Teach FORTRAN to the team' });
    assert.ok(withGoal.ok);
    const goalId = withGoal.person.goals![0]!.id;

    const reached = await markGoalReached(f.team, { personId, goalId });
    assert.ok(reached.ok);
    assert.equal(reached.goal.text, 'Teach FORTRAN to the team');
    const onDisk = teamOnDisk(f).people[0]?.goals?.[0];
    assert.match(onDisk?.reachedOn ?? '', /^\d{4}-\d{2}-\d{2}$/, 'the goal is reached on disk');

    const before = teamFileText(f);
    assert.match(reasonOf(await markGoalReached(f.team, { personId, goalId })), /no longer open/);
    assert.match(reasonOf(await markGoalReached(f.team, { personId, goalId: 'no-such-goal' })), /no longer open/);
    assert.match(reasonOf(await markGoalReached(f.team, { personId: 'no-such-person', goalId })), /no longer on your team/);
    assert.equal(teamFileText(f), before, 'nothing was written');
  });

  it('add a delegation item: it is held on disk, its title tidied; an empty or over-long title is refused with a reason and nothing is written', async () => {
    const f = fixture!;
    const added = await addDelegationItem(f.delegation, { title: '  Release   notes ' });
    assert.ok(added.ok);
    assert.deepEqual(
      delegationOnDisk(f).items.map((i) => [i.title, i.status, i.ownerId]),
      [['Release notes', 'holding', undefined]],
    );
    const before = delegationFileText(f);
    assert.match(reasonOf(await addDelegationItem(f.delegation, { title: '   ' })), /Say what the work is/);
    assert.match(reasonOf(await addDelegationItem(f.delegation, { title: 'x'.repeat(201) })), /under 200 characters/);
    assert.equal(delegationFileText(f), before, 'nothing was written');
  });

  it('change a delegation item’s level and status: both are on disk; a status that needs an owner is refused on unowned work and nothing is written', async () => {
    const f = fixture!;
    const person = await addPerson(f.team, { name: 'Radia Perlman', role: '', cadence: 'weekly' });
    assert.ok(person.ok);
    const unowned = await addDelegationItem(f.delegation, { title: 'On-call rota' });
    assert.ok(unowned.ok);

    const before = delegationFileText(f);
    for (const status of ['handingOver', 'delegated'] as const) {
      assert.match(reasonOf(await setDelegationStatus(f.delegation, { itemId: unowned.result.id, status })), /Choose who owns it first/);
    }
    assert.match(reasonOf(await setDelegationStatus(f.delegation, { itemId: 'no-such-item', status: 'holding' })), /no longer in your delegation list/);
    assert.match(reasonOf(await changeDelegationLevel(f.delegation, { itemId: 'no-such-item', level: 3 })), /no longer in your delegation list/);
    assert.equal(delegationFileText(f), before, 'nothing was written');

    const takenBack = await setDelegationStatus(f.delegation, { itemId: unowned.result.id, status: 'takenBack' });
    assert.ok(takenBack.ok, 'work no one owns can still be taken back');
    const handed = await handOverWork(f.delegation, f.team, { itemId: unowned.result.id, personId: person.person.id, level: 2, targetLevel: 5 });
    assert.ok(handed.ok);
    assert.ok((await changeDelegationLevel(f.delegation, { itemId: unowned.result.id, level: 4 })).ok);
    assert.ok((await setDelegationStatus(f.delegation, { itemId: unowned.result.id, status: 'delegated' })).ok);
    const item = delegationOnDisk(f).items[0];
    assert.deepEqual([item?.ownerId, item?.level, item?.status], [person.person.id, 4, 'delegated']);
    assert.deepEqual(item?.levelHistory.map((h) => [h.from, h.to]), [[undefined, 2], [2, 4]], 'the level history shows the change');
  });

  it('mark a relapse: it is recorded on disk and taking the work back changes its status; an unknown item is refused', async () => {
    const f = fixture!;
    const person = await addPerson(f.team, { name: 'Adele Goldberg', role: '', cadence: 'weekly' });
    assert.ok(person.ok);
    const item = await addDelegationItem(f.delegation, { title: 'Code review of the parser' });
    assert.ok(item.ok);
    assert.ok((await handOverWork(f.delegation, f.team, { itemId: item.result.id, personId: person.person.id, level: 3, targetLevel: 5 })).ok);

    assert.ok((await recordDelegationRelapse(f.delegation, { itemId: item.result.id, kind: 'rewrote' })).ok);
    assert.equal(delegationOnDisk(f).items[0]?.status, 'handingOver', 'rewriting it leaves who owns it alone');
    assert.ok((await recordDelegationRelapse(f.delegation, { itemId: item.result.id, kind: 'tookBack' })).ok);
    const onDisk = delegationOnDisk(f).items[0];
    assert.deepEqual(onDisk?.relapses.map((r) => r.kind), ['rewrote', 'tookBack']);
    assert.equal(onDisk?.status, 'takenBack');

    const before = delegationFileText(f);
    assert.match(reasonOf(await recordDelegationRelapse(f.delegation, { itemId: 'no-such-item', kind: 'redecided' })), /no longer in your delegation list/);
    assert.equal(delegationFileText(f), before, 'nothing was written');
  });

  it('note a delegation step: the step is ticked on disk with its note; an unknown step or an over-long note is refused with a reason and nothing is written', async () => {
    const f = fixture!;
    const item = await addDelegationItem(f.delegation, { title: 'Quarterly planning' });
    assert.ok(item.ok);
    const itemId = item.result.id;
    assert.ok((await noteDelegationStep(f.delegation, { itemId, stepId: 'why-this-person', note: '  Wants to grow into planning ' })).ok);
    assert.deepEqual(delegationOnDisk(f).items[0]?.steps.map((s) => [s.stepId, s.note]), [['why-this-person', 'Wants to grow into planning']]);

    const before = delegationFileText(f);
    assert.match(reasonOf(await noteDelegationStep(f.delegation, { itemId, stepId: 'no-such-step', note: 'Hello' })), /not on the hand-over checklist/);
    assert.match(reasonOf(await noteDelegationStep(f.delegation, { itemId, stepId: 'what-stays', note: 'x'.repeat(1001) })), /under 1000 characters/);
    assert.match(reasonOf(await noteDelegationStep(f.delegation, { itemId: 'no-such-item', stepId: 'what-stays', note: 'Hello' })), /no longer in your delegation list/);
    assert.equal(delegationFileText(f), before, 'nothing was written');
  });

  it('mark a goal reached twice at once (a double click): one is reached, the other refused with a reason', async () => {
    const f = fixture!;
    const added = await addPerson(f.team, { name: 'Katherine Johnson', role: '', cadence: 'weekly' });
    assert.ok(added.ok);
    const withGoal = await addGoal(f.team, { personId: added.person.id, text: 'Check the orbit by hand' });
    assert.ok(withGoal.ok);
    const goal = { personId: added.person.id, goalId: withGoal.person.goals![0]!.id };

    const results = await Promise.all([markGoalReached(f.team, goal), markGoalReached(f.team, goal)]);
    assert.deepEqual(results.map((r) => r.ok).sort(), [false, true], 'one click reaches the goal, the other is refused');
    assert.match(reasonOf(results.find((r) => !r.ok)!), /no longer open/);
  });

  it('work no one owns has no level and no relapse; an archived person takes no work; an unknown step is not ticked; nothing is written', async () => {
    const f = fixture!;
    const person = await addPerson(f.team, { name: 'Frances Allen', role: '', cadence: 'weekly' });
    assert.ok(person.ok);
    assert.ok((await setPersonArchived(f.team, { personId: person.person.id, archived: true })).ok);
    const unowned = await addDelegationItem(f.delegation, { title: 'Compiler release' });
    assert.ok(unowned.ok);
    const itemId = unowned.result.id;

    const before = delegationFileText(f);
    assert.match(reasonOf(await changeDelegationLevel(f.delegation, { itemId, level: 3 })), /Choose who owns it first/);
    assert.match(reasonOf(await recordDelegationRelapse(f.delegation, { itemId, kind: 'tookBack' })), /Choose who owns it first/);
    assert.match(reasonOf(await handOverWork(f.delegation, f.team, { itemId, personId: person.person.id, level: 2, targetLevel: 5 })), /archived/);
    assert.match(reasonOf(await tickDelegationStep(f.delegation, { itemId, stepId: 'no-such-step', done: true })), /not on the hand-over checklist/);
    assert.equal(delegationFileText(f), before, 'nothing was written');
  });

  it('the note-a-step command with an unknown step says why instead of doing nothing', async () => {
    const added = await vscode.commands.executeCommand<ItemResult>(COMMANDS.addDelegationItem, { title: `Step check ${Date.now()}` });
    assert.ok(added?.ok);
    const noted = await vscode.commands.executeCommand<ItemResult | undefined>(COMMANDS.noteDelegationStep, { itemId: added.result.id, stepId: 'no-such-step', note: 'Hello' });
    assert.ok(noted, 'the command answered');
    assert.match(reasonOf(noted), /not on the hand-over checklist/);
    await vscode.commands.executeCommand(COMMANDS.deleteDelegationItem, { itemId: added.result.id, quiet: true });
  });
});
