/**
 * The commit checked out where a file lives, read from the repository's own files, so a talking
 * point can say which version of the code it was about. Needs neither the git binary nor the Git
 * extension (which may be disabled); any failure just means "no commit recorded".
 */
import * as vscode from 'vscode';

const decoder = new TextDecoder();

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function findGitDir(file: vscode.Uri, stopAt: vscode.Uri): Promise<vscode.Uri | undefined> {
  let dir = vscode.Uri.joinPath(file, '..');
  for (let depth = 0; depth < 64; depth++) {
    const candidate = vscode.Uri.joinPath(dir, '.git');
    const stat = await vscode.workspace.fs.stat(candidate).then(
      (s) => s,
      () => undefined,
    );
    if (stat?.type === vscode.FileType.Directory) {
      return candidate;
    }
    if (dir.path === stopAt.path || dir.path === '/' || !dir.path.startsWith(stopAt.path)) {
      return undefined;
    }
    dir = vscode.Uri.joinPath(dir, '..');
  }
  return undefined;
}

export async function commitOf(file: vscode.Uri, workspaceFolder: vscode.Uri): Promise<string | undefined> {
  const gitDir = await findGitDir(file, workspaceFolder);
  if (!gitDir) {
    return undefined;
  }
  const head = (await readText(vscode.Uri.joinPath(gitDir, 'HEAD')))?.trim();
  if (!head) {
    return undefined;
  }
  if (/^[0-9a-f]{40,64}$/.test(head)) {
    return head;
  }
  const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
  if (!ref || ref.includes('..')) {
    return undefined;
  }
  const loose = (await readText(vscode.Uri.joinPath(gitDir, ...ref.split('/'))))?.trim();
  if (loose && /^[0-9a-f]{40,64}$/.test(loose)) {
    return loose;
  }
  const packed = await readText(vscode.Uri.joinPath(gitDir, 'packed-refs'));
  const line = packed?.split('\n').find((l) => l.endsWith(` ${ref}`));
  const sha = line?.split(' ')[0];
  return sha && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}
