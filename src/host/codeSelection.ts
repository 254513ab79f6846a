/**
 * The place in the code a selection points at, recorded with talking points and delegation items,
 * and the way back to it. Kept relative to the workspace folder: no home folder in what is stored.
 */
import * as vscode from 'vscode';
import { outsideReference, workspaceReference, type CodeReference } from '../shared/codeReferences';
import { commitOf } from './oneOnOnes/gitCommit';

/** The active editor's selection as a code reference, or undefined when nothing is selected. */
export async function selectedCode(): Promise<{ source: CodeReference; text: string } | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) {
    return undefined;
  }
  const uri = editor.document.uri;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const selection = editor.selection;
  // A selection that ends at column 0 of the next line means "these whole lines".
  const endLine = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line : selection.end.line + 1;
  const lines = { startLine: selection.start.line + 1, endLine };
  const source: CodeReference = folder
    ? workspaceReference(folder.name, vscode.workspace.asRelativePath(uri, false), {
        ...lines,
        ...(await commitOf(uri, folder.uri).then((commit) => (commit ? { commit } : {}))),
      })
    : outsideReference(uri.path, lines);
  return { source, text: editor.document.getText(selection) };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    (stat) => stat.type !== vscode.FileType.Directory,
    () => false,
  );
}

/**
 * The file a reference names today: in its own workspace folder first, then in any other, so a
 * renamed folder or a single-folder window still finds it. Undefined when its path was left out.
 */
export async function resolveCodeReference(ref: Pick<CodeReference, 'folder' | 'path' | 'pathLeftOut'>): Promise<vscode.Uri | undefined> {
  if (ref.pathLeftOut) {
    return undefined;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  const own = folders.filter((folder) => folder.name === ref.folder);
  const segments = ref.path.split('/').filter((segment) => segment.length > 0 && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) {
    return undefined;
  }
  for (const folder of [...own, ...folders.filter((f) => !own.includes(f))]) {
    const candidate = vscode.Uri.joinPath(folder.uri, ...segments);
    if (await exists(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** Opens a remembered code place, or says why it cannot. */
export async function openCodeReference(ref: CodeReference): Promise<boolean> {
  const uri = await resolveCodeReference(ref);
  if (!uri) {
    void vscode.window.showErrorMessage(
      ref.pathLeftOut
        ? vscode.l10n.t('{0} was outside the workspace, so Two Hats kept only its name and cannot open it.', ref.path)
        : vscode.l10n.t('Could not find {0} in this workspace; it may have moved since.', ref.path),
    );
    return false;
  }
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(ref.startLine - 1, 0, ref.endLine, 0), preview: true });
  return true;
}
