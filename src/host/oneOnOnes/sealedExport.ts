/**
 * An encrypted export. While the notes are encrypted at rest, an export can be written sealed
 * with the same data key, beside that key wrapped by the passphrase (the key file as it sits
 * beside the notes). On any machine, the passphrase opens it; without it, the export is as
 * unreadable as the notes themselves. Nothing new is asked of the user: no second passphrase.
 */
import * as vscode from 'vscode';
import { decryptFile, encryptFile, ENVELOPE_OVERHEAD } from '../encryption/envelope';
import type { ExportKey } from '../encryption/keyfileAccess';
import { parseKeyfile, unwrapDataKey } from '../encryption/keyWrapping';
import { readBounded } from '../storage/boundedRead';

/** The wrapped key, at the top of the export folder. */
export const SEALED_KEYFILE_NAME = 'two-hats-key.json';
/** Added to each note's `.md` name, so no Markdown tool takes the sealed bytes for text. */
export const SEALED_SUFFIX = '.enc';
/** Bound into each sealed file: bytes sealed for storage never open as an export note. */
const SEALED_LOGICAL_NAME = 'two-hats-export/note';
/** A key file is a few hundred bytes; anything much larger is not one. */
const KEYFILE_MAX_BYTES = 16 * 1024;

export type { ExportKey };

/** What exports and imports need of encryption at rest: the key, while the notes are encrypted and unlocked. */
export interface ExportSealing {
  exportKey(): Promise<ExportKey | undefined>;
}

/** Beside a sealed export, for whoever finds the folder (written in English, as note headings are). */
export const HOW_TO_OPEN_NAME = 'HOW-TO-OPEN.txt';
export const HOW_TO_OPEN = [
  'These 1:1 notes were exported encrypted by Two Hats (AES-256-GCM).',
  'To read them, run "Two Hats: Import 1:1 Notes…" in VS Code, pick this folder and type the',
  'passphrase the notes were encrypted with. Without it they cannot be read.',
  '',
].join('\n');

const encoder = new TextEncoder();

export function sealNote(key: ExportKey, text: string): Uint8Array {
  return encryptFile(key.dataKey, SEALED_LOGICAL_NAME, encoder.encode(text));
}

/** The note's bytes, or undefined when the file is damaged or was sealed with another key. */
export function openSealedNote(dataKey: Buffer, bytes: Uint8Array): Uint8Array | undefined {
  const opened = decryptFile(dataKey, SEALED_LOGICAL_NAME, bytes);
  return opened.ok ? opened.plaintext : undefined;
}

/** A sealed file may be this much larger than the note it holds. */
export const SEALED_OVERHEAD_BYTES = ENVELOPE_OVERHEAD;

export function isSealedName(name: string): boolean {
  return name.toLowerCase().endsWith(`.md${SEALED_SUFFIX}`);
}

export type OpenedExportKey = { ok: true; dataKey: Buffer } | { ok: false; reason: string; cancelled?: boolean };

/**
 * The key that opens the sealed notes of `folder`: this window's own key when the export was
 * sealed with it (no prompt), else the passphrase given or asked for. A wrong passphrase says so.
 */
export async function openExportKey(folder: vscode.Uri, sealing: ExportSealing, passphrase: string | undefined): Promise<OpenedExportKey> {
  let keyfileText: string | undefined;
  try {
    const bytes = await readBounded(vscode.Uri.joinPath(folder, SEALED_KEYFILE_NAME), KEYFILE_MAX_BYTES);
    keyfileText = bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  } catch {
    keyfileText = undefined;
  }
  if (keyfileText === undefined) {
    return { ok: false, reason: vscode.l10n.t('the folder holds encrypted notes but no {0} to open them with', SEALED_KEYFILE_NAME) };
  }
  const keyfile = parseKeyfile(keyfileText);
  if (!keyfile.ok) {
    return { ok: false, reason: vscode.l10n.t('its {0} cannot be used ({1})', SEALED_KEYFILE_NAME, keyfile.reason) };
  }
  const own = await sealing.exportKey();
  if (own && own.keyId === keyfile.keyfile.keyId) {
    return { ok: true, dataKey: own.dataKey };
  }
  // Not this key: the window's own copy goes now, not when a collector gets to it.
  own?.dataKey.fill(0);
  const typed =
    passphrase ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Two Hats: Import Encrypted Notes'),
      prompt: vscode.l10n.t('The passphrase these notes were encrypted with'),
      password: true,
      ignoreFocusOut: true,
    }));
  if (typed === undefined) {
    return { ok: false, reason: vscode.l10n.t('no passphrase was given'), cancelled: true };
  }
  const unwrapped = await unwrapDataKey(typed, keyfileText);
  if (!unwrapped.ok) {
    return {
      ok: false,
      reason:
        unwrapped.problem === 'wrongPassphrase'
          ? vscode.l10n.t('that passphrase does not open these notes')
          : vscode.l10n.t('its {0} cannot be used ({1})', SEALED_KEYFILE_NAME, unwrapped.reason),
    };
  }
  return { ok: true, dataKey: unwrapped.dataKey };
}
