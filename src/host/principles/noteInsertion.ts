/** Drops text at the cursor of the note the lead was last typing in. */
import * as vscode from 'vscode';

/**
 * The last editor on a real document. A quick pick or the Markdown preview takes the focus, so
 * "the current note" is the last text editor the user was in, not whatever is active now.
 */
export class LastNoteEditor implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
    if (editor && editor.document.uri.scheme !== 'output') {
      this.last = editor;
    }
  });

  async insert(text: string): Promise<boolean> {
    const target = vscode.window.activeTextEditor ?? this.last;
    if (!target || target.document.isClosed) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Open a note first: Two Hats inserts the prompt at its cursor.'));
      return false;
    }
    const editor = await vscode.window.showTextDocument(target.document, { viewColumn: target.viewColumn, preserveFocus: false });
    return editor.edit((builder) => {
      for (const selection of editor.selections) {
        builder.replace(selection, text);
      }
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
