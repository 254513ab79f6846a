/**
 * The use cases called directly, as the sidebar and the palette call them: no prompt, no command,
 * no webview. Each runs on stores of its own over a fresh folder and checks what ends up on disk.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import { DelegationStore, type ItemResult } from '../../src/host/storage/delegationStore';
import { noteBodyUri } from '../../src/host/storage/layout';
import { NoteStore } from '../../src/host/storage/noteStore';
import { TeamStore } from '../../src/host/storage/teamStore';
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
import { addPerson, setPersonArchived, updatePerson } from '../../src/host/useCases/people';
import { queueTalkingPoint } from '../../src/host/useCases/queueTalkingPoint';
import { lastTemplates, startOneOnOne } from '../../src/host/useCases/startOneOnOne';
import { tickActionItem } from '../../src/host/useCases/tickActionItem';
import { DELEGATION_FILE, TEAM_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats, readText } from './helpers';

/** A workspace memento kept in memory: what the extension's own would hold for these stores. */
class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  /** Runs before each update: a test's way to act between two steps of a use case. */
  beforeUpdate: (() => void) | undefined;
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.beforeUpdate?.();
    this.values.set(key, value);
    return Promise.resolve();
  }
}

interface Fixture {
  readonly dir: string;
  readonly team: TeamStore;
  readonly notes: NoteStore;
  readonly delegation: DelegationStore;
  readonly memento: MemoryMemento;
}

async function openFixture(): Promise<Fixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'two-hats-use-cases-'));
  const uri = vscode.Uri.file(dir);
  const location = { kind: 'folder', uri, scope: 'workspace' } as const;
  const fixture = { dir, team: new TeamStore(), notes: new NoteStore(), delegation: new DelegationStore(), memento: new MemoryMemento() };
  await Promise.all([fixture.team.open(location), fixture.delegation.open(location), fixture.notes.open(uri)]);
  await fixture.notes.reconciled();
  return fixture;
}

function closeFixture(fixture: Fixture | undefined): void {
  fixture?.team.dispose();
  fixture?.notes.dispose();
  fixture?.delegation.dispose();
}

interface TeamOnDisk {
  people: {
    id: string;
    name: string;
    role: string;
    archived: boolean;
    talkingPoints?: { text: string; standing: boolean }[];
    lastOneOnOneOn?: string;
    goals?: { id: string; text: string; reachedOn?: string }[];
  }[];
}

/** The team as the file on disk holds it. */
function teamOnDisk(fixture: Fixture): TeamOnDisk {
  return JSON.parse(teamFileText(fixture)) as TeamOnDisk;
}

function teamFileText(fixture: Fixture): string {
  return readFileSync(path.join(fixture.dir, TEAM_FILE), 'utf8');
}

interface DelegationOnDisk {
  items: {
    id: string;
    title: string;
    ownerId?: string;
    level?: number;
    targetLevel?: number;
    status: string;
    levelHistory: { from?: number; to: number }[];
    steps: { stepId: string; note?: string }[];
    relapses: { kind: string }[];
  }[];
}

/** The delegation list as the file on disk holds it. */
function delegationOnDisk(fixture: Fixture): DelegationOnDisk {
  return JSON.parse(delegationFileText(fixture)) as DelegationOnDisk;
}

function delegationFileText(fixture: Fixture): string {
  return readFileSync(path.join(fixture.dir, DELEGATION_FILE), 'utf8');
}

/** The reason a refused result gives; fails the test when the result was not refused. */
function reasonOf(result: { ok: true } | { ok: false; error: string }): string {
  assert.equal(result.ok, false, 'the input was refused');
  return result.ok ? '' : result.error;
}

describe('use cases, called without any prompt', () => {
  let fixture: Fixture | undefined;

  before(() => activateTwoHats());
  beforeEach(async () => (fixture = await openFixture()));
  afterEach(() => closeFixture(fixture));

  it('add a person: the person is in the team file; a second person of the same name is refused with a reason', async () => {
    const f = fixture!;
    const added = await addPerson(f.team, { name: '  Grace   Hopper ', role: 'Compilers', cadence: 'biweekly' });
    assert.ok(added.ok);
    assert.deepEqual(
      teamOnDisk(f).people.map((p) => [p.name, p.role]),
      [['Grace Hopper', 'Compilers']],
    );
    const again = await addPerson(f.team, { name: 'grace hopper', role: '', cadence: 'weekly' });
    assert.equal(again.ok, false);
    assert.match(again.ok ? '' : again.error, /already/i);
    assert.equal(teamOnDisk(f).people.length, 1, 'nothing else was written');

    const renamed = await updatePerson(f.team, { personId: added.person.id, draft: { name: 'Grace B. Hopper', role: 'Navy', cadence: 'weekly' } });
    assert.ok(renamed.ok);
    const archived = await setPersonArchived(f.team, { personId: added.person.id, archived: true });
    assert.ok(archived.ok);
    assert.deepEqual(
      teamOnDisk(f).people.map((p) => [p.name, p.role, p.archived]),
      [['Grace B. Hopper', 'Navy', true]],
    );
  });

  it('queue a talking point: it waits on the person on disk; an empty point is refused and nothing is written', async () => {
    const f = fixture!;
    const added = await addPerson(f.team, { name: 'Barbara Liskov', role: '', cadence: 'weekly' });
    assert.ok(added.ok);
    const queued = await queueTalkingPoint(f.team, { personId: added.person.id, text: '  Conference budget ', standing: false });
    assert.ok(queued.ok);
    assert.equal(queued.point.text, 'Conference budget');
    const refused = await queueTalkingPoint(f.team, { personId: added.person.id, text: '   ', standing: true });
    assert.equal(refused.ok, false);
    assert.deepEqual(teamOnDisk(f).people[0]?.talkingPoints?.map((p) => [p.text, p.standing]), [['Conference budget', false]]);
  });

  it('start a 1:1: the note on disk takes in the queued points and the open items of the last note; a one-off point leaves the queue', async () => {
    const f = fixture!;
    const added = await addPerson(f.team, { name: 'Frances Allen', role: '', cadence: 'weekly' });
    assert.ok(added.ok);
    const personId = added.person.id;
    await queueTalkingPoint(f.team, { personId, text: 'Conference budget', standing: false });
    await queueTalkingPoint(f.team, { personId, text: 'How is on-call going?', standing: true });
    const template = { id: 'test-template', title: 'Test', markdown: '# 1:1 with {{person}}\n\n## Talking points\n\n{{talkingPoints}}\n\n## Action items\n\n{{openActionItems}}\n- [ ] Ship the parser\n' };

    const first = await startOneOnOne(f, { personId, template });
    assert.ok(first.ok, first.ok ? '' : first.error);
    const written = await readText(noteBodyUri(vscode.Uri.file(f.dir), first.noteId));
    assert.match(written ?? '', /^# 1:1 with Frances Allen/);
    assert.match(written ?? '', /Conference budget/);
    assert.match(written ?? '', /How is on-call going\?/);
    assert.deepEqual(teamOnDisk(f).people[0]?.talkingPoints?.map((p) => p.text), ['How is on-call going?'], 'the standing point stays, the other one was taken');
    assert.ok(teamOnDisk(f).people[0]?.lastOneOnOneOn, 'the 1:1 counts as held');
    assert.equal(lastTemplates(f.memento)[personId], 'test-template');

    const second = await startOneOnOne(f, { personId, template: { ...template, markdown: '# Again\n\n{{openActionItems}}\n' } });
    assert.ok(second.ok);
    assert.match((await readText(noteBodyUri(vscode.Uri.file(f.dir), second.noteId))) ?? '', /- \[ \] Ship the parser/, 'the open item was carried');

    const nobody = await startOneOnOne(f, { personId: 'no-such-person', template });
    assert.equal(nobody.ok, false);
    assert.equal(f.notes.all.length, 2, 'no note for nobody');
  });

  it('start a 1:1 while a newer Two Hats saves the team and delegation files: the note is written, and each part that could not follow says so', async () => {
    const f = fixture!;
    const added = await addPerson(f.team, { name: 'Lynn Conway', role: '', cadence: 'weekly' });
    assert.ok(added.ok);
    const personId = added.person.id;
    await queueTalkingPoint(f.team, { personId, text: 'Chip design course', standing: false });
    const item = await addDelegationItem(f.delegation, { title: 'Design reviews' });
    assert.ok(item.ok);
    assert.ok((await handOverWork(f.delegation, f.team, { itemId: item.result.id, personId, level: 3, targetLevel: 5 })).ok, 'a hand-over makes a check-in due');
    // The note is on disk when the template is remembered; then, before the team and the
    // check-ins follow, a newer version of Two Hats in another window saves both files.
    const newerTeam = `${JSON.stringify({ schemaVersion: 99, people: [] })}\n`;
    const newerDelegation = `${JSON.stringify({ schemaVersion: 99, items: [] })}\n`;
    f.memento.beforeUpdate = () => {
      writeFileSync(path.join(f.dir, TEAM_FILE), newerTeam);
      writeFileSync(path.join(f.dir, DELEGATION_FILE), newerDelegation);
    };
    const template = { id: 'test-template', title: 'Test', markdown: '# 1:1 with {{person}}\n\n{{talkingPoints}}\n\n{{delegationCheckIns}}\n' };

    const started = await startOneOnOne(f, { personId, template });
    assert.ok(started.ok, started.ok ? '' : started.error);
    const note = await readText(noteBodyUri(vscode.Uri.file(f.dir), started.noteId));
    assert.match(note ?? '', /Chip design course/);
    assert.match(note ?? '', /Design reviews/);
    assert.equal(started.warnings.length, 2, started.warnings.join('\n'));
    assert.match(started.warnings[0] ?? '', /^The note is written, but the next due date and the talking points could not be updated: .*newer version/);
    assert.match(started.warnings[1] ?? '', /^The note is written, but the check-ins could not be marked as held: .*newer version/);
    assert.equal(teamFileText(f), newerTeam, 'the newer team file is left as it is');
    assert.equal(delegationFileText(f), newerDelegation, 'the newer delegation file is left as it is');
  });

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

  it('tick an action item: the note on disk has it ticked; a line that changed meanwhile is left alone, with a reason', async () => {
    const f = fixture!;
    const note = await f.notes.create({ personId: 'p1', date: '2026-11-30', templateId: 'weekly', title: 'Ada · 2026-11-30', content: '# 1:1\n- [ ] Ship the index\n- [ ] Write docs\n' });
    const ticked = await tickActionItem(f.notes, { noteId: note.id, line: 1, text: 'Ship the index', done: true });
    assert.ok(ticked.ok);
    await f.notes.flush();
    const onDisk = () => readText(noteBodyUri(vscode.Uri.file(f.dir), note.id));
    assert.equal(await onDisk(), '# 1:1\n- [x] Ship the index\n- [ ] Write docs\n');

    const stale = await tickActionItem(f.notes, { noteId: note.id, line: 2, text: 'Write the docs', done: true });
    assert.equal(stale.ok, false);
    assert.equal(await onDisk(), '# 1:1\n- [x] Ship the index\n- [ ] Write docs\n');
    const gone = await tickActionItem(f.notes, { noteId: 'no-such-note', line: 1, text: 'Ship the index', done: false });
    assert.equal(gone.ok, false);
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
