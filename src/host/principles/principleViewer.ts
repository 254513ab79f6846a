/**
 * Principles as read-only Markdown documents on Two Hats' own scheme, shown in VS Code's
 * Markdown preview: rendered by the editor, never editable, never written to disk.
 */
import * as vscode from 'vscode';
import { findPrinciple, type Principle } from '../../shared/principles/catalogue';
import { principleAsMarkdown } from '../../shared/principles/format';

export const PRINCIPLE_SCHEME = 'two-hats-principle';

export function registerPrincipleDocuments(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(PRINCIPLE_SCHEME, {
    provideTextDocumentContent(uri) {
      const principle = findPrinciple(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
      return principle ? principleAsMarkdown(principle) : `# ${vscode.l10n.t('Unknown principle')}\n`;
    },
  });
}

export async function showPrinciple(principle: Principle): Promise<void> {
  const uri = vscode.Uri.from({ scheme: PRINCIPLE_SCHEME, path: `/${principle.id}.md` });
  // Locked: an unlocked preview follows the active Markdown editor, and would go on to render
  // the next 1:1 note opened, loading any remote image in it.
  await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
}
