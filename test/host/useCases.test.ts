/**
 * The use cases called directly, as the sidebar and the palette call them: no prompt, no command,
 * no webview. Each runs on stores of its own over a fresh folder and checks what ends up on disk.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DelegationStore } from '../../src/host/storage/delegationStore';
import { noteBodyUri } from '../../src/host/storage/layout';
import { NoteStore } from '../../src/host/storage/noteStore';
import { TeamStore } from '../../src/host/storage/teamStore';
import { handOverWork } from '../../src/host/useCases/delegation';
import { addPerson, setPersonArchived, updatePerson } from '../../src/host/useCases/people';
import { queueTalkingPoint } from '../../src/host/useCases/queueTalkingPoint';
import { lastTemplates, startOneOnOne } from '../../src/host/useCases/startOneOnOne';
import { tickActionItem } from '../../src/host/useCases/tickActionItem';
import { DELEGATION_FILE, TEAM_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats, readText } from './helpers';

/** A workspace memento kept in memory: what the extension's own would hold for these stores. */
class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  update(key: string, value: unknown): Thenable<void> {
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

/** The team as the file on disk holds it. */
function teamOnDisk(fixture: Fixture): { people: { id: string; name: string; role: string; archived: boolean; talkingPoints?: { text: string; standing: boolean }[]; lastOneOnOneOn?: string }[] } {
  return JSON.parse(readFileSync(path.join(fixture.dir, TEAM_FILE), 'utf8'));
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
    const stored = JSON.parse(readFileSync(path.join(f.dir, DELEGATION_FILE), 'utf8')) as { items: { ownerId?: string; level?: number; targetLevel?: number; status: string }[] };
    assert.deepEqual(
      stored.items.map((i) => [i.ownerId, i.level, i.targetLevel, i.status]),
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
});
