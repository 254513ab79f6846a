/**
 * Lock Now means nothing of a note stays on screen: every open note editor and brief, and any
 * Markdown preview of either, is closed. An unsaved edit is saved first (the notes are still
 * unlocked at that point), never dropped and never asked about: locking must not wait on a
 * question while someone looks over the shoulder.
 */
import * as vscode from 'vscode';
import { BRIEF_SCHEME, NOTE_SCHEME } from '../constants';

const SHOWS_NOTES = new Set([NOTE_SCHEME, BRIEF_SCHEME]);

function showsNotes(uri: vscode.Uri): boolean {
  return SHOWS_NOTES.has(uri.scheme);
}

/** The URIs a tab shows, whatever kind of editor it is (text, diff, custom). */
function urisOf(tab: vscode.Tab): vscode.Uri[] {
  const input = tab.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputNotebook) {
    return [input.uri];
  }
  if (input instanceof vscode.TabInputTextDiff) {
    return [input.original, input.modified];
  }
  return [];
}

/**
 * Saves the unsaved note editors, then closes every tab showing a note or a brief.
 * `isNotePreviewLabel` recognises a Markdown preview tab of a note or a brief by its label.
 */
export async function closeNoteViews(isNotePreviewLabel: (label: string) => boolean): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && document.uri.scheme === NOTE_SCHEME) {
      await document.save();
    }
  }
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) =>
        urisOf(tab).some(showsNotes) ||
        (tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview') && isNotePreviewLabel(tab.label)),
    );
  if (tabs.length > 0) {
    // A brief is read-only and a note was just saved: nothing is left to ask about.
    await vscode.window.tabGroups.close(tabs).then(undefined, () => undefined);
  }
}
