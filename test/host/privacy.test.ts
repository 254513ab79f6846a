import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { activateTwoHats, eventually, readText } from './helpers';
import { BACKUPS_FOLDER, BACKUP_MANIFEST_FILE, NOTES_FOLDER, NOTE_INDEX_FILE, TEAM_FILE, noteBodyName, noteHeaderName } from '../../src/shared/storageLayout';

const mode = (file: string) => statSync(file).mode & 0o777;

/** Issue #11: no home folder in links, files for the user's eyes only, no consent from a repository. */
describe('privacy of what Two Hats keeps and shares', () => {
  let data: vscode.Uri;
  let root: vscode.Uri;
  let file: vscode.Uri;
  let personId: string;
  let noteId: string;
  let note: vscode.Uri;
  const marker = `privacy check ${Date.now()}`;

  before(async () => {
    const api = await activateTwoHats();
    data = api.dataLocation()!;
    root = vscode.workspace.workspaceFolders![0]!.uri;
    file = vscode.Uri.joinPath(root, 'src', `privacy-${Date.now()}.ts`);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`// ${marker}\nretry();\nreturn;\n`));
    // Someone to queue the point for, whoever else earlier tests added.
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Hedy ${Date.now()}` });
    assert.ok(added?.ok);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  });

  it('queues a code selection as a talking point with a path relative to the workspace, and opens the file again from the 1:1 note', async () => {
    const editor = await vscode.window.showTextDocument(file);
    editor.selection = new vscode.Selection(0, 0, 2, 0);
    // The command asks for the person, then offers the selection's first line, then how often:
    // accept whatever each prompt offers first.
    let done = false;
    const queued = vscode.commands.executeCommand(COMMANDS.addSelectionToNextOneOnOne).then(() => (done = true));
    await eventually(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 200));
      return done;
    }, 'the talking point to be queued');
    await queued;

    const team = readFileSync(path.join(data.fsPath, TEAM_FILE), 'utf8');
    const people = (JSON.parse(team) as { people: { id: string; talkingPoints?: { text: string; source?: Record<string, unknown> }[] }[] }).people;
    const owner = people.find((p) => p.talkingPoints?.some((t) => t.text.includes(marker)));
    assert.ok(owner, 'the point was queued for someone');
    personId = owner.id;
    const source = owner.talkingPoints!.find((t) => t.text.includes(marker))!.source!;
    assert.deepEqual(
      { folder: source['folder'], path: source['path'], startLine: source['startLine'], endLine: source['endLine'] },
      { folder: vscode.workspace.workspaceFolders![0]!.name, path: vscode.workspace.asRelativePath(file, false), startLine: 1, endLine: 2 },
    );
    for (const leak of ['file:', homedir(), root.fsPath]) {
      assert.ok(!team.includes(leak), `the team file holds ${leak}`);
    }

    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'weekly' });
    assert.ok(started);
    noteId = started.noteId;
    note = started.uri;
    const text = (await readText(note)) ?? '';
    assert.ok(text.includes(`\`${vscode.workspace.asRelativePath(file, false)}:1-2\``), text);
    assert.ok(!text.includes('file:') && !text.includes(homedir()), text);

    const links = await eventually(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', note);
      return found.find((link) => link.target?.path === file.path);
    }, 'a link from the note to the file');
    await vscode.commands.executeCommand('vscode.open', links.target);
    await eventually(() => vscode.window.activeTextEditor?.document.uri.path === file.path, 'the file to open from the note');
  });

  // macOS and Linux; Windows keeps its own access lists.
  it('keeps every file and folder it writes readable by the user only, exports and backups included', async () => {
    assert.ok(noteId, 'the previous test started a note');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const exportParent = mkdtempSync(path.join(tmpdir(), 'two-hats-export-'));
    try {
      const exported = await vscode.commands.executeCommand<{ folder: vscode.Uri; notes: number }>(COMMANDS.exportNotes, {
        folder: exportParent,
        includePrivate: true,
      });
      assert.ok(exported && exported.notes > 0);
      const backups = path.join(data.fsPath, '..', '..', '..', 'globalStorage', path.basename(data.fsPath), BACKUPS_FOLDER);
      const backup = await eventually(
        () => readdirSync(backups).map((name) => path.join(backups, name)).find((folder) => readdirSync(path.join(folder, NOTES_FOLDER)).includes(noteBodyName(noteId))),
        'the backup of the new note',
      );
      await eventually(() => readdirSync(backup).includes(BACKUP_MANIFEST_FILE), 'the backup manifest');
      const personFolder = readdirSync(exported.folder.fsPath).map((name) => path.join(exported.folder.fsPath, name))[0]!;
      const folders = [data.fsPath, path.join(data.fsPath, NOTES_FOLDER), backups, backup, path.join(backup, NOTES_FOLDER), exported.folder.fsPath, personFolder];
      const files = [
        path.join(data.fsPath, TEAM_FILE),
        path.join(data.fsPath, NOTES_FOLDER, noteBodyName(noteId)),
        path.join(data.fsPath, NOTES_FOLDER, noteHeaderName(noteId)),
        path.join(backup, NOTES_FOLDER, noteBodyName(noteId)),
        path.join(backup, BACKUP_MANIFEST_FILE),
        path.join(backup, TEAM_FILE),
        ...readdirSync(personFolder).map((name) => path.join(personFolder, name)),
      ];
      await eventually(() => readdirSync(data.fsPath).includes(NOTE_INDEX_FILE), 'the notes index');
      files.push(path.join(data.fsPath, NOTE_INDEX_FILE));
      for (const folder of folders) {
        assert.equal(mode(folder).toString(8), '700', folder);
      }
      for (const written of files) {
        assert.equal(mode(written).toString(8), '600', written);
      }
      for (const exportedFile of readdirSync(personFolder)) {
        const exportedText = readFileSync(path.join(personFolder, exportedFile), 'utf8');
        assert.ok(!exportedText.includes('file:') && !exportedText.includes(homedir()), exportedText);
      }
    } finally {
      rmSync(exportParent, { recursive: true, force: true });
    }
  });

  it('does not read git history because the repository’s workspace settings say so', async () => {
    const settings = vscode.Uri.joinPath(root, '.vscode', 'settings.json');
    const before = await readText(settings);
    const changed = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeConfiguration(() => {
        listener.dispose();
        resolve();
      });
    });
    await vscode.workspace.fs.writeFile(settings, new TextEncoder().encode(JSON.stringify({ 'twoHats.delegation.gitHistoryHints': true }, null, 2)));
    try {
      await Promise.race([changed, new Promise((resolve) => setTimeout(resolve, 3000))]);
      const result = await vscode.commands.executeCommand(COMMANDS.findBottlenecks, { ask: false });
      assert.equal(result, 'not-allowed');
    } finally {
      if (before === undefined) {
        await vscode.workspace.fs.delete(settings);
      } else {
        await vscode.workspace.fs.writeFile(settings, new TextEncoder().encode(before));
      }
    }
  });
});
