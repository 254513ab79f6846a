/**
 * Sealing and opening the notes of an encrypted export (oneOnOnes/sealedExport.ts holds its
 * layout): part of the encryption bundle, loaded by the first sealed export or import.
 */
import * as vscode from 'vscode';
import { SEALED_KEYFILE_NAME, type ExportKey, type ExportSealing, type OpenedExportKey } from '../oneOnOnes/sealedExport';
import { readBounded } from '../storage/boundedRead';
import { decryptFile, encryptFile } from './envelope';
import { parseKeyfile, unwrapDataKey } from './keyWrapping';

/** Bound into each sealed file: bytes sealed for storage never open as an export note. */
const SEALED_LOGICAL_NAME = 'two-hats-export/note';
/** A key file is a few hundred bytes; anything much larger is not one. */
const KEYFILE_MAX_BYTES = 16 * 1024;

const encoder = new TextEncoder();

export function sealNote(key: ExportKey, text: string): Uint8Array {
  return encryptFile(key.dataKey, SEALED_LOGICAL_NAME, encoder.encode(text));
}

/** The note's bytes, or undefined when the file is damaged or was sealed with another key. */
export function openSealedNote(dataKey: Buffer, bytes: Uint8Array): Uint8Array | undefined {
  const opened = decryptFile(dataKey, SEALED_LOGICAL_NAME, bytes);
  return opened.ok ? opened.plaintext : undefined;
}

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
