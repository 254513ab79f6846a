/**
 * A conversion a crash cut short is finished at the next open, before any store reads the folder:
 * every command waits for it meanwhile. A notification says so and how far it has come, rather
 * than leaving the window silently unresponsive for minutes on a large store.
 */
import * as vscode from 'vscode';
import type { ConversionDirection, ConversionProgress } from '../../shared/encryption/conversionJournal';

export function resumingWithProgress<T>(direction: ConversionDirection, run: (report: ConversionProgress) => Promise<T>): Thenable<T> {
  const title =
    direction === 'encrypt'
      ? vscode.l10n.t('Two Hats is finishing the encryption of your notes that was interrupted…')
      : vscode.l10n.t('Two Hats is finishing the decryption of your notes that was interrupted…');
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, (progress) => {
    let shown = 0;
    return run((done, total) => {
      // Whole percents only: a notification redrawn for every batch of 50 files is noise.
      const percent = Math.floor((100 * done) / Math.max(total, 1));
      if (percent > shown) {
        progress.report({ increment: percent - shown, message: vscode.l10n.t('{0} of {1} files', done, total) });
        shown = percent;
      }
    });
  });
}
