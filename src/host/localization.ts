/**
 * Installs VS Code's translation for the display language into the shared l10n module, so shared
 * code (due labels, validation messages) speaks the user's language on the host too, and the
 * sidebar page is handed the same bundle (sidebarHtml.ts). Call it once, first thing at start.
 */
import * as vscode from 'vscode';
import * as l10n from '../shared/l10n';

export function installHostLocalization(): void {
  // `vscode.l10n.bundle` is undefined for English and for a language the extension has no bundle for.
  l10n.useBundle(vscode.l10n.bundle, vscode.l10n.bundle ? vscode.env.language : 'en');
}
