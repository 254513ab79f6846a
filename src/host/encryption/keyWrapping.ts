/**
 * The data key, wrapped by the passphrase, kept beside the data as a small versioned JSON key
 * file: the way back to the notes when the OS keychain is empty (a new machine, a restored
 * backup, a browser-hosted VS Code, a Linux desktop without a keyring). The passphrase itself
 * is never stored.
 *
 * The wrapping key comes from scrypt. Its cost parameters are stored in the file, so a later
 * version can raise the defaults for new key files while old ones still unwrap. Changing the
 * passphrase re-wraps the same data key: no note needs re-encrypting.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import * as l10n from '../../shared/l10n';
import { parseVersionedJson } from '../../shared/versionedFile';
import { DATA_KEY_BYTES, keyIdOf } from './envelope';

export type ScryptParams = { N: number; r: number; p: number };

/**
 * OWASP's minimum for scrypt (N = 2^17, r = 8, p = 1): 128 MiB of memory per attempt, which is
 * what makes guessing on graphics cards expensive. Measured here (2 shared cores, busy) at
 * 0.8 to 1 s; an unloaded laptop takes about half that. It runs once per unlock, off the
 * extension host's thread (Node's thread pool), so the cost is felt only as a short wait.
 * 2^16 was 0.4 to 0.8 s but halves an attacker's cost; 2^18 took about 2 s here.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
export const KEYFILE_SCHEMA_VERSION = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bounds on parameters read from a file, so that a damaged or hostile file cannot ask for gigabytes. */
const MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024;
const MIN_N = 2 ** 10;
const MAX_N = 2 ** 22;

const base64 = z.string().check(z.regex(/^[a-z0-9+/]*={0,2}$/i), z.maxLength(200));
const keyfileSchema = z.object({
  schemaVersion: z.literal(KEYFILE_SCHEMA_VERSION),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.int().check(z.minimum(MIN_N), z.maximum(MAX_N)),
    r: z.int().check(z.minimum(1), z.maximum(32)),
    p: z.int().check(z.minimum(1), z.maximum(16)),
    salt: base64,
  }),
  keyId: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  wrapped: z.object({ iv: base64, key: base64, tag: base64 }),
  /** SHA-256 over the fields above: tells a damaged file from a wrong passphrase. Not a secret. */
  check: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
});
export type Keyfile = z.infer<typeof keyfileSchema>;

export type Unwrapped =
  | { ok: true; dataKey: Buffer; keyId: string }
  | { ok: false; problem: 'wrongPassphrase' | 'damaged' | 'fromNewerVersion'; reason: string };

/** A new random data key. */
export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/** The key file's text: `dataKey` wrapped by a key derived from `passphrase`. */
export async function wrapDataKey(passphrase: string, dataKey: Buffer, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const kdf = { name: 'scrypt' as const, N: params.N, r: params.r, p: params.p, salt: salt.toString('base64') };
  const keyId = keyIdOf(dataKey).toString('hex');
  const wrappingKey = await deriveWrappingKey(passphrase, salt, params);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(wrappingAad(kdf, keyId));
  const key = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  wrappingKey.fill(0);
  const wrapped = { iv: iv.toString('base64'), key: key.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  const keyfile: Keyfile = { schemaVersion: KEYFILE_SCHEMA_VERSION, kdf, keyId, wrapped, check: checkOf(kdf, keyId, wrapped) };
  return `${JSON.stringify(keyfile, null, 2)}\n`;
}

/** The data key, or why not. A wrong passphrase changes nothing. */
export async function unwrapDataKey(passphrase: string, keyfileText: string): Promise<Unwrapped> {
  const parsed = parseKeyfile(keyfileText);
  if (!parsed.ok) {
    return parsed;
  }
  const { kdf, keyId, wrapped } = parsed.keyfile;
  const wrappingKey = await deriveWrappingKey(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrapped.iv, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(wrappingAad(kdf, keyId));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    const dataKey = Buffer.concat([decipher.update(Buffer.from(wrapped.key, 'base64')), decipher.final()]);
    if (dataKey.length !== DATA_KEY_BYTES || keyIdOf(dataKey).toString('hex') !== keyId) {
      return { ok: false, problem: 'damaged', reason: l10n.t('the key file holds a key of the wrong shape') };
    }
    return { ok: true, dataKey, keyId };
  } catch {
    // The file's check held, so the file is whole: it is the passphrase that does not fit.
    return { ok: false, problem: 'wrongPassphrase', reason: l10n.t('the passphrase is not the one these notes were locked with') };
  } finally {
    wrappingKey.fill(0);
  }
}

/** The key file's fields, checked; no passphrase needed (the key id, the cost parameters). */
export function parseKeyfile(
  keyfileText: string,
): { ok: true; keyfile: Keyfile } | { ok: false; problem: 'damaged' | 'fromNewerVersion'; reason: string } {
  const raw = parseVersionedJson(keyfileText, KEYFILE_SCHEMA_VERSION, keyfileSchema);
  if (!raw.ok) {
    return { ok: false, problem: raw.fromNewerVersion ? 'fromNewerVersion' : 'damaged', reason: l10n.t('the key file is unusable: {0}', raw.reason) };
  }
  const keyfile = raw.value;
  const expected = Buffer.from(checkOf(keyfile.kdf, keyfile.keyId, keyfile.wrapped), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(keyfile.check, 'hex'))) {
    return { ok: false, problem: 'damaged', reason: l10n.t('the key file is damaged (its check does not match)') };
  }
  if (scryptMemory(keyfile.kdf) > MAX_SCRYPT_MEMORY || !isPowerOfTwo(keyfile.kdf.N)) {
    return { ok: false, problem: 'damaged', reason: l10n.t('the key file asks for impossible scrypt parameters') };
  }
  return { ok: true, keyfile };
}

/** Whether a key file was wrapped with cheaper parameters than today's, so it is worth re-wrapping. */
export function isWeakerThanDefault(keyfile: Keyfile, params: ScryptParams = DEFAULT_SCRYPT): boolean {
  return keyfile.kdf.N * keyfile.kdf.r * keyfile.kdf.p < params.N * params.r * params.p;
}

/** Change Passphrase: the same data key under a new passphrase; the notes stay as they are. */
export async function rewrapDataKey(
  oldPassphrase: string,
  newPassphrase: string,
  keyfileText: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<{ ok: true; keyfileText: string } | Exclude<Unwrapped, { ok: true }>> {
  const unwrapped = await unwrapDataKey(oldPassphrase, keyfileText);
  if (!unwrapped.ok) {
    return unwrapped;
  }
  try {
    return { ok: true, keyfileText: await wrapDataKey(newPassphrase, unwrapped.dataKey, params) };
  } finally {
    unwrapped.dataKey.fill(0);
  }
}

/** NFC first, so the same passphrase typed on another keyboard or system derives the same key. */
function deriveWrappingKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, DATA_KEY_BYTES, { N, r, p, maxmem: scryptMemory(params) + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function scryptMemory({ N, r, p }: ScryptParams): number {
  return 128 * N * r + 128 * r * p;
}

function isPowerOfTwo(n: number): boolean {
  return n > 1 && (n & (n - 1)) === 0;
}

/** The parameters and key id are bound to the wrapped key: lowering N in the file breaks it. */
function wrappingAad(kdf: Keyfile['kdf'], keyId: string): Buffer {
  return Buffer.from(JSON.stringify(['two-hats keyfile', KEYFILE_SCHEMA_VERSION, kdf.name, kdf.N, kdf.r, kdf.p, kdf.salt, keyId]), 'utf8');
}

function checkOf(kdf: Keyfile['kdf'], keyId: string, wrapped: Keyfile['wrapped']): string {
  const fields = JSON.stringify([KEYFILE_SCHEMA_VERSION, kdf.name, kdf.N, kdf.r, kdf.p, kdf.salt, keyId, wrapped.iv, wrapped.key, wrapped.tag]);
  return createHash('sha256').update(fields).digest('hex').slice(0, 16);
}
