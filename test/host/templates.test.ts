import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { activateTwoHats, readText } from './helpers';

describe('own templates from a folder the user chose', () => {
  let templates: vscode.Uri;
  let personId: string;

  before(async () => {
    await activateTwoHats();
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    templates = vscode.Uri.joinPath(root, `team-templates-${Date.now()}`);
    await vscode.workspace.fs.createDirectory(templates);
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(templates, 'Quarterly review.md'),
      new TextEncoder().encode('# Quarter with {{person}} · {{date}}\n\n## Goals\n\n{{goals}}\n\n## Odd\n\n{{mystery}}\n'),
    );
    await vscode.workspace.getConfiguration('twoHats').update('templates.folder', templates.fsPath, vscode.ConfigurationTarget.Workspace);
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Tove ${Date.now()}` });
    assert.ok(added?.ok);
    personId = added.person.id;
  });

  after(async () => {
    await vscode.workspace.getConfiguration('twoHats').update('templates.folder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(templates, { recursive: true });
  });

  it('starts a 1:1 from an own template, filling known variables and keeping unknown ones', async () => {
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId, templateId: 'own-quarterly-review' });
    assert.ok(started, 'the own template was found');
    const text = (await readText(started.uri)) ?? '';
    assert.match(text, /^# Quarter with Tove \d+ · \d{4}-\d{2}-\d{2}/);
    assert.match(text, /No growth goals yet/);
    assert.match(text, /\{\{mystery\}\}/);
  });

  it('saves the open note as a template without its private section', async () => {
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n## Private notes\n\nSecret about Tove.\n'));
    const saved = await vscode.commands.executeCommand<vscode.Uri>(COMMANDS.saveNoteAsTemplate, { name: 'From a note', insideWorkspace: 'save' });
    assert.equal(saved?.fsPath, vscode.Uri.joinPath(templates, 'From a note.md').fsPath);
    const text = (await readText(saved)) ?? '';
    assert.match(text, /^# Quarter with \{\{person\}\} · \{\{date\}\}/);
    assert.doesNotMatch(text, /Secret|Tove/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
