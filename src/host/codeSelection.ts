/** The place in the code a selection points at, recorded with talking points and delegation items. */
import * as vscode from 'vscode';
import type { CodeReference } from '../shared/oneOnOnes/talkingPoints';
import { commitOf } from './oneOnOnes/gitCommit';

/** The active editor's selection as a code reference, or undefined when nothing is selected. */
export async function selectedCode(): Promise<{ source: CodeReference; text: string } | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) {
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
  const selection = editor.selection;
  // A selection that ends at column 0 of the next line means "these whole lines".
  const endLine = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line : selection.end.line + 1;
  const source: CodeReference = {
    path: folder ? vscode.workspace.asRelativePath(editor.document.uri, false) : editor.document.uri.path,
    startLine: selection.start.line + 1,
    endLine,
    uri: editor.document.uri.toString(),
    ...(folder ? await commitOf(editor.document.uri, folder.uri).then((commit) => (commit ? { commit } : {})) : {}),
  };
  return { source, text: editor.document.getText(selection) };
}
