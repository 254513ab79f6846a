/**
 * The encrypted form of Export Notes for Their Next Manager. The lead's own data key and recovery
 * passphrase never leave: a fresh random key seals the handover, wrapped by a one-time passphrase
 * the lead types twice and gives the next manager separately. The folder is laid out as an
 * encrypted export (sealedExport.ts), so the next manager brings it in with Import 1:1 Notes… and
 * that passphrase; without it, no byte or file name says whose notes these are. Part of the
 * encryption bundle, loaded by the first sealed handover (oneOnOnes/sealedExport.ts).
 */
import * as vscode from 'vscode';
import { passphraseProblem } from '../../shared/encryption/passphrasePolicy';
import { ExportNames } from '../../shared/oneOnOnes/exportFormat';
import { intoFreshFolder, writeNewFile } from '../oneOnOnes/exportFiles';
import { HOW_TO_OPEN_NAME, ownKeyfile, SEALED_KEYFILE_NAME, SEALED_SUFFIX } from '../oneOnOnes/sealedExport';
import { keyIdOf } from './envelope';
import { newDataKey, unwrapDataKey, wrapDataKey } from './keyWrapping';
import { askNewPassphrase } from './newPassphrase';
import { sealNote } from './sealedNotes';

/** Beside an encrypted handover, for the next manager (English, as note headings are). */
const HANDOVER_HOW_TO_OPEN = [
  'These 1:1 notes were handed over to you encrypted by Two Hats (AES-256-GCM).',
  'To read them, run "Two Hats: Import 1:1 Notes…" in VS Code, pick this folder and type the',
  'one-time passphrase their previous manager gave you. Without it they cannot be read.',
  '',
].join('\n');

const encoder = new TextEncoder();

/**
 * Why `passphrase` may not seal a handover, or undefined: the policy's reasons, and never the
 * lead's own recovery passphrase (which would open their notes too).
 */
export async function oneTimePassphraseProblem(passphrase: string, dataFolder: vscode.Uri | undefined): Promise<string | undefined> {
  const weak = passphraseProblem(passphrase);
  if (weak !== undefined) {
    return weak;
  }
  const keyfileText = await ownKeyfile(dataFolder);
  if (keyfileText === undefined) {
    return undefined;
  }
  const opensOwn = await unwrapDataKey(passphrase, keyfileText);
  if (opensOwn.ok) {
    opensOwn.dataKey.fill(0);
    return vscode.l10n.t('that is your own passphrase; choose a new one for this handover only');
  }
  return undefined;
}

/** The one-time passphrase, typed twice; undefined when the user cancelled. */
export function askOneTimePassphrase(personName: string, dataFolder: vscode.Uri | undefined): Promise<string | undefined> {
  return askNewPassphrase({
    title: vscode.l10n.t("Two Hats: One-Time Passphrase for {0}'s Next Manager", personName),
    prompt: vscode.l10n.t('A new passphrase for this handover only, not your own: a few unrelated words, at least 12 characters. Give it to their next manager separately, never with the files.'),
    refusal: (first) => oneTimePassphraseProblem(first, dataFolder),
    whenDifferent: vscode.l10n.t('The two passphrases differ: nothing was exported.'),
  });
}

/**
 * Writes the sealed handover into a new folder under `parent`: the key file, how to open it, and
 * `texts` as the core made them (shared/oneOnOnes/sealedHandoverNotes.ts: the summary, then the
 * shareable part of each note; made there, so the Markdown parser is not bundled twice).
 * Numbered file names: a name or a date would say what the sealed bytes hide.
 */
export async function writeSealedHandover(parent: vscode.Uri, today: string, texts: readonly string[], passphrase: string): Promise<vscode.Uri> {
  const dataKey = newDataKey();
  try {
    const keyfileText = await wrapDataKey(passphrase, dataKey);
    const key = { dataKey, keyId: keyIdOf(dataKey).toString('hex'), keyfileText };
    // Written under a `.partial` name and renamed when whole: a half handover must not import as complete.
    return await intoFreshFolder(parent, `two-hats-handover-${today}`, async (folder) => {
      const names = new ExportNames();
      // The key file first: a sealed note without it could never be opened.
      await writeNewFile(folder, names, SEALED_KEYFILE_NAME, encoder.encode(keyfileText));
      await writeNewFile(folder, names, HOW_TO_OPEN_NAME, encoder.encode(HANDOVER_HOW_TO_OPEN));
      let count = 0;
      for (const text of texts) {
        count++;
        await writeNewFile(folder, names, `notes/${String(count).padStart(5, '0')}.md${SEALED_SUFFIX}`, sealNote(key, text));
      }
    });
  } finally {
    dataKey.fill(0);
  }
}
