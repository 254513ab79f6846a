/**
 * The Markdown files under a folder picked for import, with their sizes, for
 * markdownFolderImport.ts. Symbolic links are never followed, to files or to folders: a link can
 * lead out of the folder the user picked (to their home, to another project), and what it reaches
 * is not what they chose to import. Links are reported instead, so the preview says why a file
 * did not come in. Hidden folders are skipped; depth and count are bounded.
 */
import * as vscode from 'vscode';
import { IMPORT_MAX_FILES } from '../../shared/fileLimits';

const MAX_DEPTH = 8;
const MARKDOWN_NAME = /\.(?:md|markdown)$/i;

export interface FoundFile {
  readonly uri: vscode.Uri;
  /** The path below the folder picked, with forward slashes. */
  readonly relative: string;
  /** In bytes; undefined when it could not be read (the file is then not read either). */
  readonly size: number | undefined;
}

export interface FolderWalk {
  readonly files: readonly FoundFile[];
  /** Links and other entries passed over, with the reason for the preview. */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
  /** The folder held more files than are looked at. */
  readonly truncated: boolean;
}

const isLink = (type: vscode.FileType) => (type & vscode.FileType.SymbolicLink) !== 0;

export async function walkMarkdownFolder(folder: vscode.Uri): Promise<FolderWalk> {
  const files: FoundFile[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const linkReason = vscode.l10n.t('a symbolic link: links are not followed');
  let truncated = false;
  const walk = async (dir: vscode.Uri, prefix: string, depth: number): Promise<void> => {
    const entries = await vscode.workspace.fs.readDirectory(dir).then(undefined, () => undefined);
    if (entries === undefined) {
      // Not an empty folder: the notes in it are simply out of reach, and the preview must say so.
      skipped.push({ file: prefix || './', reason: vscode.l10n.t('a folder that could not be listed') });
      return;
    }
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      if (files.length >= IMPORT_MAX_FILES) {
        truncated = true;
        return;
      }
      const uri = vscode.Uri.joinPath(dir, name);
      const isFolder = (type & vscode.FileType.Directory) !== 0;
      if (name.startsWith('.') && (isFolder || isLink(type))) {
        continue;
      }
      if (isLink(type)) {
        // A dangling link has neither the file nor the folder bit: report it if it could be a note.
        if (isFolder || MARKDOWN_NAME.test(name)) {
          skipped.push({ file: `${prefix}${name}${isFolder ? '/' : ''}`, reason: linkReason });
        }
      } else if (isFolder && depth < MAX_DEPTH) {
        await walk(uri, `${prefix}${name}/`, depth + 1);
      } else if (isFolder) {
        skipped.push({ file: `${prefix}${name}/`, reason: vscode.l10n.t('more than {0} folders deep: not looked into', MAX_DEPTH) });
      } else if (type & vscode.FileType.File && MARKDOWN_NAME.test(name)) {
        const stat = await vscode.workspace.fs.stat(uri).then(undefined, () => undefined);
        if (stat && isLink(stat.type)) {
          // Replaced by a link since the folder was listed.
          skipped.push({ file: `${prefix}${name}`, reason: linkReason });
          continue;
        }
        const size = stat !== undefined && Number.isFinite(stat.size) && stat.size >= 0 ? stat.size : undefined;
        files.push({ uri, relative: `${prefix}${name}`, size });
      }
    }
  };
  await walk(folder, '', 0);
  return { files, skipped, truncated };
}
