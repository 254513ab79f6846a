import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { activateTwoHats, readText, saveOrExplain } from './helpers';
import { noteBodyUri, notesFolder } from '../../src/host/storage/layout';
import { noteIdOf } from '../../src/host/oneOnOnes/noteFileSystem';
import { TEAM_FILE } from '../../src/shared/storageLayout';

describe('1:1 notes in the real editor', () => {
  let folder: vscode.Uri;
  let personId: string;

  before(async () => {
    const api = await activateTwoHats();
    folder = api.dataLocation()!;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Noor ${Date.now()}` });
    assert.ok(added?.ok);
    personId = added.person.id;
  });

  it('starts a note from a template in workspace storage and opens it in an editor', async () => {
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' });
    assert.ok(started);
    const onDisk = await readText(noteBodyUri(folder, started.noteId));
    assert.match(onDisk ?? '', /^# 1:1 with Noor \d+ · \d{4}-\d{2}-\d{2}/);
    assert.match(onDisk ?? '', /## Their topics first/);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), started.uri.toString());
    assert.equal(editor?.document.languageId, 'markdown');
  });

  it('writes a saved edit through the store, and carries open items into the next note', async () => {
    const editor = vscode.window.activeTextEditor!;
    const noteId = noteIdOf(editor.document.uri)!;
    // Under "Action items", above the private part: a task typed at the end of the note is private.
    const actionItems = editor.document.getText().split('\n').indexOf('## Action items');
    assert.ok(actionItems > 0);
    // An edit refused (the editor replaced meanwhile) leaves nothing to save: said here, not as a failed save.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(actionItems + 1, 0), '\n- [ ] Write the onboarding guide @noor\n')), `the edit applied to the open note (${editor.document.uri.toString()})`);
    await saveOrExplain(editor.document);
    const onDisk = await readText(noteBodyUri(folder, noteId));
    assert.match(onDisk ?? '', /- \[ \] Write the onboarding guide @noor/);
    const entries = await vscode.workspace.fs.readDirectory(notesFolder(folder));
    assert.deepEqual(entries.filter(([name]) => name.endsWith('.tmp')), [], 'no temporary file is left behind');

    const next = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' });
    const nextText = await readText(noteBodyUri(folder, next!.noteId));
    assert.match(nextText ?? '', /## Follow-ups\n\n.*\n\n- \[ \] Write the onboarding guide @noor/);
  });

  it('carries a task typed under the private heading into the next note\'s private part only', async () => {
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), started!.uri.toString());
    await editor.edit((b) =>
      b.insert(new vscode.Position(editor.document.lineCount, 0), '\n## Performance concerns\n\n- [ ] Talk to HR about the PIP\n'),
    );
    await saveOrExplain(editor.document);
    const next = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' });
    const text = (await readText(noteBodyUri(folder, next!.noteId))) ?? '';
    const privateAt = text.indexOf('## Private notes');
    assert.ok(privateAt > 0, text);
    assert.match(text.slice(privateAt), /- \[ \] Talk to HR about the PIP/);
    assert.doesNotMatch(text.slice(0, privateAt), /Talk to HR/);
    assert.equal(await vscode.commands.executeCommand<boolean>(COMMANDS.copyShareableAgenda), true);
    assert.doesNotMatch(await vscode.env.clipboard.readText(), /Talk to HR|Private notes/);
  });

  it('finds the note by a word in it, and not by a word that is nowhere', async () => {
    const hits = await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, 'ONBOARDING guide');
    assert.ok(hits && hits.length >= 1);
    const first = await readText(noteBodyUri(folder, hits[0]));
    assert.match(first ?? '', /Write the onboarding guide/);
    assert.deepEqual(await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, 'onboarding zanzibar'), []);
  });

  it('lists search hits newest first', async () => {
    const noteSaying = async (words: string) => {
      const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' });
      assert.ok(started);
      await vscode.workspace.fs.writeFile(started.uri, new TextEncoder().encode(`# Notes\n\n${words}\n`));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      return started.noteId;
    };
    const older = await noteSaying('The kestrel project slipped.');
    const newer = await noteSaying('The kestrel project shipped.');
    assert.deepEqual(await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, 'kestrel project'), [newer, older]);
  });

  it('names the note by its title alone in the path the breadcrumbs show, and still opens and saves a tab of the earlier form', async () => {
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' });
    assert.ok(started);
    // The breadcrumbs show the URI's path, folder by folder: no id in it.
    assert.doesNotMatch(started.uri.path, new RegExp(started.noteId));
    assert.match(started.uri.path, /^\/Noor \d+ · \d{4}-\d{2}-\d{2} · Weekly check-in\.md$/);
    assert.equal(noteIdOf(started.uri), started.noteId);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // A tab restored after an update still carries `two-hats-note:/<id>/<title>.md`.
    const earlier = vscode.Uri.from({ scheme: started.uri.scheme, path: `/${started.noteId}${started.uri.path}` });
    const document = await vscode.workspace.openTextDocument(earlier);
    assert.match(document.getText(), /## Their topics first/);
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Restored tab line\n')));
    await saveOrExplain(document);
    assert.match((await readText(noteBodyUri(folder, started.noteId))) ?? '', /^Restored tab line\n# 1:1 with Noor/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('moves the person’s next 1:1 due date to a cadence after today', async () => {
    const team = JSON.parse((await readText(vscode.Uri.joinPath(folder, TEAM_FILE)))!) as { people: { id: string; lastOneOnOneOn?: string }[] };
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.equal(team.people.find((p) => p.id === personId)?.lastOneOnOneOn, iso);
  });
});

describe('talking points between 1:1s', () => {
  it('lands queued points in the next agenda, keeping only standing ones queued', async () => {
    const api = await activateTwoHats();
    const folder = api.dataLocation()!;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Ravi ${Date.now()}` });
    assert.ok(added?.ok);
    const personId = added.person.id;
    await vscode.commands.executeCommand(COMMANDS.queueTalkingPoint, { personId, text: 'Conference budget', standing: false });
    await vscode.commands.executeCommand(COMMANDS.queueTalkingPoint, { personId, text: 'How is on-call going?', standing: true });

    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' });
    const agenda = await readText(noteBodyUri(folder, started!.noteId));
    assert.match(agenda ?? '', /## Talking points\n\n- Conference budget\n- How is on-call going\? _\(standing\)_/);

    const team = JSON.parse((await readText(vscode.Uri.joinPath(folder, TEAM_FILE)))!) as {
      people: { id: string; talkingPoints?: { text: string }[] }[];
    };
    assert.deepEqual(team.people.find((p) => p.id === personId)?.talkingPoints?.map((p) => p.text), ['How is on-call going?']);
  });
});

describe('the shareable agenda', () => {
  it('copies the open note without its private section', async () => {
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Mia ${Date.now()}` });
    assert.ok(added?.ok);
    await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'feedback' });
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), 'Worried about burnout.\n'));
    assert.equal(await vscode.commands.executeCommand<boolean>(COMMANDS.copyShareableAgenda), true);
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /## What went well/);
    assert.doesNotMatch(copied, /burnout|Private notes/);
  });
});

describe('growth goals and the check-in', () => {
  it('puts open goals into the next weekly note and leaves reached ones out', async () => {
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Kai ${Date.now()}` });
    assert.ok(added?.ok);
    const personId = added.person.id;
    const first = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addGoal, { personId, text: 'Run the incident review' });
    const second = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addGoal, { personId, text: 'Pair with the new hire' });
    assert.ok(first?.ok && second?.ok);
    const refused = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addGoal, { personId, text: 'run the incident review' });
    assert.ok(refused && !refused.ok, 'a twin goal is refused');
    const reachedId = second.person.goals!.find((g) => g.text === 'Pair with the new hire')!.id;
    await vscode.commands.executeCommand(COMMANDS.markGoalReached, { personId, goalId: reachedId });
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' });
    const text = await readText(started!.uri);
    assert.match(text ?? '', /- Goal: Run the incident review — progress: \/10/);
    assert.doesNotMatch(text ?? '', /Pair with the new hire/);
    assert.match(text ?? '', /Check-in: \/10/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
