/**
 * The seam between the data folder's one place for bytes and encryption: every read passes its
 * bytes through `decode`, every write through `encode`, with the file's logical name (its path
 * inside the data folder, `/`-separated). The codec decides the form from the key file and the
 * conversion journal (conversionJournal.ts), so that callers above never see a ciphertext and
 * never learn whether the folder is encrypted.
 */
import * as l10n from '../../shared/l10n';
import { formsToAccept, formToWrite, type ConversionJournal, type StoredForm } from '../../shared/encryption/conversionJournal';
import { decryptFile, encryptFile, isEnvelope, type DecryptProblem } from './envelope';
import type { KeyHolder } from './keyHolder';
import { LockedError } from './lockedError';

export { LockedError } from './lockedError';

/** What the folder looks like now: read at start and kept current by whoever writes them. */
export type FolderEncryption = { keyfileExists: boolean; journal: ConversionJournal | undefined };

export type DecodeProblem =
  | DecryptProblem
  /** Encrypted, and the key is not at hand: show Locked, write nothing. */
  | 'locked'
  /** A plain file in an encrypted folder, or the other way round, with no conversion under way. */
  | 'unexpectedForm';
export type Decoded = { ok: true; plaintext: Uint8Array } | { ok: false; problem: DecodeProblem; reason: string };

export class FileCodec {
  constructor(
    private readonly holder: KeyHolder,
    private readonly folder: () => FolderEncryption,
  ) {}

  /** The bytes to store for `plaintext` now. Throws `LockedError` rather than write in the clear. */
  encode(logicalName: string, plaintext: Uint8Array): Uint8Array {
    const { journal, keyfileExists } = this.folder();
    const key = this.holder.dataKey;
    // Locked writes nothing, whatever a journal says: a journal cannot be checked without the key.
    if (keyfileExists && !key) {
      throw new LockedError();
    }
    if (formToWrite(journal, keyfileExists) === 'plain') {
      return plaintext;
    }
    if (!key) {
      throw new LockedError();
    }
    return encryptFile(key, logicalName, plaintext);
  }

  /** The plaintext of stored bytes, or why they cannot be shown (set the file aside unless locked). */
  decode(logicalName: string, bytes: Uint8Array): Decoded {
    const { journal, keyfileExists } = this.folder();
    // Locked shows nothing, a plain file included: one slipped into the folder is not shown, and
    // one a conversion left plain waits for the key that checks the journal. Neither is set aside.
    if (keyfileExists && !this.holder.dataKey) {
      return { ok: false, problem: 'locked', reason: l10n.t('Two Hats is locked') };
    }
    const form: StoredForm = isEnvelope(bytes) ? 'encrypted' : 'plain';
    const accepted = formsToAccept(journal, keyfileExists);
    if (!accepted.includes(form)) {
      return {
        ok: false,
        problem: 'unexpectedForm',
        reason: form === 'plain' ? l10n.t('it is not encrypted, though your notes are') : l10n.t('it is encrypted, though your notes are not'),
      };
    }
    if (form === 'plain') {
      return { ok: true, plaintext: bytes };
    }
    const key = this.holder.dataKey;
    if (!key) {
      return { ok: false, problem: 'locked', reason: l10n.t('Two Hats is locked') };
    }
    return decryptFile(key, logicalName, bytes);
  }
}
