/**
 * The one way bytes go to and from Two Hats' data: the data folder (notes, headers, the index,
 * the team, delegation and draft files) and the rolling backups. Everything here is built on the
 * safe primitives (atomic writes, bounded and patient reads, private permissions); this module
 * adds the codec every stored byte passes through.
 *
 * Today the codec is the identity: files hold what Two Hats means. Encryption at rest (issue 14)
 * plugs in here with `useCodec`, and every store, the index and the backups follow without
 * change. Names, sizes and times stay visible on disk either way; only contents are coded.
 */
import * as vscode from 'vscode';
import { readFileIfExists, writeFileAtomic } from './atomicFile';
import { readBounded } from './boundedRead';
import { UndecodableFile } from '../encryption/lockedError';
import type { ReadBytes } from './transientRead';

/**
 * How stored bytes relate to the bytes Two Hats means. `decode` must refuse (throw) bytes it did
 * not `encode`: a tampered file is then treated like a damaged one, set aside, never shown.
 */
export interface ByteCodec {
  encode(plain: Uint8Array, file: vscode.Uri): Promise<Uint8Array>;
  decode(stored: Uint8Array, file: vscode.Uri): Promise<Uint8Array>;
}

export const identityCodec: ByteCodec = {
  encode: (plain) => Promise.resolve(plain),
  decode: (stored) => Promise.resolve(stored),
};

let codec: ByteCodec = identityCodec;

/** Sets the codec every later read and write of the data uses; returns the one it replaces. */
export function useCodec(next: ByteCodec): ByteCodec {
  const previous = codec;
  codec = next;
  return previous;
}

/**
 * A last look before bytes are decoded or encoded: another window may have encrypted or decrypted
 * the folder since this one installed its codec (encryption/folderForm.ts). It throws to refuse.
 */
export interface StoredFormCheck {
  beforeDecode(stored: Uint8Array, file: vscode.Uri): Promise<void>;
  beforeEncode(file: vscode.Uri): Promise<void>;
}

let formCheck: StoredFormCheck | undefined;

/** Installs the check every later read and write passes; returns a function that removes it. */
export function useStoredFormCheck(check: StoredFormCheck): () => void {
  formCheck = check;
  return () => {
    if (formCheck === check) {
      formCheck = undefined;
    }
  };
}

async function decodeChecked(stored: Uint8Array, file: vscode.Uri): Promise<Uint8Array> {
  await formCheck?.beforeDecode(stored, file);
  return codec.decode(stored, file);
}

/** A data file's contents, or undefined when there is no such file. `readStored` is the seam tests use to simulate a lock. */
export async function readDataFile(file: vscode.Uri, readStored: ReadBytes = readFileIfExists): Promise<Uint8Array | undefined> {
  const stored = await readStored(file);
  return stored === undefined ? undefined : decodeChecked(stored, file);
}

/**
 * A data file that may have been written by another program (a note edited outside): refused
 * with `TooLargeToRead` above `limit` stored bytes, before it is read (see boundedRead.ts).
 */
export async function readDataFileBounded(file: vscode.Uri, limit: number): Promise<Uint8Array | undefined> {
  const stored = await readBounded(file, limit);
  return stored === undefined ? undefined : decodeChecked(stored, file);
}

/** Whether stored bytes pass through a codec that can tell damage (an encrypted folder's). */
export function storedBytesAreEncoded(): boolean {
  return codec !== identityCodec;
}

/** What a damaged or altered file, or one not in the folder's form, fails to decode with. */
const DAMAGE_PROBLEMS: ReadonlySet<string> = new Set(['tampered', 'notEnvelope', 'unexpectedForm']);

/**
 * Whether stored bytes, meant for `file`, do not decode: damaged or altered since they were
 * encrypted, or plain in an encrypted folder. Judged under `file`'s name, the one they were
 * encrypted for. A plain folder has no such test (any bytes are a note someone may have edited);
 * a locked one cannot judge; bytes sealed with another key or by a newer Two Hats are whole.
 */
export async function storedBytesAreDamaged(stored: Uint8Array, file: vscode.Uri): Promise<boolean> {
  if (!storedBytesAreEncoded()) {
    return false;
  }
  try {
    await decodeChecked(stored, file);
    return false;
  } catch (error) {
    return error instanceof UndecodableFile && DAMAGE_PROBLEMS.has(error.problem);
  }
}

/**
 * Writes a data file atomically and privately. `durable: false` skips the flush to disk, for a
 * cache rebuilt from the real files (the index).
 */
export async function writeDataFile(file: vscode.Uri, plain: Uint8Array, options: { durable?: boolean } = {}): Promise<void> {
  await formCheck?.beforeEncode(file);
  await writeFileAtomic(file, await codec.encode(plain, file), options);
}

/**
 * Copies a data file as stored, without decoding it: a backup holds the same bytes as the data
 * folder, coded the same way. Undefined when there was nothing to copy.
 */
export function readStoredCopy(file: vscode.Uri): Promise<Uint8Array | undefined> {
  return readFileIfExists(file);
}

/** Writes bytes read with `readStoredCopy`, as they are. */
export function writeStoredCopy(file: vscode.Uri, stored: Uint8Array): Promise<void> {
  return writeFileAtomic(file, stored);
}
