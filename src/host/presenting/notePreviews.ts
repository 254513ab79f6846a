/**
 * A Markdown preview of a 1:1 note is a webview that shows the whole note, private part included:
 * the mask and the plain-text switch reach editors, not previews. While presenting, previews of
 * notes are closed when presenting starts and whenever one opens; the note itself stays open.
 */
import * as vscode from 'vscode';
import type { PresentingMode } from './presentingMode';

/** The file name a preview tab shows ("Preview <name>.md", "Vorschau <name>.md", ...). */
function previewedFileName(tab: vscode.Tab): string | undefined {
  if (!(tab.input instanceof vscode.TabInputWebview) || !tab.input.viewType.includes('markdown.preview')) {
    return undefined;
  }
  return tab.label;
}

export class NotePreviewsClosedWhilePresenting implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  /** `isNoteFileName` says whether a tab label ends with the file name of a note Two Hats keeps. */
  constructor(
    private readonly mode: PresentingMode,
    private readonly isNotePreviewLabel: (label: string) => boolean,
  ) {
    this.subscriptions = [mode.onDidChange(() => void this.closeNotePreviews()), vscode.window.tabGroups.onDidChangeTabs(() => void this.closeNotePreviews())];
    void this.closeNotePreviews();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }

  private async closeNotePreviews(): Promise<void> {
    if (!this.mode.on) {
      return;
    }
    const previews = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => {
      const label = previewedFileName(tab);
      return label !== undefined && this.isNotePreviewLabel(label);
    });
    if (previews.length > 0) {
      await vscode.window.tabGroups.close(previews).then(undefined, () => undefined);
    }
  }
}
