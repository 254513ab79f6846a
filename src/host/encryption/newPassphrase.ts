/**
 * A new passphrase, typed twice, the policy's reason shown while typing the first: Encrypt My
 * Notes, Change Passphrase and the sealed handover's one-time passphrase all ask with it.
 */
import * as vscode from 'vscode';
import { passphraseProblem } from '../../shared/encryption/passphrasePolicy';

export interface NewPassphraseRequest {
  readonly title: string;
  /** The first box's prompt; by default, the policy in a few words. */
  readonly prompt?: string;
  /**
   * Why a first passphrase is refused once typed, when more than the policy decides (a handover's
   * may not be the user's own): the reason is said, and nothing more asked. Without it, a first
   * passphrase the policy refuses (only an empty one gets past the box) counts as cancelled.
   */
  readonly refusal?: (first: string) => Promise<string | undefined>;
  /** Said when the second differs from the first; without it, the difference counts as cancelled. */
  readonly whenDifferent?: string;
}

/** The new passphrase; undefined when the user cancelled, or it was refused or typed differently. */
export async function askNewPassphrase(request: NewPassphraseRequest): Promise<string | undefined> {
  const { title } = request;
  const first = await vscode.window.showInputBox({
    title,
    prompt: request.prompt ?? vscode.l10n.t('Choose a passphrase: a few unrelated words, at least 12 characters.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.length === 0 ? undefined : passphraseProblem(value)),
  });
  if (first === undefined || (await refused(first, request))) {
    return undefined;
  }
  const second = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Type the same passphrase again.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.length === 0 || value === first ? undefined : vscode.l10n.t('This is not the same passphrase.')),
  });
  if (second !== undefined && second !== first && request.whenDifferent !== undefined) {
    void vscode.window.showErrorMessage(request.whenDifferent);
  }
  return second === first ? second : undefined;
}

async function refused(first: string, request: NewPassphraseRequest): Promise<boolean> {
  if (!request.refusal) {
    return passphraseProblem(first) !== undefined;
  }
  const problem = await request.refusal(first);
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('That passphrase is refused: {0}', problem));
  }
  return problem !== undefined;
}
