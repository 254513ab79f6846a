import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { HandoverResult } from '../../src/host/oneOnOnes/handoverExport';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { ItemResult } from '../../src/host/storage/delegationStore';
import type { MutationResult } from '../../src/host/storage/teamStore';
import type { Erased } from '../../src/host/team/erasePerson';
import { activateTwoHats, eventually, filesHolding, filesUnder, saveOrExplain } from './helpers';
import { DELEGATION_FILE, NOTE_INDEX_FILE, NOTES_FOLDER, TEAM_FILE, keptBeforeSetAsideName, noteBodyName, setAsideName, tempName, undecodableOriginalName } from '../../src/shared/storageLayout';


describe('erasing a person, and handing them over', () => {
  const stamp = Date.now();
  const name = `Zenobia Erasable ${stamp}`;
  const other = `Otto Staying ${stamp}`;
  const shareable = `SHAREABLE-${stamp}`;
  const secret = `PRIVATE-${stamp}`;
  const otherSentinel = `OTHER-${stamp}`;
  let data: string;
  let storageFolders: string[];
  let personId: string;
  let otherNote: string;
  let theirNote: string;

  async function note(personOf: string, shared: string, hidden: string): Promise<string> {
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: personOf, templateId: 'weekly' });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.scheme, 'two-hats-note');
    const privateAt = editor.document.positionAt(editor.document.getText().indexOf('## Private notes'));
    assert.ok(await editor.edit((b) => b.insert(privateAt, `- [ ] Follow up on ${shared}\n\n`)), 'the shareable edit');
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), `- [ ] ${hidden} talk to HR\n`)), 'the private edit');
    await saveOrExplain(editor.document);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    return started!.noteId;
  }

  before(async function () {
    this.timeout(90_000);
    const api = await activateTwoHats();
    data = api.dataLocation()!.fsPath;
    // <user data>/User/workspaceStorage/<id>/<extension> → <user data>/User/globalStorage/<extension>
    storageFolders = [data, path.join(data, '..', '..', '..', 'globalStorage', path.basename(data))];
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
    const kept = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: other });
    assert.ok(added?.ok && kept?.ok);
    personId = added.person.id;
    await vscode.commands.executeCommand(COMMANDS.addGoal, { personId, text: `Run the ${stamp} design review` });
    await vscode.commands.executeCommand(COMMANDS.queueTalkingPoint, { personId, text: `Raise TALKING-${stamp} again`, standing: false });
    theirNote = await note(personId, shareable, secret);
    const theirs = theirNote;
    otherNote = await note(kept.person.id, otherSentinel, `${otherSentinel}-private`);
    const owned = await vscode.commands.executeCommand<ItemResult>(COMMANDS.addDelegationItem, { title: `Release train ${stamp}` });
    assert.ok(owned?.ok);
    await vscode.commands.executeCommand(COMMANDS.assignDelegation, { itemId: owned.result.id, personId, level: 3, targetLevel: 5, quiet: true });
    await vscode.commands.executeCommand(COMMANDS.noteDelegationStep, { itemId: owned.result.id, stepId: 'why-this-person', note: `${secret} wants growth`, quiet: true });
    await vscode.commands.executeCommand(COMMANDS.addDelegationItem, { title: `Pair ${name} with the on-call lead` });
    // Someone else's work that names them by first name, or by handle, only.
    await vscode.commands.executeCommand(COMMANDS.addDelegationItem, { title: `Ask Zenobia about the ${stamp} migration, cc @erasable` });
    // Wait for the rolling backup to hold their note, so the erasure has copies to reach.
    await eventually(() => filesHolding(storageFolders.slice(1), secret).some((file) => file.includes(noteBodyName(theirs))) || undefined, 'a backup copy of their note', 40_000);
  });

  it('exports the shareable parts for their next manager, never a private part', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'two-hats-handover-'));
    const file = path.join(target, 'handover.md');
    const result = await vscode.commands.executeCommand<HandoverResult>(COMMANDS.exportForNextManager, { personId, file });
    assert.equal(result?.notes, 1);
    const text = readFileSync(file, 'utf8');
    assert.match(text, new RegExp(`Follow up on ${shareable}`));
    assert.match(text, new RegExp(`Run the ${stamp} design review`));
    assert.doesNotMatch(text, new RegExp(secret));
    assert.doesNotMatch(text, new RegExp(otherSentinel));

    const folder = await vscode.commands.executeCommand<HandoverResult>(COMMANDS.exportForNextManager, { personId, folder: target });
    const written = filesUnder(folder!.written.fsPath);
    assert.equal(written.length, 2, 'a summary and one file per note');
    assert.ok(written.some((f) => readFileSync(f, 'utf8').includes(shareable)));
    assert.deepEqual(filesHolding([folder!.written.fsPath], secret), []);
  });

  it('asks for the name typed exactly, and does nothing otherwise', async () => {
    const refused = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId, typedName: 'Zenobia' });
    assert.equal(refused, undefined);
    assert.ok(filesHolding([data], name).length > 0, 'still there');
  });

  /**
   * Copies Two Hats keeps beside its files, named as it names them: a team file set aside as
   * damaged, a delegation file set aside as written by a newer version, a damaged index, the
   * original of a note that was not UTF-8, a temporary file an interrupted write left behind, and a
   * backup copy kept from before a set-aside. Made by hand: damaging the live files here would take
   * the team away from the rest of the test.
   */
  function makeSetAsideCopies(noteId: string): Record<string, string> {
    const when = '2026-11-29T10-00-00-000Z';
    const backup = path.dirname(filesHolding(storageFolders.slice(1), secret).find((file) => file.includes(noteBodyName(noteId)))!);
    const copies = {
      damagedTeam: path.join(data, setAsideName(TEAM_FILE, 'corrupt', when)),
      newerDelegation: path.join(data, setAsideName(DELEGATION_FILE, 'newer', when)),
      damagedIndex: path.join(data, setAsideName(NOTE_INDEX_FILE, 'corrupt', when)),
      notUtf8: path.join(data, NOTES_FOLDER, undecodableOriginalName(noteId, 1764410400000)),
      interruptedWrite: path.join(data, tempName(TEAM_FILE, 999999, '0123456789ab')),
      backupBeforeSetAside: path.join(backup, '..', keptBeforeSetAsideName(TEAM_FILE, when)),
    };
    writeFileSync(copies.damagedTeam, readFileSync(path.join(data, TEAM_FILE), 'utf8').slice(0, -3) + '\u0000garbage');
    copyFileSync(path.join(data, DELEGATION_FILE), copies.newerDelegation);
    copyFileSync(path.join(data, NOTE_INDEX_FILE), copies.damagedIndex);
    copyFileSync(path.join(data, NOTES_FOLDER, noteBodyName(noteId)), copies.notUtf8);
    copyFileSync(path.join(data, TEAM_FILE), copies.interruptedWrite);
    copyFileSync(path.join(backup, '..', TEAM_FILE), copies.backupBeforeSetAside);
    for (const [what, file] of Object.entries(copies)) {
      assert.ok(readFileSync(file, 'utf8').includes(what === 'notUtf8' ? secret : 'Zenobia'), `${what} holds them before`);
    }
    return copies;
  }

  it('leaves no file on this machine holding their name or their notes, set-aside copies and backups included, and keeps everyone else', async function () {
    this.timeout(60_000);
    assert.ok(filesHolding(storageFolders, secret).length > 0, 'the sentinel is on disk before (so the check below can fail)');
    await eventually(() => existsSync(path.join(data, NOTE_INDEX_FILE)) || undefined, 'the note index on disk');
    const copies = makeSetAsideCopies(theirNote);
    const erased = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId, typedName: name });
    assert.equal(erased?.notes, 1);
    assert.equal(erased?.items, 1);
    // Every file under both storage folders, read as raw bytes: the full name, each part of it
    // alone, their handle, and what was written in and about their notes.
    for (const needle of [name, 'Zenobia', 'Erasable', '@erasable', personId, secret, shareable, `TALKING-${stamp}`, `Run the ${stamp} design review`, `Release train ${stamp}`]) {
      assert.deepEqual(filesHolding(storageFolders, needle), [], `nothing holds ${needle}`);
    }
    // A copy that still reads as what it is keeps everyone else; one too damaged to clean goes.
    assert.ok(readFileSync(copies.newerDelegation, 'utf8').includes(`Ask a former team member about the ${stamp} migration, cc a former team member`));
    assert.ok(!existsSync(copies.damagedTeam), 'the damaged team copy that named them is gone');
    // A backup written a moment later must not bring any of it back.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.deepEqual(filesHolding(storageFolders, secret), []);
    assert.deepEqual(filesHolding(storageFolders, name), []);

    assert.ok(filesHolding([data], other).length > 0, 'the other person is still on the team');
    assert.ok(statSync(path.join(data, NOTES_FOLDER, noteBodyName(otherNote))).isFile());
    assert.ok(filesHolding([data], otherSentinel).length > 0, 'their notes are untouched');
    assert.ok(filesHolding([data], `Pair a former team member with the on-call lead`).length > 0, 'work that only named them stays, without the name');
    const hits = await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, secret);
    assert.deepEqual(hits, []);
  });
});
