/**
 * The use cases for people and their 1:1s, called directly, as the sidebar and the palette call
 * them: no prompt, no command, no webview. Each runs on stores of its own over a fresh folder
 * (useCaseFixture.ts) and checks what ends up on disk.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { noteBodyUri } from '../../src/host/storage/layout';
import { addDelegationItem, handOverWork } from '../../src/host/useCases/delegation';
import { addPerson, setPersonArchived, updatePerson } from '../../src/host/useCases/people';
import { queueTalkingPoint } from '../../src/host/useCases/queueTalkingPoint';
import { lastTemplates, startOneOnOne } from '../../src/host/useCases/startOneOnOne';
import { tickActionItem } from '../../src/host/useCases/tickActionItem';
import { DELEGATION_FILE, TEAM_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats, readText } from './helpers';
import { closeFixture, delegationFileText, openFixture, teamFileText, teamOnDisk, type Fixture } from './useCaseFixture';

describe('use cases, called without any prompt: people and 1:1s', () => {
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
