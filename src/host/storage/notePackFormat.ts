/**
 * The note pack: one file in a backup folder that holds the first backup's copies of every note
 * file (issue #15: creating twenty thousand small files took most of a first backup's thirteen
 * seconds). It holds each file's name and its stored bytes as they are on disk (encrypted bytes
 * stay encrypted), so writing and reading it needs no codec.
 *
 * Layout, integers little-endian:
 *   header  `2HATPACK`, version (u32), when packing began (u32, seconds since 1970)
 *   data    the files' bytes, one after another, in the index's order
 *   index   entry count (u32), then per entry: name length (u16), name (UTF-8), size (u32)
 *   trailer index offset (u64), index length (u32), entry count (u32), SHA-256 of header and
 *           data, SHA-256 of the index, `2HATPEND`
 *
 * The index sits at the end so the pack can be written in one pass as the files are read, and its
 * names listed with two small reads (a backup pass over everything lists them at every start). The
 * reader is linear and checks every size against the bytes it was given before it uses it: a
 * damaged or hostile pack is refused, never allowed to allocate or loop past its own length.
 * No Node-free zone: hashing is Node's, and the file I/O is in notePack.ts.
 */
import { createHash } from 'node:crypto';
import { MAX_NOTE_FILE_NAME_LENGTH, MAX_NOTE_PACK_ENTRIES, noteIdOfFile } from '../../shared/storageLayout';

export const PACK_VERSION = 1;
const HEADER_MAGIC = Buffer.from('2HATPACK', 'latin1');
const TRAILER_MAGIC = Buffer.from('2HATPEND', 'latin1');
export const PACK_HEADER_LENGTH = 16;
export const PACK_TRAILER_LENGTH = 8 + 4 + 4 + 32 + 32 + 8;
/** Smallest index entry: a name of one byte and its size. */
const MIN_ENTRY_LENGTH = 2 + 1 + 4;
/** A note file's name is an id and a suffix: far below this. */
const MAX_NAME_LENGTH = 1024;
const MAX_U32 = 0xffff_ffff;
/** Largest index entry: the longest note file name (ASCII) and its size. */
const MAX_ENTRY_LENGTH = 2 + MAX_NOTE_FILE_NAME_LENGTH + 4;
/**
 * The longest index a pack of this version can have (about 41 MB): a trailer that claims more is
 * damaged or hostile, and refused before anything is allocated for it (a damaged trailer of a
 * large file could otherwise claim gigabytes of index, all pinned inside the file).
 */
export const MAX_INDEX_LENGTH = 4 + MAX_NOTE_PACK_ENTRIES * MAX_ENTRY_LENGTH;
/**
 * The longest pack, all of it (header, data, index, trailer): a pack is read whole into one
 * Buffer, and Node reads no file longer than this into one. The writer stops below it.
 */
export const MAX_PACK_LENGTH = 0x7fff_ffff;

export interface PackEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type PackRead<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Whether a name may be in a pack: a note file's name, nothing with a path in it. */
export function isPackableName(name: string): boolean {
  return noteIdOfFile(name) !== undefined && !name.includes('/') && !name.includes('\\') && Buffer.byteLength(name) <= MAX_NAME_LENGTH;
}

function packHeader(startedAt: number): Buffer {
  const header = Buffer.alloc(PACK_HEADER_LENGTH);
  HEADER_MAGIC.copy(header, 0);
  header.writeUInt32LE(PACK_VERSION, 8);
  header.writeUInt32LE(Math.min(MAX_U32, Math.max(0, Math.floor(startedAt / 1000))), 12);
  return header;
}

/**
 * Writes a pack in pieces: `header`, then each entry's bytes as they come (`add` returns what to
 * append), then `finish` gives the index and trailer. The caller appends every piece in order.
 */
export class PackWriter {
  private readonly entries: { name: Buffer; size: number }[] = [];
  private readonly dataHash = createHash('sha256');
  private dataLength = 0;
  private indexLength = 4;
  private readonly seen = new Set<string>();
  readonly header: Buffer;

  /**
   * `startedAt` (ms) is when the first file was read: unpacked copies carry it as their time, so
   * a note changed after it was packed never looks copied since its change (backupNoteCopies.ts).
   * `maxLength`: the finished pack is never longer (MAX_PACK_LENGTH; tests give less).
   */
  constructor(
    startedAt: number,
    private readonly maxLength = MAX_PACK_LENGTH,
  ) {
    this.header = packHeader(startedAt);
    this.dataHash.update(this.header);
  }

  /**
   * Whether one more entry of this name and size keeps the finished pack within its length and
   * its count of entries: when not, the pack is full, and the rest is copied file by file.
   */
  fits(name: string, size: number): boolean {
    const entry = 2 + Buffer.byteLength(name) + 4;
    return this.entries.length < MAX_NOTE_PACK_ENTRIES && PACK_HEADER_LENGTH + this.dataLength + size + this.indexLength + entry + PACK_TRAILER_LENGTH <= this.maxLength;
  }

  /** The bytes to append for one entry; throws on a name no reader would accept, or one that does not fit. */
  add(name: string, bytes: Uint8Array): Uint8Array {
    if (!isPackableName(name) || this.seen.has(name) || bytes.byteLength > MAX_U32 || !this.fits(name, bytes.byteLength)) {
      throw new Error('Not a note file that can go in a pack.');
    }
    this.seen.add(name);
    this.entries.push({ name: Buffer.from(name, 'utf8'), size: bytes.byteLength });
    this.dataHash.update(bytes);
    this.dataLength += bytes.byteLength;
    this.indexLength += 2 + Buffer.byteLength(name) + 4;
    return bytes;
  }

  get count(): number {
    return this.entries.length;
  }

  get names(): string[] {
    return [...this.seen];
  }

  /** The index and the trailer, to append after the last entry's bytes. */
  finish(): Buffer {
    const index = Buffer.alloc(4 + this.entries.reduce((sum, { name }) => sum + 2 + name.length + 4, 0));
    index.writeUInt32LE(this.entries.length, 0);
    let at = 4;
    for (const { name, size } of this.entries) {
      index.writeUInt16LE(name.length, at);
      name.copy(index, at + 2);
      index.writeUInt32LE(size, at + 2 + name.length);
      at += 2 + name.length + 4;
    }
    const trailer = Buffer.alloc(PACK_TRAILER_LENGTH);
    trailer.writeBigUInt64LE(BigInt(PACK_HEADER_LENGTH + this.dataLength), 0);
    trailer.writeUInt32LE(index.length, 8);
    trailer.writeUInt32LE(this.entries.length, 12);
    this.dataHash.digest().copy(trailer, 16);
    createHash('sha256').update(index).digest().copy(trailer, 48);
    TRAILER_MAGIC.copy(trailer, 80);
    return Buffer.concat([index, trailer]);
  }
}

/** A whole pack in memory (for tests and small packs): header, entries, index, trailer. */
export function encodePack(entries: readonly PackEntry[], startedAt = 0): Buffer {
  const writer = new PackWriter(startedAt);
  const parts: Uint8Array[] = [writer.header];
  for (const { name, bytes } of entries) {
    parts.push(writer.add(name, bytes));
  }
  parts.push(writer.finish());
  return Buffer.concat(parts);
}

/** Where the index is, read from the header and the trailer alone, checked against the pack's real size. */
export interface PackLayout {
  readonly indexOffset: number;
  readonly indexLength: number;
  readonly count: number;
  /** When packing began, in ms (to the second below). */
  readonly startedAt: number;
  readonly dataHash: Buffer;
  readonly indexHash: Buffer;
}

export function readPackLayout(header: Uint8Array, trailer: Uint8Array, fileSize: number): PackRead<PackLayout> {
  if (fileSize < PACK_HEADER_LENGTH + PACK_TRAILER_LENGTH || header.byteLength < PACK_HEADER_LENGTH || trailer.byteLength < PACK_TRAILER_LENGTH) {
    return { ok: false, reason: 'too short' };
  }
  const head = Buffer.from(header.buffer, header.byteOffset, PACK_HEADER_LENGTH);
  const tail = Buffer.from(trailer.buffer, trailer.byteOffset + trailer.byteLength - PACK_TRAILER_LENGTH, PACK_TRAILER_LENGTH);
  if (!head.subarray(0, 8).equals(HEADER_MAGIC) || !tail.subarray(80, 88).equals(TRAILER_MAGIC)) {
    return { ok: false, reason: 'not a pack' };
  }
  if (head.readUInt32LE(8) !== PACK_VERSION) {
    return { ok: false, reason: 'unknown version' };
  }
  const indexOffset = tail.readBigUInt64LE(0);
  const indexLength = tail.readUInt32LE(8);
  const count = tail.readUInt32LE(12);
  // The index ends where the trailer begins: every size is pinned to the file's real one.
  if (indexOffset < BigInt(PACK_HEADER_LENGTH) || indexOffset + BigInt(indexLength) + BigInt(PACK_TRAILER_LENGTH) !== BigInt(fileSize)) {
    return { ok: false, reason: 'sizes do not add up' };
  }
  if (indexLength < 4 || count > (indexLength - 4) / MIN_ENTRY_LENGTH) {
    return { ok: false, reason: 'index too short for its entries' };
  }
  // Checked here, before a reader allocates the index: no entry is longer than a note file's
  // longest name allows, and no pack holds more entries than a writer puts in one.
  if (count > MAX_NOTE_PACK_ENTRIES || indexLength > MAX_INDEX_LENGTH || indexLength > 4 + count * MAX_ENTRY_LENGTH) {
    return { ok: false, reason: 'index longer than its entries can be' };
  }
  return { ok: true, value: { indexOffset: Number(indexOffset), indexLength, count, startedAt: head.readUInt32LE(12) * 1000, dataHash: Buffer.from(tail.subarray(16, 48)), indexHash: Buffer.from(tail.subarray(48, 80)) } };
}

/**
 * The entries' names and sizes, from the index as read (`indexOffset`…`indexOffset + indexLength`),
 * checked against its hash: one pass, each length checked against what is left before it is used.
 */
export function readPackIndex(layout: PackLayout, index: Uint8Array): PackRead<{ name: string; size: number }[]> {
  if (index.byteLength !== layout.indexLength) {
    return { ok: false, reason: 'index cut short' };
  }
  const bytes = Buffer.from(index.buffer, index.byteOffset, index.byteLength);
  if (!createHash('sha256').update(bytes).digest().equals(layout.indexHash)) {
    return { ok: false, reason: 'index damaged' };
  }
  if (bytes.readUInt32LE(0) !== layout.count) {
    return { ok: false, reason: 'index count differs' };
  }
  const dataLength = layout.indexOffset - PACK_HEADER_LENGTH;
  const entries: { name: string; size: number }[] = [];
  const seen = new Set<string>();
  let at = 4;
  let total = 0;
  for (let i = 0; i < layout.count; i++) {
    if (at + 2 > bytes.length) {
      return { ok: false, reason: 'index cut short' };
    }
    const nameLength = bytes.readUInt16LE(at);
    if (nameLength === 0 || nameLength > MAX_NAME_LENGTH || at + 2 + nameLength + 4 > bytes.length) {
      return { ok: false, reason: 'bad name length' };
    }
    const name = bytes.toString('utf8', at + 2, at + 2 + nameLength);
    const size = bytes.readUInt32LE(at + 2 + nameLength);
    at += 2 + nameLength + 4;
    total += size;
    if (!isPackableName(name) || seen.has(name) || total > dataLength) {
      return { ok: false, reason: 'bad entry' };
    }
    seen.add(name);
    entries.push({ name, size });
  }
  if (at !== bytes.length || total !== dataLength) {
    return { ok: false, reason: 'index does not cover the data' };
  }
  return { ok: true, value: entries };
}

/** Every entry of a whole pack, checked: structure, both hashes, names. Never throws. */
export function readPack(pack: Uint8Array): PackRead<{ startedAt: number; entries: PackEntry[] }> {
  const layout = readPackLayout(pack, pack, pack.byteLength);
  if (!layout.ok) {
    return layout;
  }
  const { indexOffset, indexLength, dataHash } = layout.value;
  const index = readPackIndex(layout.value, pack.subarray(indexOffset, indexOffset + indexLength));
  if (!index.ok) {
    return index;
  }
  if (!createHash('sha256').update(pack.subarray(0, indexOffset)).digest().equals(dataHash)) {
    return { ok: false, reason: 'data damaged' };
  }
  const entries: PackEntry[] = [];
  let at = PACK_HEADER_LENGTH;
  for (const { name, size } of index.value) {
    entries.push({ name, bytes: pack.subarray(at, at + size) });
    at += size;
  }
  return { ok: true, value: { startedAt: layout.value.startedAt, entries } };
}
