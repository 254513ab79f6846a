/**
 * An encrypted export. While the notes are encrypted at rest, an export can be written sealed
 * with the same data key, beside that key wrapped by the passphrase (the key file as it sits
 * beside the notes). On any machine, the passphrase opens it; without it, the export is as
 * unreadable as the notes themselves. Nothing new is asked of the user: no second passphrase.
 *
 * The core keeps only the layout (names, how to tell a sealed file) and whether the folder's own
 * notes are encrypted. Sealing and opening, the key wrapping and the one-time passphrase of a
 * sealed handover are in the encryption bundle (encryption/sealedNotes.ts, sealedHandover.ts),
 * loaded by the first sealed export, handover or import: most sessions never seal anything.
 */
import * as vscode from 'vscode';
import type { ExportKey } from '../encryption/keyfileAccess';
import { encryptionBundle, type EncryptionBundle } from '../encryption/encryptionOnDemand';
import { keyfileUri, readText } from '../encryption/encryptionFiles';
import { ENVELOPE_OVERHEAD } from '../encryption/envelope';

/** The wrapped key, at the top of the export folder. */
export const SEALED_KEYFILE_NAME = 'two-hats-key.json';
/** Added to each note's `.md` name, so no Markdown tool takes the sealed bytes for text. */
export const SEALED_SUFFIX = '.enc';

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

/** A sealed file may be this much larger than the note it holds. */
export const SEALED_OVERHEAD_BYTES = ENVELOPE_OVERHEAD;

export function isSealedName(name: string): boolean {
  return name.toLowerCase().endsWith(`.md${SEALED_SUFFIX}`);
}

export type OpenedExportKey = { ok: true; dataKey: Buffer } | { ok: false; reason: string; cancelled?: boolean };

/**
 * The data folder's key file, when its notes are encrypted. Read from disk, not from the key held
 * in memory: that one is away while the folder is being converted, or locked.
 */
export function ownKeyfile(dataFolder: vscode.Uri | undefined): Promise<string | undefined> {
  return dataFolder ? readText(keyfileUri(dataFolder)).catch(() => undefined) : Promise.resolve(undefined);
}

type SealedForms = Pick<EncryptionBundle, 'sealNote' | 'openSealedNote' | 'openExportKey' | 'oneTimePassphraseProblem' | 'askOneTimePassphrase' | 'writeSealedHandover'>;

/** Sealing and opening sealed notes: loads the encryption bundle the first time. */
export function sealedForms(): SealedForms {
  return encryptionBundle();
}
