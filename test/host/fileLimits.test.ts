import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { ExportResult, ImportResult } from '../../src/host/oneOnOnes/exportImport';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import { Consents } from '../../src/host/consent';
import { loadOwnTemplates } from '../../src/host/oneOnOnes/templateLibrary';
import { readAtMost } from '../../src/host/storage/boundedRead';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { exportedNote } from '../../src/shared/oneOnOnes/exportFormat';
import { activateTwoHats, readText } from './helpers';
import { noteBodyUri, noteHeaderUri } from '../../src/host/storage/layout';
import { TEAM_FILE } from '../../src/shared/storageLayout';

/** A workspace state that holds nothing: a folder inside the workspace needs no consent. */
const NO_CONSENTS_KEPT: vscode.Memento = { keys: () => [], get: <T>(_key: string, fallback?: T) => fallback, update: () => Promise.resolve() };


function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** An exported note as another machine's Two Hats would have written it. */
function exportText(id: string, person: string, personId = `pid-${id}`): string {
  const header = { id, personId, date: '2026-03-02', templateId: 'weekly', title: `${person} · 2026-03-02 · Weekly check-in`, createdAt: 1772409600000 };
  return exportedNote(header, person, `# 1:1 with ${person}\n\nNote ${id}.\n`, true).text;
}

async function teamNames(folder: vscode.Uri): Promise<string[]> {
  const file = JSON.parse((await readText(vscode.Uri.joinPath(folder, TEAM_FILE)))!) as { people: { name: string }[] };
  return file.people.map((p) => p.name);
}

describe('files Two Hats did not write: limits checked before reading, exports that cannot overwrite themselves', () => {
  let folder: vscode.Uri;
  let personId: string;

  before(async () => {
    folder = (await activateTwoHats()).dataLocation()!;
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Rosalind ${Date.now()}` });
    assert.ok(added?.ok);
    personId = added.person.id;
  });

  it('refuses a note grown past the size limit outside Two Hats, saying so', async () => {
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' });
    assert.ok(started);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const file = noteBodyUri(folder, started.noteId);
    writeFileSync(file.fsPath, `# Pasted log\n${'x'.repeat(9 * 1024 * 1024)}\n`);
    try {
      await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(started.uri)), /was not read: it is 9 MB, more than the 8 MB Two Hats reads/);
    } finally {
      await vscode.workspace.fs.delete(file);
      await vscode.workspace.fs.delete(noteHeaderUri(folder, started.noteId));
    }
  });

  it('holds at most one byte past the limit of a file that grew after its size was taken', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'two-hats-growing-'));
    const file = path.join(dir, 'growing.md');
    writeFileSync(file, 'x'.repeat(64 * 1024));
    // Measured when it held 10 bytes; another program has written 64 KB since.
    const read = await readAtMost(file, 10, 1000);
    assert.equal(read.byteLength, 1001, 'the read stopped one byte past the limit, so the caller can refuse it');
    const whole = await readAtMost(file, 64 * 1024, 1024 * 1024);
    assert.equal(whole.byteLength, 64 * 1024, 'a file within the limit is read whole');
    const shrunk = await readAtMost(file, 128 * 1024, 1024 * 1024);
    assert.equal(shrunk.byteLength, 64 * 1024, 'a file smaller than measured is read to its end');
  });

  it('refuses an own template above its size limit with a sentence, and keeps the others', async () => {
    // Inside the workspace, so no consent is asked (a folder outside it would be).
    const templates = mkdtempSync(path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'templates-'));
    writeFileSync(path.join(templates, 'Huge.md'), `# Huge\n${'y'.repeat(300 * 1024)}\n`);
    writeFileSync(path.join(templates, 'Small.md'), '# Small with {{person}}\n');
    await vscode.workspace.getConfiguration('twoHats').update('templates.folder', templates, vscode.ConfigurationTarget.Workspace);
    try {
      const own = await loadOwnTemplates(new Consents(NO_CONSENTS_KEPT));
      assert.deepEqual(
        own.templates.map((t) => t.fileName),
        ['Small.md'],
      );
      assert.deepEqual(own.problems, ['Huge.md was not read: it is 300 KB, more than the 256 KB Two Hats reads.']);
    } finally {
      await vscode.workspace.getConfiguration('twoHats').update('templates.folder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('refuses an import folder of too many files as a whole, and changes nothing', async function () {
    this.timeout(60_000);
    const source = mkdtempSync(path.join(tmpdir(), 'two-hats-import-'));
    const stranger = `Stranger ${Date.now()}`;
    writeFileSync(path.join(source, '000 real.md'), exportText(`many${Date.now()}`, stranger));
    mkdirSync(path.join(source, 'junk'));
    for (let i = 0; i < 20_001; i++) {
      writeFileSync(path.join(source, 'junk', `${i}.md`), '');
    }
    const before = await teamNames(folder);
    const result = await vscode.commands.executeCommand<ImportResult>(COMMANDS.importNotes, { folder: source });
    assert.match(result?.refused ?? '', /more than 20,000 Markdown files.*Nothing was imported/);
    assert.equal(result?.imported, 0);
    assert.deepEqual(await teamNames(folder), before, 'no one was added');
  });

  it('refuses an import that would add more than 200 people, and changes nothing', async function () {
    this.timeout(60_000);
    const source = mkdtempSync(path.join(tmpdir(), 'two-hats-import-'));
    const stamp = Date.now();
    for (let i = 0; i < 201; i++) {
      writeFileSync(path.join(source, `${i}.md`), exportText(`crowd${stamp}x${i}`, `Crowd ${stamp} ${i}`));
    }
    const before = await teamNames(folder);
    const result = await vscode.commands.executeCommand<ImportResult>(COMMANDS.importNotes, { folder: source });
    assert.match(result?.refused ?? '', /201 people who are not on your team.*Nothing was imported/);
    assert.equal(result?.imported, 0);
    assert.deepEqual(await teamNames(folder), before, 'no one was added');
  });

  it('exports two notes whose ids share their first eight characters as two files', async () => {
    const source = mkdtempSync(path.join(tmpdir(), 'two-hats-import-'));
    const stamp = Date.now().toString(36).slice(-8).padStart(8, '0');
    const person = `Twin ${stamp}`;
    const ids = [`${stamp}-first`, `${stamp}-second`];
    for (const id of ids) {
      writeFileSync(path.join(source, `${id}.md`), exportText(id, person, `twin-${stamp}`));
    }
    const imported = await vscode.commands.executeCommand<ImportResult>(COMMANDS.importNotes, { folder: source });
    assert.equal(imported?.imported, 2, JSON.stringify(imported));
    const stored = await Promise.all(ids.map((id) => readText(noteBodyUri(folder, id))));
    assert.ok(stored.every((text) => text !== undefined), 'both notes are stored');

    const target = mkdtempSync(path.join(tmpdir(), 'two-hats-export-'));
    const exported = await vscode.commands.executeCommand<ExportResult>(COMMANDS.exportNotes, { folder: target, includePrivate: true });
    const mine = filesUnder(exported!.folder.fsPath).filter((file) => path.basename(path.dirname(file)) === person);
    assert.equal(mine.length, 2, `two files, not one overwriting the other: ${mine.join(', ')}`);
    for (const id of ids) {
      assert.equal(mine.filter((file) => readFileSync(file, 'utf8').includes(`Note ${id}.`)).length, 1, `${id} has its own file`);
    }
    assert.deepEqual(exported?.failed, [], 'the export says nothing failed');
  });
});
