/**
 * A Markdown preview of a note shows the whole note, private part included; the mask reaches
 * editors only. Presenting closes previews of notes, the one open when it starts and one opened
 * while it is on, and leaves the note's editor open.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { briefUri, prepareOneOnOne, type PreparedBrief } from '../../src/host/oneOnOnes/briefCommands';
import { COMMANDS } from '../../src/host/constants';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { activateTwoHats, eventually } from './helpers';
import { closeFixture, openFixture } from './useCaseFixture';

function notePreviews(fileName: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview') && tab.label.endsWith(fileName));
}

describe('presenting closes previews of notes', () => {
  const stamp = Date.now();
  let uri: vscode.Uri;
  let fileName: string;

  before(async function () {
    this.timeout(30_000);
    await activateTwoHats();
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Petra Preview ${stamp}` });
    assert.ok(added?.ok);
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: added.person.id, templateId: 'weekly' });
    assert.ok(started);
    uri = started.uri;
    fileName = uri.path.split('/').pop()!;
  });

  after(async () => {
    await vscode.commands.executeCommand(COMMANDS.stopPresenting);
    await vscode.window.tabGroups.close(notePreviews(fileName)).then(undefined, () => undefined);
  });

  it('closes a note’s preview when presenting starts, and one opened while presenting', async function () {
    this.timeout(60_000);
    await vscode.window.showTextDocument(uri, { preview: false });
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    await eventually(() => notePreviews(fileName).length === 1 || undefined, 'the preview is open before presenting');

    await vscode.commands.executeCommand(COMMANDS.startPresenting);
    await eventually(() => notePreviews(fileName).length === 0 || undefined, 'no preview of the note while presenting');
    assert.ok(
      vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString())),
      'the note itself stays open',
    );

    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    await eventually(() => notePreviews(fileName).length === 0 || undefined, 'a preview opened while presenting closes too');

    await vscode.commands.executeCommand(COMMANDS.stopPresenting);
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    await eventually(() => notePreviews(fileName).length === 1 || undefined, 'after presenting, a preview stays open');
  });

  it('closes a brief’s preview when presenting starts, even one left open long enough to be unloaded', async function () {
    this.timeout(120_000);
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Bruno Brief ${stamp}` });
    assert.ok(added?.ok);
    const prepared = await vscode.commands.executeCommand<PreparedBrief | undefined>(COMMANDS.prepareOneOnOne, { personId: added.person.id, quiet: true });
    assert.ok(prepared, 'the brief was prepared (not refused: presenting off, data loaded, the person found)');
    const briefPreviews = () => notePreviews(`Bruno Brief ${stamp}`).concat(notePreviews(`Bruno Brief ${stamp}.md`));
    // The Markdown preview starts its webview on first use: 16 s once under CI load, over 40 s once.
    await eventually(() => briefPreviews().length > 0 || undefined, 'the brief is open in its preview before presenting', 90_000);
    // What VS Code does to a document no editor shows, after a few minutes: only the preview is left.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.uri.path.includes(`Bruno Brief ${stamp}`))) {
      assert.ok(!vscode.window.visibleTextEditors.some((editor) => editor.document === document), 'the brief shows in its preview only');
    }
    await vscode.commands.executeCommand(COMMANDS.startPresenting);
    await eventually(() => briefPreviews().length === 0 || undefined, 'no brief on screen while presenting');
    await vscode.commands.executeCommand(COMMANDS.stopPresenting);
  });

  it('closes a brief’s preview this window did not open, as VS Code restores one after a reload', async function () {
    this.timeout(120_000);
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Rita Restored ${stamp}` });
    assert.ok(added?.ok);
    // Opened straight in the Markdown preview, not through Prepare: nothing in this window remembers it.
    await vscode.commands.executeCommand('markdown.showPreview', briefUri(added.person.id, added.person.name));
    const briefPreviews = () => notePreviews(`Rita Restored ${stamp}`).concat(notePreviews(`Rita Restored ${stamp}.md`));
    await eventually(() => briefPreviews().length > 0 || undefined, 'the brief is open in its preview before presenting', 90_000);
    await vscode.commands.executeCommand(COMMANDS.startPresenting);
    await eventually(() => briefPreviews().length === 0 || undefined, 'no brief on screen while presenting');
    await vscode.commands.executeCommand(COMMANDS.stopPresenting);
  });

  it('refuses Prepare while presenting, and says why', async () => {
    const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Paula Presenting ${stamp}` });
    assert.ok(added?.ok);
    await vscode.commands.executeCommand(COMMANDS.startPresenting);
    try {
      const prepared = await vscode.commands.executeCommand<PreparedBrief | undefined>(COMMANDS.prepareOneOnOne, { personId: added.person.id, quiet: true });
      assert.equal(prepared, undefined, 'no brief while presenting');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.includes(`Paula Presenting ${stamp}`)), 'no brief document was opened');
    } finally {
      await vscode.commands.executeCommand(COMMANDS.stopPresenting);
    }
    // The message, from Prepare's own function on stores of its own: the running Two Hats has its
    // own `vscode` API object, which a recording of the notification here does not reach.
    const f = await openFixture();
    const window = vscode.window as unknown as { showInformationMessage: (message: string, ...rest: unknown[]) => Thenable<undefined> };
    const original = window.showInformationMessage;
    const shown: string[] = [];
    window.showInformationMessage = (message: string) => {
      shown.push(message);
      return Promise.resolve(undefined);
    };
    const hidden = new vscode.EventEmitter<unknown>();
    try {
      const refused = await prepareOneOnOne({ ...f, isHidden: () => true, onDidChangeHidden: hidden.event }, { personId: 'anyone' });
      assert.equal(refused, undefined);
      assert.deepEqual(shown, ['Briefs are hidden while presenting.']);
    } finally {
      window.showInformationMessage = original;
      hidden.dispose();
      closeFixture(f);
    }
  });
});
