/**
 * Encryption at rest's work on a folder's key file: the key for an encrypted export or Decrypt,
 * whether the key file is usable, which keychain entries Delete All must forget, Change
 * Passphrase; and the one place a conversion's outcome is logged.
 */
import * as vscode from 'vscode';
import type { ConversionOutcome } from '../../shared/encryption/conversionJournal';
import { writeFileAtomic } from '../storage/atomicFile';
import { keyIdOf } from './envelope';
import { journalUri, keyfileUri, readText, writeBackupKeyfile } from './folderConversion';
import type { KeyHolder } from './keyHolder';
import { parseKeyfile, rewrapDataKey, unwrapDataKey, type ScryptParams, type Unwrapped } from './keyWrapping';

export type PassphraseCheck = { ok: true } | { ok: false; problem: 'wrongPassphrase' | 'damaged' | 'fromNewerVersion' | 'notEncrypted' | 'noFolder' | 'conversionUnderWay'; reason: string };

/** The data key (a copy) and the key file that opens it with the passphrase. */
export interface ExportKey {
  readonly dataKey: Buffer;
  readonly keyId: string;
  readonly keyfileText: string;
}

/**
 * For an encrypted export: a copy of `dataKey` (the caller wipes it when done; Lock Now wipes only
 * the holder's) with the folder's key file, when that key file is whole and wraps this very key.
 */
export async function exportKeyOf(dataFolder: vscode.Uri, dataKey: Buffer | undefined): Promise<ExportKey | undefined> {
  if (!dataKey) {
    return undefined;
  }
  const keyfileText = await readText(keyfileUri(dataFolder));
  const parsed = keyfileText === undefined ? undefined : parseKeyfile(keyfileText);
  if (keyfileText === undefined || !parsed?.ok || parsed.keyfile.keyId !== keyIdOf(dataKey).toString('hex')) {
    return undefined;
  }
  return { dataKey: Buffer.from(dataKey), keyId: parsed.keyfile.keyId, keyfileText };
}

/** Decrypt My Notes' first step: the folder's data key, unwrapped by the passphrase (the caller wipes it). */
export async function unwrapKeyIn(dataFolder: vscode.Uri, passphrase: string): Promise<Unwrapped | PassphraseCheck & { ok: false }> {
  const keyfileText = await readText(keyfileUri(dataFolder));
  if (keyfileText === undefined) {
    return { ok: false, problem: 'notEncrypted', reason: vscode.l10n.t('Your notes are not encrypted.') };
  }
  return unwrapDataKey(passphrase, keyfileText);
}

/** Delete All My Data: the keychain forgets the keys of these data folders (read before they go). */
export async function forgetKeysOf(holder: KeyHolder, dataFolders: readonly vscode.Uri[]): Promise<void> {
  for (const folder of dataFolders) {
    const text = await readText(keyfileUri(folder)).catch(() => undefined);
    if (text !== undefined) {
      await holder.forgetKeyOf(text);
    }
  }
}

/** Whether a key file is there and readable, without a passphrase (for the commands' wording). */
export async function keyfileProblemIn(dataFolder: vscode.Uri | undefined): Promise<string | undefined> {
  const text = dataFolder ? await readText(keyfileUri(dataFolder)) : undefined;
  if (text === undefined) {
    return undefined;
  }
  const parsed = parseKeyfile(text);
  return parsed.ok ? undefined : parsed.reason;
}

/** Counts and file names only: never a note's text, never a passphrase. */
export function logConversionOutcome(log: vscode.LogOutputChannel, outcome: ConversionOutcome): void {
  if (outcome.outcome === 'nothingToDo') {
    return;
  }
  log.info(`Encryption: ${outcome.direction ?? ''} ${outcome.outcome}; ${outcome.converted} file(s) converted.`);
  for (const skipped of outcome.skipped) {
    log.warn(`Encryption: ${skipped.name} was left as it was: ${skipped.reason}.`);
  }
  if (outcome.cachesDropped) {
    log.info(`Encryption: ${outcome.cachesDropped} cache file(s) could not be converted and were deleted; they are rebuilt from the notes.`);
  }
  for (const aside of outcome.setAside) {
    log.warn(`Encryption: ${aside.name}, set aside earlier as damaged, stays as it was: ${aside.reason}.`);
  }
}

/**
 * Change Passphrase, under the data lock: the same data key wrapped by the new passphrase; no note
 * is re-encrypted. Never during a conversion: a key file rewritten just after a decryption removed
 * it would declare plain files encrypted.
 */
export async function rewrapKeyfileIn(
  dataFolder: vscode.Uri,
  backupFolder: vscode.Uri | undefined,
  oldPassphrase: string,
  newPassphrase: string,
  scrypt: ScryptParams | undefined,
): Promise<PassphraseCheck> {
  if ((await readText(journalUri(dataFolder))) !== undefined) {
    return { ok: false, problem: 'conversionUnderWay', reason: vscode.l10n.t('Your notes are being converted; try again once that has finished.') };
  }
  const keyfileText = await readText(keyfileUri(dataFolder));
  if (keyfileText === undefined) {
    return { ok: false, problem: 'notEncrypted', reason: vscode.l10n.t('Your notes are not encrypted.') };
  }
  const rewrapped = await rewrapDataKey(oldPassphrase, newPassphrase, keyfileText, scrypt);
  if (!rewrapped.ok) {
    return rewrapped;
  }
  await writeFileAtomic(keyfileUri(dataFolder), new TextEncoder().encode(rewrapped.keyfileText));
  // The backup's copy follows, so the old passphrase opens nothing a restore brings back.
  await writeBackupKeyfile(backupFolder, rewrapped.keyfileText);
  return { ok: true };
}
