/** Ticking an action item in a 1:1 note, the use case: never writes under unsaved edits. */
import * as vscode from 'vscode';
import { setActionItemDone } from '../../shared/oneOnOnes/actionItems';
import { noteUri } from '../oneOnOnes/noteFileSystem';
import type { NoteStore } from '../storage/noteStore';

/** Which item to tick: the line and its text as the sidebar showed them. */
export interface ActionItemTick {
  readonly noteId: string;
  readonly line: number;
  readonly text: string;
  readonly done: boolean;
}

export type ActionItemTickResult = { ok: true } | { ok: false; error: string };

/** Ticks (or unticks) the item; says why not when the note is gone or no longer has it there. */
export async function tickActionItem(notes: NoteStore, { noteId, line, text, done }: ActionItemTick): Promise<ActionItemTickResult> {
  const meta = notes.find(noteId);
  if (!meta) {
    return { ok: false, error: vscode.l10n.t('That note no longer exists.') };
  }
  const uri = noteUri(meta.id, meta.title);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) {
    // Never write under unsaved edits: change the open editor instead, and let the user save.
    const updated = setActionItemDone(open.getText(), line, text, done);
    if (updated === undefined) {
      return { ok: false, error: vscode.l10n.t('The note changed since the sidebar showed it; nothing was ticked.') };
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(line, 0, line, open.lineAt(line).text.length), updated.split(/\r?\n/)[line]!);
    await vscode.workspace.applyEdit(edit);
    return { ok: true };
  }
  const updated = setActionItemDone(await notes.read(noteId), line, text, done);
  if (updated === undefined) {
    return { ok: false, error: vscode.l10n.t('The note changed since the sidebar showed it; nothing was ticked.') };
  }
  await notes.write(noteId, updated);
  return { ok: true };
}

