/**
 * Encrypted at rest (issue 14): the envelope one encrypted file is stored in.
 *
 * What it protects against, in plain words: other people and programs reading the disk while
 * Two Hats is locked or closed, desktop search indexing notes (Spotlight, Windows Search), and
 * backup and sync tools copying readable notes elsewhere. It also notices a file that was
 * damaged, edited by hand, or swapped with another file: such a file is refused, never shown
 * as garbage and never overwritten.
 * What it does not protect against: malware or another program running as the user while
 * Two Hats is unlocked (it can read the key from memory or from the keychain, or read notes as
 * they are shown), and anyone who knows the passphrase.
 * What the user must know: the data key lives in two places, the OS keychain (SecretStorage)
 * and a key file beside the data wrapped by the passphrase. A forgotten passphrase plus a lost
 * keychain (a new machine, a wiped profile) means the notes cannot be read by anyone, Two Hats
 * included.
 *
 * How: one random 256-bit data key per data folder (see keyWrapping.ts for how it is kept),
 * AES-256-GCM with a fresh random 12-byte IV for every write (Node's `crypto`, no other library).
 * The header and the file's logical name are the GCM additional data, so a header edited, or an
 * encrypted file moved to another name, fails authentication like any other tampering.
 *
 * Layout, version 1 (byte offsets):
 *   0..7   magic  FF FF '2' 'H' 'A' 'T' 'S' FF   (0xFF never occurs in UTF-8, and every valid
 *                                                   UTF-8 text is at least 3 bits away from
 *                                                   this start, so a plain file is never
 *                                                   mistaken for an envelope, even damaged)
 *   8      version (1)
 *   9      the version's bitwise complement (a damaged version byte is told from a newer format)
 *   10..17 key id: the first 8 bytes of HMAC-SHA-256(data key, "two-hats key id")
 *   18..29 IV
 *   30..33 header check: the first 4 bytes of SHA-256 over bytes 0..29. Not a security
 *          measure (GCM is); it tells a damaged key id from a file written with another key.
 *   34..   ciphertext, then the 16-byte GCM tag
 */
import * as l10n from '../../shared/l10n';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

export const ENVELOPE_MAGIC = Buffer.from([0xff, 0xff, 0x32, 0x48, 0x41, 0x54, 0x53, 0xff]);
export const ENVELOPE_VERSION = 1;
export const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 8;
const CHECK_BYTES = 4;
const KEY_ID_AT = ENVELOPE_MAGIC.length + 2;
const IV_AT = KEY_ID_AT + KEY_ID_BYTES;
const CHECK_AT = IV_AT + IV_BYTES;
const HEADER_BYTES = CHECK_AT + CHECK_BYTES;
/** The smallest envelope: a header and the tag of an empty file. */
export const ENVELOPE_OVERHEAD = HEADER_BYTES + TAG_BYTES;
/**
 * A magic this close to ours (in flipped bits) is a damaged envelope, not a plain file: shown as
 * text it would be garbage. Any valid UTF-8 text is at least 3 bits away (checked over every
 * 8-byte UTF-8 prefix when the magic was chosen).
 */
const MAGIC_DAMAGE_BITS = 2;

export type DecryptProblem =
  /** Damaged, truncated, edited, or stored under another file's name. Set it aside. */
  | 'tampered'
  /** A whole, undamaged envelope written with a different data key. */
  | 'wrongKey'
  /** Written by a newer Two Hats. Refuse it; never overwrite it with less. */
  | 'unknownVersion'
  /** Not encrypted at all (a plain file). */
  | 'notEnvelope';

export type Decrypted = { ok: true; plaintext: Buffer } | { ok: false; problem: DecryptProblem; reason: string };

/** A short, non-secret fingerprint of a data key, stored in envelopes and in the key file. */
export function keyIdOf(dataKey: Buffer): Buffer {
  assertDataKey(dataKey);
  return createHmac('sha256', dataKey).update('two-hats key id').digest().subarray(0, KEY_ID_BYTES);
}

/**
 * Whether `bytes` is, or once was, an envelope: starts with the magic, allowing for a couple of
 * damaged bits, or is a non-empty truncated start of it. Such a file must go to `decryptFile`,
 * never be read as plain text.
 */
export function isEnvelope(bytes: Uint8Array): boolean {
  if (bytes.length === 0) {
    return false;
  }
  const compared = Math.min(bytes.length, ENVELOPE_MAGIC.length);
  let flippedBits = 0;
  for (let i = 0; i < compared; i++) {
    flippedBits += bitCount(bytes[i]! ^ ENVELOPE_MAGIC[i]!);
  }
  return compared < ENVELOPE_MAGIC.length ? flippedBits === 0 : flippedBits <= MAGIC_DAMAGE_BITS;
}

/** The key id (hex) an envelope names in its header, as the keychain entry is named; undefined for anything shorter than a header. */
export function envelopeKeyId(bytes: Uint8Array): string | undefined {
  return bytes.length < HEADER_BYTES ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset + KEY_ID_AT, KEY_ID_BYTES).toString('hex');
}

/** Encrypts one file's bytes under `logicalName` (its path inside the data folder). */
export function encryptFile(dataKey: Buffer, logicalName: string, plaintext: Uint8Array): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  ENVELOPE_MAGIC.copy(header, 0);
  header[ENVELOPE_MAGIC.length] = ENVELOPE_VERSION;
  header[ENVELOPE_MAGIC.length + 1] = ~ENVELOPE_VERSION & 0xff;
  keyIdOf(dataKey).copy(header, KEY_ID_AT);
  randomBytes(IV_BYTES).copy(header, IV_AT);
  headerCheck(header).copy(header, CHECK_AT);
  const cipher = createCipheriv('aes-256-gcm', dataKey, header.subarray(IV_AT, CHECK_AT), { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(header, logicalName));
  return Buffer.concat([header, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** The plaintext, or why there is none. Never throws on any bytes. */
export function decryptFile(dataKey: Buffer, logicalName: string, bytes: Uint8Array): Decrypted {
  assertDataKey(dataKey);
  const envelope = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isEnvelope(envelope)) {
    return refused('notEnvelope', l10n.t('it is not an encrypted Two Hats file'));
  }
  if (envelope.length < ENVELOPE_MAGIC.length + 2 || !envelope.subarray(0, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC)) {
    return refused('tampered', l10n.t('it is damaged (its start is cut short or altered)'));
  }
  const version = envelope[ENVELOPE_MAGIC.length]!;
  if ((version ^ envelope[ENVELOPE_MAGIC.length + 1]!) !== 0xff) {
    return refused('tampered', l10n.t('it is damaged (its format version is altered)'));
  }
  if (version !== ENVELOPE_VERSION) {
    return refused('unknownVersion', l10n.t('it was encrypted by a newer version of Two Hats (format {0})', version));
  }
  if (envelope.length < ENVELOPE_OVERHEAD) {
    return refused('tampered', l10n.t('it is damaged (cut short)'));
  }
  const header = envelope.subarray(0, HEADER_BYTES);
  if (!headerCheck(header).equals(header.subarray(CHECK_AT, HEADER_BYTES))) {
    return refused('tampered', l10n.t('it is damaged (its header is altered)'));
  }
  if (!keyIdOf(dataKey).equals(header.subarray(KEY_ID_AT, IV_AT))) {
    return refused('wrongKey', l10n.t('it was encrypted with a different key'));
  }
  const decipher = createDecipheriv('aes-256-gcm', dataKey, header.subarray(IV_AT, CHECK_AT), { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(header, logicalName));
  decipher.setAuthTag(envelope.subarray(envelope.length - TAG_BYTES));
  const body = decipher.update(envelope.subarray(HEADER_BYTES, envelope.length - TAG_BYTES));
  try {
    // Nothing of `body` leaves this function unless the tag checks out.
    return { ok: true, plaintext: Buffer.concat([body, decipher.final()]) };
  } catch {
    body.fill(0);
    return refused('tampered', l10n.t('it is damaged, was altered, or belongs to another file'));
  }
}

/** Fails loudly on a programming error (a key of the wrong size), never on file contents. */
function assertDataKey(dataKey: Buffer): void {
  if (dataKey.length !== DATA_KEY_BYTES) {
    throw new RangeError(`A data key is ${DATA_KEY_BYTES} bytes, not ${dataKey.length}`);
  }
}

/**
 * The header and the logical name: the header has a fixed length, so the join is unambiguous.
 * The name goes in as UTF-16 code units, which is lossless for any string (UTF-8 would turn
 * every lone surrogate into the same U+FFFD, so two different names could pass for each other).
 */
function additionalData(header: Buffer, logicalName: string): Buffer {
  return Buffer.concat([header, Buffer.from(logicalName, 'utf16le')]);
}

function headerCheck(header: Buffer): Buffer {
  return createHash('sha256').update(header.subarray(0, CHECK_AT)).digest().subarray(0, CHECK_BYTES);
}

function refused(problem: DecryptProblem, reason: string): Decrypted {
  return { ok: false, problem, reason };
}

function bitCount(byte: number): number {
  let count = 0;
  for (let rest = byte; rest !== 0; rest &= rest - 1) {
    count++;
  }
  return count;
}
