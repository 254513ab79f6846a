import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { ExportResult, ImportResult } from '../../src/host/oneOnOnes/exportImport';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { activateTwoHats, eventually, readText, saveOrExplain } from './helpers';
import { noteBodyUri, noteHeaderUri } from '../../src/host/storage/layout';
import { parseNoteIndex } from '../../src/shared/oneOnOnes/noteIndex';
import { NOTE_INDEX_FILE } from '../../src/shared/storageLayout';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

describe('export and import of 1:1 notes', () => {
  let folder: vscode.Uri;
  let noteId: string;
  let original: string;

  before(async () => {
    const api = await activateTwoHats();
    folder = api.dataLocation()!;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Yusra ${Date.now()}` });
    assert.ok(added?.ok);
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' });
    const editor = vscode.window.activeTextEditor!;
    // An edit refused (the editor replaced meanwhile) leaves nothing to save: said here, not as a failed save.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), 'Worried about the reorg — private.\n')), `the edit applied to the open note (${editor.document.uri.toString()})`);
    await saveOrExplain(editor.document);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    noteId = started!.noteId;
    original = (await readText(noteBodyUri(folder, noteId)))!;
  });

  it('exports without private sections unless asked', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'two-hats-export-'));
    const result = await vscode.commands.executeCommand<ExportResult>(COMMANDS.exportNotes, { folder: target, includePrivate: false });
    assert.ok(result && result.notes >= 1);
    const mine = filesUnder(result.folder.fsPath).find((file) => readFileSync(file, 'utf8').includes(noteId));
    assert.ok(mine);
    assert.match(path.relative(result.folder.fsPath, mine), /^Yusra \d+\/\d{4}-\d{2}-\d{2} Weekly check-in [0-9a-f]{8}\.md$/);
    assert.doesNotMatch(readFileSync(mine, 'utf8'), /reorg/);
    const again = await vscode.commands.executeCommand<ImportResult>(COMMANDS.importNotes, { folder: result.folder.fsPath });
    assert.equal(again?.imported, 0, 'a shareable copy of a note that is here is not imported twice');
  });

  it('brings a deleted note back exactly from a full export, and skips files that are not exports', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'two-hats-export-'));
    const result = await vscode.commands.executeCommand<ExportResult>(COMMANDS.exportNotes, { folder: target, includePrivate: true });
    writeFileSync(path.join(result!.folder.fsPath, 'README.md'), '# Not a note\n');
    const indexLists = async (present: boolean) => {
      const index = parseNoteIndex((await readText(vscode.Uri.joinPath(folder, NOTE_INDEX_FILE))) ?? '');
      return index.ok && index.notes.some((note) => note.id === noteId) === present ? true : undefined;
    };
    // The index is written a moment after a change: one not yet listing the note would pass for
    // one that has dropped it, while the store still holds it (CI, on a busy machine).
    await eventually(() => indexLists(true), 'the note in the store’s index before it is deleted');
    await vscode.workspace.fs.delete(noteBodyUri(folder, noteId));
    await vscode.workspace.fs.delete(noteHeaderUri(folder, noteId));
    // The store's note index, not search: a search index rebuilt now cannot read the deleted file
    // and finds nothing at once, while the store still lists the note (an import then takes it
    // for a different note and brings it in under a new id).
    await eventually(() => indexLists(false), 'the deleted note to leave the store');
    const before = await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, 'reorg');
    assert.ok(!before?.includes(noteId), 'search no longer finds the deleted note');

    const imported = await vscode.commands.executeCommand<ImportResult>(COMMANDS.importNotes, { folder: result!.folder.fsPath });
    assert.equal(imported?.imported, 1);
    assert.equal(imported?.peopleAdded, 0);
    assert.ok(imported!.alreadyHere >= 0);
    assert.equal(imported?.skipped.length, 1);
    assert.match(imported!.skipped[0]!, /README\.md: it has no Two Hats export header/);
    assert.equal(await readText(noteBodyUri(folder, noteId)), original);
    const hits = await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, 'reorg');
    assert.ok(hits?.includes(noteId));
  });
});
