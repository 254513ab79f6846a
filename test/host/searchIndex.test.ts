import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import type { Erased } from '../../src/host/team/erasePerson';
import { SEARCH_INDEX_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats, eventually, saveOrExplain } from './helpers';

/** The persisted full-text index (issue #15): kept current by saves, rebuilt when gone, emptied of an erased person. */
describe('the persisted search index', () => {
  const stamp = Date.now();
  let indexFile: string;

  before(async () => {
    const api = await activateTwoHats();
    indexFile = path.join(api.dataLocation()!.fsPath, SEARCH_INDEX_FILE);
  });

  const search = (query: string) => vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, query);

  async function personWithNote(name: string, words: string): Promise<{ personId: string; noteId: string }> {
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name });
    assert.ok(added?.ok);
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' });
    assert.ok(started);
    const editor = vscode.window.activeTextEditor!;
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 0), `${words}\n`)));
    await saveOrExplain(editor.document);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    return { personId: added.person.id, noteId: started.noteId };
  }

  /** Writes the index the session holds: a reload flushes it before the store opens again. */
  async function writeIndexNow(): Promise<string> {
    await vscode.commands.executeCommand(COMMANDS.reloadData);
    return eventually(() => (existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined), 'the search index on disk');
  }

  it('finds a note saved after the index was loaded, and again once the index file is deleted', async function () {
    this.timeout(60_000);
    const word = `Quokkaword${stamp}`;
    assert.deepEqual(await search(word), [], 'nowhere yet (the index is loaded now)');
    const { noteId } = await personWithNote(`Search Person ${stamp}`, `We talked about ${word} and more.`);
    assert.deepEqual(await search(word.toLowerCase()), [noteId], 'the save reached the loaded index');
    assert.deepEqual(await search(word.slice(0, 8)), [noteId], 'a word finds the words it begins');
    assert.deepEqual(await search(word.slice(3, 12)), [noteId], 'and the inside of a word, as the search always did');

    assert.ok((await writeIndexNow()).includes(word), 'the file holds the note’s words');
    rmSync(indexFile);
    assert.deepEqual(await search(word), [noteId], 'rebuilt from the note files');
    assert.deepEqual(await search(word.slice(5)), [noteId], 'the end of a word, from the rebuilt index');
    assert.ok((await writeIndexNow()).includes(word), 'and written again');
  });

  it('after erasing a person, the index file holds none of their words, and still everyone else’s', async function () {
    this.timeout(60_000);
    const theirs = `Erasedword${stamp}`;
    const staying = `Stayingword${stamp}`;
    const name = `Index Erasable ${stamp}`;
    const { personId, noteId } = await personWithNote(name, `Only ${theirs} here.`);
    const other = await personWithNote(`Index Staying ${stamp}`, `Only ${staying} here.`);
    assert.deepEqual(await search(theirs), [noteId]);
    const before = await writeIndexNow();
    assert.ok(before.includes(theirs), 'the file holds their word before (so the check below can fail)');
    // Loaded again from the file, as in any session that searched before erasing.
    assert.deepEqual(await search(staying), [other.noteId]);

    const erased = await vscode.commands.executeCommand<Erased>(COMMANDS.deletePerson, { personId, typedName: name });
    assert.equal(erased?.notes, 1);
    const after = readFileSync(indexFile, 'utf8');
    assert.ok(!after.includes(theirs) && !after.includes(theirs.toLowerCase()), 'their word left the index file');
    assert.ok(after.includes(staying), 'the index was rewritten, not thrown away');
    assert.deepEqual(await search(theirs), []);
    assert.deepEqual(await search(staying), [other.noteId]);
  });
});
