/**
 * While presenting, the private part of every open 1:1 note is masked: its text is drawn fully
 * transparent, a line says it is hidden, and the active editor folds it away. Kept current as
 * notes are edited and opened; all of it goes when presenting stops.
 *
 * The fold comes from a folding range given here, not from the language: while presenting, notes
 * are plain text (see notesAsPlainText.ts), whose folding by indentation knows no headings.
 */
import * as vscode from 'vscode';
import { privateLineRanges, type LineRange } from '../../shared/oneOnOnes/privacy';
import { NOTE_SCHEME } from '../constants';
import type { PresentingMode } from './presentingMode';

export class PrivateNoteMask implements vscode.Disposable {
  // Transparent rather than removed: decorations cannot remove text, and the lines keep their
  // place so the user can go on typing in the shareable part.
  private readonly mask = vscode.window.createTextEditorDecorationType({ opacity: '0', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
  private readonly label = vscode.window.createTextEditorDecorationType({
    before: { contentText: vscode.l10n.t('Private — hidden while presenting'), fontStyle: 'italic', color: new vscode.ThemeColor('descriptionForeground'), margin: '0 1em 0 0' },
  });
  private readonly subscriptions: vscode.Disposable[];
  /** Lines this mask folded per note, to unfold them when presenting stops. */
  private readonly folded = new Map<string, number[]>();
  private readonly foldingChanged = new vscode.EventEmitter<void>();

  constructor(private readonly mode: PresentingMode) {
    this.subscriptions = [
      this.foldingChanged,
      vscode.languages.registerFoldingRangeProvider({ scheme: NOTE_SCHEME }, {
        onDidChangeFoldingRanges: this.foldingChanged.event,
        provideFoldingRanges: (document) => this.privateFoldingRanges(document),
      }),
      mode.onDidChange(() => {
        this.foldingChanged.fire();
        void this.refreshAll();
      }),
      // A note whose language changes is opened anew and its editor loses its folds: fold again.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document.uri.scheme === NOTE_SCHEME) {
          this.folded.delete(document.uri.toString());
          void this.refreshAll();
        }
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => void this.refreshAll()),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && void this.refresh(editor)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.scheme === NOTE_SCHEME) {
          vscode.window.visibleTextEditors.filter((editor) => editor.document === event.document).forEach((editor) => void this.refresh(editor));
        }
      }),
    ];
    void this.refreshAll();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.mask.dispose();
    this.label.dispose();
  }

  private privateFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    return this.mode.on ? this.privateRanges(document).filter((range) => range.end - range.start > 1).map((range) => new vscode.FoldingRange(range.start, range.end - 1)) : [];
  }

  private privateRanges(document: vscode.TextDocument): LineRange[] {
    return privateLineRanges(document.getText())
      .filter((range) => range.end > range.start && range.start < document.lineCount)
      .map((range) => ({ start: range.start, end: Math.min(range.end, document.lineCount) }));
  }

  private async refreshAll(): Promise<void> {
    for (const editor of vscode.window.visibleTextEditors) {
      await this.refresh(editor);
    }
  }

  private async refresh(editor: vscode.TextEditor): Promise<void> {
    if (editor.document.uri.scheme !== NOTE_SCHEME) {
      return;
    }
    const key = editor.document.uri.toString();
    if (!this.mode.on) {
      editor.setDecorations(this.mask, []);
      editor.setDecorations(this.label, []);
      await this.unfold(editor, key);
      return;
    }
    const document = editor.document;
    const ranges = this.privateRanges(document);
    editor.setDecorations(
      this.mask,
      ranges.map((range) => new vscode.Range(range.start, 0, range.end - 1, Number.MAX_SAFE_INTEGER)),
    );
    editor.setDecorations(
      this.label,
      ranges.map((range) => new vscode.Range(range.start, 0, range.start, 0)),
    );
    // Folding works on the active editor only; the mask alone holds for the others.
    const lines = ranges.map((range) => range.start);
    if (editor === vscode.window.activeTextEditor && lines.length > 0 && JSON.stringify(this.folded.get(key)) !== JSON.stringify(lines)) {
      this.folded.set(key, lines);
      await vscode.commands.executeCommand('editor.fold', { selectionLines: lines, levels: 1 });
    }
  }

  private async unfold(editor: vscode.TextEditor, key: string): Promise<void> {
    const lines = this.folded.get(key);
    this.folded.delete(key);
    if (lines && editor === vscode.window.activeTextEditor) {
      await vscode.commands.executeCommand('editor.unfold', { selectionLines: lines, levels: 1 });
    }
  }
}
