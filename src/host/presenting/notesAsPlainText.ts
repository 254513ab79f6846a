/**
 * While presenting, open 1:1 notes are plain text rather than Markdown. The mask hides the private
 * lines, but the Markdown extension's document symbols would still put the text of headings in the
 * private part on screen: in the breadcrumbs, the Outline view and sticky scroll. Plain text has no
 * symbols. Only the notes switched here are switched back to Markdown when presenting stops;
 * changing the language keeps the same text model, so unsaved edits and undo survive it.
 */
import * as vscode from 'vscode';
import { NOTE_SCHEME } from '../constants';
import type { PresentingMode } from './presentingMode';

const SHOWN_AS = 'markdown';
const PRESENTED_AS = 'plaintext';

export class NotesAsPlainTextWhilePresenting implements vscode.Disposable {
  /** Notes this switched to plain text, by URI, to switch back when presenting stops. */
  private readonly switched = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly mode: PresentingMode) {
    this.subscriptions = [
      mode.onDidChange(() => void this.applyToOpenNotes()),
      // Also fires for the switch itself (as plain text, so nothing to do) and for a note the user
      // sets back to Markdown while presenting, which is switched again: presenting comes first.
      vscode.workspace.onDidOpenTextDocument((document) => void this.apply(document)),
    ];
    void this.applyToOpenNotes();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }

  private async applyToOpenNotes(): Promise<void> {
    await Promise.all(vscode.workspace.textDocuments.map((document) => this.apply(document)));
    if (!this.mode.on) {
      this.switched.clear();
    }
  }

  private async apply(document: vscode.TextDocument): Promise<void> {
    if (document.uri.scheme !== NOTE_SCHEME || document.isClosed) {
      return;
    }
    const key = document.uri.toString();
    if (this.mode.on && document.languageId === SHOWN_AS) {
      this.switched.add(key);
      await this.setLanguage(document, PRESENTED_AS);
    } else if (!this.mode.on && document.languageId === PRESENTED_AS && this.switched.has(key)) {
      await this.setLanguage(document, SHOWN_AS);
    }
  }

  private async setLanguage(document: vscode.TextDocument, languageId: string): Promise<void> {
    // A note closed in the meantime has nothing left to switch.
    await vscode.languages.setTextDocumentLanguage(document, languageId).then(undefined, () => undefined);
  }
}
