/**
 * What a window does when it finds a file written by a newer Two Hats (another window, or another
 * machine through a sync tool, was updated first): it leaves the file where it is, untouched, and
 * stops writing anything at all until it is reloaded. Setting the file aside instead would show an
 * empty team, and the next save and backup would put a near-empty file over the good ones.
 */
import * as vscode from 'vscode';
import { withOwnSentence } from '../shownErrors';

export class NewerVersionGuard implements vscode.Disposable {
  private refusal: string | undefined;
  private readonly refuseEmitter = new vscode.EventEmitter<string>();

  /** Fires once per load, with the sentence to show, when the window turns read-only. */
  readonly onDidTurnReadOnly = this.refuseEmitter.event;

  /** Why this window may not write, or undefined while it may. */
  get readOnlyReason(): string | undefined {
    return this.refusal;
  }

  /** Called by whichever store found `fileName` written by a newer version. */
  turnReadOnly(fileName: string): void {
    if (this.refusal !== undefined) {
      return;
    }
    this.refusal = vscode.l10n.t(
      'Two Hats was updated elsewhere: {0} was written by a newer version than this window runs. This window is read-only until it is reloaded (Developer: Reload Window, after updating Two Hats); nothing was changed.',
      fileName,
    );
    this.refuseEmitter.fire(this.refusal);
  }

  /** Before the data is read again from scratch: the files decide anew. */
  reset(): void {
    this.refusal = undefined;
  }

  /** Throws the refusal as a file system error, for writes that report through exceptions. */
  assertWritable(): void {
    if (this.refusal !== undefined) {
      throw withOwnSentence(vscode.FileSystemError.NoPermissions(this.refusal));
    }
  }

  dispose(): void {
    this.refuseEmitter.dispose();
  }
}
