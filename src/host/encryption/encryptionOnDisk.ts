/**
 * What a start finds beside the notes: whether the folder is encrypted (its key file, or
 * encrypted files whose key file went missing) and the conversion journal. A journal counts only
 * once sealed with this folder's key; any other (planted by another program, or damaged) is set
 * aside unread and reported. Until the key checks it, a journal still says a conversion is under way.
 */
import * as vscode from 'vscode';
import { parseJournal, type ConversionJournal } from '../../shared/encryption/conversionJournal';
import { ENCRYPTION_JOURNAL_FILE, fileStamp, setAsideName } from '../../shared/storageLayout';
import type { FolderEncryption } from './fileCodec';
import { journalUri, keyfileUri, readText } from './folderConversion';
import { journalMacKey, openJournal, unsealedText } from './journalSeal';
import { lookForMissingKeyfile } from './missingKeyfile';

/**
 * The folder's form as its files say, before any key is at hand. With a key file, a journal
 * counts only once the key has checked it (`sealedJournalIn`); until then the folder is read as
 * encrypted, and while locked nothing is read or written.
 */
export async function encryptionFoundIn(
  dataFolder: vscode.Uri,
  backupFolder: vscode.Uri | undefined,
  log: vscode.LogOutputChannel,
): Promise<{ folderState: FolderEncryption; keyfileMissing: boolean }> {
  let keyfileExists = (await readText(keyfileUri(dataFolder))) !== undefined;
  const journalText = await readText(journalUri(dataFolder));
  let keyfileMissing = false;
  if (!keyfileExists && journalText === undefined) {
    const found = await lookForMissingKeyfile(dataFolder, backupFolder, log);
    keyfileExists = found !== 'plain';
    keyfileMissing = found === 'missing';
  }
  const unchecked = journalText !== undefined && !keyfileExists;
  const journal = unchecked ? journalOrStandIn(unsealedText(journalText) ?? journalText, keyfileExists) : undefined;
  return { folderState: { keyfileExists, journal }, keyfileMissing };
}

/** A damaged journal still means a conversion is under way: both forms are accepted meanwhile. */
export function journalOrStandIn(text: string, keyfileExists: boolean): ConversionJournal {
  return (
    parseJournal(text) ?? { schemaVersion: 1, direction: keyfileExists ? 'encrypt' : 'decrypt', keyId: '0000000000000000', doneThrough: null }
  );
}

/**
 * The journal of an encrypted folder, read with the key at hand; undefined when there is none,
 * when the key is not at hand, or when it was not sealed with this key (then it is set aside,
 * unread, and the user told: the folder stays as its key file says).
 */
export async function sealedJournalIn(dataFolder: vscode.Uri, key: Buffer | undefined, log: vscode.LogOutputChannel): Promise<ConversionJournal | undefined> {
  const stored = await readText(journalUri(dataFolder));
  if (stored === undefined || !key) {
    return undefined;
  }
  const text = openJournal(journalMacKey(key), stored);
  const journal = text === undefined ? undefined : parseJournal(text);
  if (journal) {
    return journal;
  }
  const asideName = setAsideName(ENCRYPTION_JOURNAL_FILE, 'corrupt', fileStamp());
  await vscode.workspace.fs.rename(journalUri(dataFolder), vscode.Uri.joinPath(dataFolder, asideName), { overwrite: false });
  log.warn(`Encryption: a conversion journal not written by Two Hats with this folder's key was set aside as ${asideName}; nothing was converted.`);
  void vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Two Hats found a conversion instruction beside your notes that it did not write with your key, and set it aside as {0} without acting on it. Your notes stay encrypted.',
      asideName,
    ),
  );
  return undefined;
}
