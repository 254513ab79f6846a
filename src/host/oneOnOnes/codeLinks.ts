/**
 * Agenda lines name code as `src/retry.ts:10-14`, relative to the workspace folder, so a shared
 * agenda carries no home folder. In Two Hats' own notes those names link back to the file.
 */
import * as vscode from 'vscode';
import { codeSpanReferences } from '../../shared/codeReferences';
import { resolveCodeReference } from '../codeSelection';
import { NOTE_SCHEME } from '../constants';

const MAX_LINKS = 500;

async function codeLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
  const links: vscode.DocumentLink[] = [];
  for (let line = 0; line < document.lineCount && links.length < MAX_LINKS && !token.isCancellationRequested; line++) {
    for (const place of codeSpanReferences(document.lineAt(line).text)) {
      const file = await resolveCodeReference({ path: place.path });
      if (file) {
        const link = new vscode.DocumentLink(new vscode.Range(line, place.start, line, place.end), file.with({ fragment: `L${place.startLine}` }));
        link.tooltip = vscode.l10n.t('Open {0} at line {1}', place.path, place.startLine);
        links.push(link);
      }
    }
  }
  return links;
}

export function registerCodeLinks(): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider({ scheme: NOTE_SCHEME }, { provideDocumentLinks: codeLinks });
}
