/**
 * While presenting, the breadcrumbs, the Outline view and sticky scroll show a note's document
 * symbols. The Markdown ones hold the text of headings inside the private part, so presenting turns
 * open notes into plain text, which has none, and turns them back when it stops, unsaved edits kept.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { activateTwoHats, eventually, saveOrExplain } from './helpers';

type AnySymbol = vscode.DocumentSymbol | vscode.SymbolInformation;

async function symbolNames(uri: vscode.Uri): Promise<string[]> {
  const symbols = (await vscode.commands.executeCommand<AnySymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  const names: string[] = [];
  const visit = (symbol: AnySymbol) => {
    names.push(symbol.name);
    ('children' in symbol ? symbol.children : []).forEach(visit);
  };
  symbols.forEach(visit);
  return names;
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
}

describe('presenting keeps private headings out of the outline', () => {
  const stamp = Date.now();
  const privateHeading = `Performance concerns ${stamp}`;
  const secret = `SECRET-${stamp} is thinking of leaving`;
  const unsaved = `Unsaved shared line ${stamp}`;
  let uri: vscode.Uri;

  before(async function () {
    this.timeout(30_000);
    // code-server saves after a delay by default, which would save the edit this test keeps unsaved.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    await activateTwoHats();
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Olwen Outline ${stamp}` });
    assert.ok(added?.ok);
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' });
    assert.ok(started);
    uri = started.uri;
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const saved = `# 1:1\n\n## Action items\n\n- [ ] Shared item\n\n## Private notes\n\n### ${privateHeading}\n\n${secret}\n\n- [ ] one\n- [ ] two\n- [ ] three\n`;
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    assert.ok(await editor.edit((edit) => edit.replace(whole, saved)));
    await saveOrExplain(editor.document);
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), `${unsaved}\n`)));
    assert.ok(editor.document.isDirty);
  });

  after(async () => {
    await vscode.commands.executeCommand(COMMANDS.stopPresenting);
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    if (uri) {
      await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('shows no symbol for a private heading while presenting, and gives the note back as Markdown with its unsaved edit', async function () {
    this.timeout(60_000);
    assert.equal(openDocument(uri)?.languageId, 'markdown');
    await eventually(async () => (await symbolNames(uri)).some((name) => name.includes(privateHeading)) || undefined, 'the private heading among the Markdown symbols before presenting', 30_000);

    await vscode.commands.executeCommand(COMMANDS.startPresenting);
    await eventually(() => openDocument(uri)?.languageId === 'plaintext' || undefined, 'the note as plain text while presenting');
    const presented = await symbolNames(uri);
    assert.ok(!presented.some((name) => name.includes(privateHeading)), `no private heading among the symbols: ${JSON.stringify(presented)}`);
    assert.ok(openDocument(uri)?.getText().includes(unsaved), 'the unsaved edit survives the switch');
    assert.ok(openDocument(uri)?.isDirty, 'still unsaved');
    // The private part is folded away in the active editor, plain text or not.
    const secretLine = openDocument(uri)!.getText().split('\n').findIndex((line) => line.includes(secret));
    await eventually(() => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.toString() === uri.toString() && !editor.visibleRanges.some((range) => range.start.line <= secretLine && secretLine <= range.end.line)
        ? true
        : undefined;
    }, 'the private lines folded away in the active editor');

    await vscode.commands.executeCommand(COMMANDS.stopPresenting);
    await eventually(() => openDocument(uri)?.languageId === 'markdown' || undefined, 'the note as Markdown again');
    await eventually(async () => (await symbolNames(uri)).some((name) => name.includes(privateHeading)) || undefined, 'the private heading among the symbols again', 30_000);
    assert.ok(openDocument(uri)?.getText().includes(unsaved), 'the unsaved edit is still there after presenting');
    const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    const stored = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.ok(!stored.includes(unsaved), 'the unsaved edit was not saved behind the user’s back');
    assert.ok(tab?.isDirty, `the tab still shows unsaved changes (document isDirty: ${openDocument(uri)?.isDirty})`);
  });
});
