import * as assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import { noteUri } from '../../src/host/oneOnOnes/noteFileSystem';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { parseNoteIndex } from '../../src/shared/oneOnOnes/noteIndex';
import { activateTwoHats, eventually, readText } from './helpers';
import { noteBodyUri, noteHeaderUri, notesFolder } from '../../src/host/storage/layout';
import { NOTE_INDEX_FILE } from '../../src/shared/storageLayout';

describe('note files changed outside Two Hats, and unusual notes', () => {
  let folder: vscode.Uri;
  let personId: string;

  before(async () => {
    const api = await activateTwoHats();
    folder = api.dataLocation()!;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Rosalind ${Date.now()}` });
    assert.ok(added?.ok);
    personId = added.person.id;
  });

  async function startNote(forPerson = personId): Promise<StartedOneOnOne> {
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: forPerson, templateId: 'career' });
    assert.ok(started);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    return started;
  }

  async function indexEntry(id: string) {
    const parsed = parseNoteIndex((await readText(vscode.Uri.joinPath(folder, NOTE_INDEX_FILE))) ?? '');
    return parsed.ok ? parsed.notes.find((note) => note.id === id) : undefined;
  }

  const bodyOf = (id: string) => noteBodyUri(folder, id);

  it('keeps a header beside each note, so the index can be rebuilt from the files', async () => {
    const started = await startNote();
    const header = JSON.parse((await readText(noteHeaderUri(folder, started.noteId))) ?? '{}') as { personId?: string };
    assert.equal(header.personId, personId);
    await eventually(() => indexEntry(started.noteId), 'the index to list the new note');
  });

  it('picks up an action item typed into the note file by another program', async () => {
    const started = await startNote();
    const text = (await readText(bodyOf(started.noteId))) ?? '';
    await vscode.workspace.fs.writeFile(bodyOf(started.noteId), new TextEncoder().encode(`${text}\n- [ ] Typed in another editor\n`));
    await eventually(async () => (await indexEntry(started.noteId))?.openItems.some((item) => item.text === 'Typed in another editor') || undefined, 'the outside edit in the index');
  });

  it('drops a note deleted outside from the index, and leaves the others', async () => {
    const keep = await startNote();
    const gone = await startNote();
    await eventually(() => indexEntry(gone.noteId), 'the note in the index');
    await vscode.workspace.fs.delete(bodyOf(gone.noteId));
    await eventually(async () => ((await indexEntry(gone.noteId)) === undefined ? true : undefined), 'the deleted note to leave the index');
    assert.ok(await indexEntry(keep.noteId));
  });

  it('saves and reads back a 5 MB note whole', async () => {
    // A person of its own: the 110,000 open items would be carried into every later note of theirs.
    const big = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Rosalind Big ${Date.now()}` });
    assert.ok(big?.ok);
    const started = await startNote(big.person.id);
    const text = `# Big\n\n${'- [ ] An item with some words in it #management\n'.repeat(110_000)}`;
    assert.ok(text.length > 5_000_000);
    const uri = noteUri(started.noteId, 'big');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).length, text.length);
    assert.equal((await readText(bodyOf(started.noteId)))?.length, text.length);
  });

  it('keeps the original bytes of a note that is not valid UTF-8 before replacing it', async function () {
    this.timeout(60_000);
    const started = await startNote();
    const garbage = new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]);
    const before = (await eventually(() => indexEntry(started.noteId), 'the note in the index')).updatedAt;
    await vscode.workspace.fs.writeFile(bodyOf(started.noteId), garbage);
    // Once Two Hats has noticed the outside write (a CI run under load saved after that, and the
    // original bytes were lost), the save must still keep them.
    await eventually(async () => ((await indexEntry(started.noteId))?.updatedAt ?? 0) > before || undefined, 'the outside write picked up by the index', 30_000);
    await vscode.workspace.fs.writeFile(noteUri(started.noteId, 'x'), new TextEncoder().encode('# Rewritten\n'));
    const names = (await vscode.workspace.fs.readDirectory(notesFolder(folder))).map(([name]) => name);
    const backup = names.find((name) => name.startsWith(`${started.noteId}.not-utf8-`));
    assert.ok(backup, 'a copy of the original bytes');
    assert.deepEqual([...(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(notesFolder(folder), backup)))], [...garbage]);
    assert.equal(await readText(bodyOf(started.noteId)), '# Rewritten\n');
  });

  it('keeps the original bytes when another program writes within the same second as Two Hats (file times kept to two seconds)', async function () {
    this.timeout(60_000);
    const started = await startNote();
    await vscode.workspace.fs.writeFile(noteUri(started.noteId, 'x'), new TextEncoder().encode('# Mine, saved by Two Hats\n'));
    const own = await vscode.workspace.fs.stat(bodyOf(started.noteId));
    // Another program writes bytes that are not UTF-8; a FAT or exFAT disk gives its write the same
    // time as Two Hats' own of a moment before.
    const garbage = new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]);
    writeFileSync(bodyOf(started.noteId).fsPath, garbage);
    utimesSync(bodyOf(started.noteId).fsPath, new Date(own.mtime), new Date(own.mtime));
    assert.ok((await vscode.workspace.fs.stat(bodyOf(started.noteId))).mtime <= own.mtime, 'the outside write looks no newer than the own one');
    await vscode.workspace.fs.writeFile(noteUri(started.noteId, 'x'), new TextEncoder().encode('# Rewritten\n'));
    const names = (await vscode.workspace.fs.readDirectory(notesFolder(folder))).map(([name]) => name);
    const backup = names.find((name) => name.startsWith(`${started.noteId}.not-utf8-`));
    assert.ok(backup, 'a copy of the original bytes');
    assert.deepEqual([...(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(notesFolder(folder), backup)))], [...garbage]);
  });
});
