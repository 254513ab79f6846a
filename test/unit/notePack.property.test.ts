import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodePack, MAX_INDEX_LENGTH, MAX_PACK_LENGTH, PACK_HEADER_LENGTH, PACK_TRAILER_LENGTH, PackWriter, readPack, readPackIndex, readPackLayout, type PackEntry } from '../../src/host/storage/notePackFormat';
import { MAX_NOTE_FILE_NAME_LENGTH, MAX_NOTE_PACK_ENTRIES, noteBodyName, noteHeaderName } from '../../src/shared/storageLayout';
import { assertLinearEnough } from './support/adversarial';

const noteId = fc.stringMatching(/^[\w-]{1,64}$/);
const noteName = fc.tuple(noteId, fc.boolean()).map(([id, body]) => (body ? noteBodyName(id) : noteHeaderName(id)));
const entries = fc.uniqueArray(fc.record({ name: noteName, bytes: fc.uint8Array({ maxLength: 600 }) }), { selector: (entry) => entry.name, maxLength: 24 });

function sameEntries(read: readonly PackEntry[], written: readonly PackEntry[]): void {
  assert.deepEqual(
    read.map(({ name, bytes }) => ({ name, bytes: Buffer.from(bytes) })),
    written.map(({ name, bytes }) => ({ name, bytes: Buffer.from(bytes) })),
  );
}

/** The names as a backup pass lists them: header and trailer, then the index alone. */
function namesOf(pack: Uint8Array): string[] | undefined {
  const layout = readPackLayout(pack.subarray(0, PACK_HEADER_LENGTH), pack.subarray(Math.max(0, pack.length - PACK_TRAILER_LENGTH)), pack.length);
  if (!layout.ok) {
    return undefined;
  }
  const index = readPackIndex(layout.value, pack.subarray(layout.value.indexOffset, layout.value.indexOffset + layout.value.indexLength));
  return index.ok ? index.value.map((entry) => entry.name) : undefined;
}

describe('the backup note pack', () => {
  it('gives back every name and every byte it was given, in order, with the time packing began', () => {
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 4_000_000_000 }), (written, seconds) => {
        const pack = encodePack(written, seconds * 1000 + 999);
        const read = readPack(pack);
        assert.ok(read.ok, read.ok ? '' : read.reason);
        sameEntries(read.value.entries, written);
        assert.equal(read.value.startedAt, seconds * 1000);
        assert.deepEqual(namesOf(pack), written.map((entry) => entry.name));
      }),
    );
  });

  it('refuses a pack cut short anywhere, without throwing', () => {
    fc.assert(
      fc.property(entries, fc.nat(), (written, cut) => {
        const pack = encodePack(written);
        const kept = pack.subarray(0, cut % pack.length);
        assert.equal(readPack(kept).ok, false);
        assert.equal(namesOf(kept), undefined);
      }),
    );
  });

  it('refuses a pack with any byte changed, without throwing', () => {
    fc.assert(
      fc.property(entries, fc.nat(), fc.integer({ min: 1, max: 255 }), (written, where, change) => {
        const pack = encodePack(written);
        const at = where % pack.length;
        pack[at]! ^= change;
        assert.equal(readPack(pack).ok, false, `byte ${at} of ${pack.length}`);
      }),
    );
  });

  it('refuses a pack with bytes added or a stretch taken out, without throwing', () => {
    fc.assert(
      fc.property(entries, fc.nat(), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 40 }), (written, from, length, added) => {
        const pack = encodePack(written);
        const start = from % pack.length;
        const end = Math.min(pack.length, start + 1 + (length % 64));
        assert.equal(readPack(Buffer.concat([pack.subarray(0, start), pack.subarray(end)])).ok, false);
        assert.equal(readPack(Buffer.concat([pack.subarray(0, start), added, pack.subarray(start)])).ok, false);
      }),
    );
  });

  it('never throws on any bytes, with or without the pack’s magic around them', () => {
    const header = encodePack([]).subarray(0, PACK_HEADER_LENGTH);
    const trailer = encodePack([]).subarray(-PACK_TRAILER_LENGTH);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, framed) => {
        const pack = framed ? Buffer.concat([header, bytes, trailer]) : bytes;
        const read = readPack(pack);
        if (read.ok) {
          // Only an empty body between an empty pack's own header and trailer reads.
          assert.equal(bytes.length, 0);
        }
        namesOf(pack);
      }),
    );
  });

  it('refuses a trailer that claims more entries or a longer index than the file holds, before reading them', () => {
    const pack = encodePack([{ name: noteBodyName('a'), bytes: Buffer.from('hello') }]);
    const trailerAt = pack.length - PACK_TRAILER_LENGTH;
    const huge = Buffer.from(pack);
    huge.writeUInt32LE(0xffff_ffff, trailerAt + 12);
    assert.equal(readPackLayout(huge, huge, huge.length).ok, false, 'an entry count beyond what the index can hold');
    const long = Buffer.from(pack);
    long.writeUInt32LE(0xffff_fff0, trailerAt + 8);
    assert.equal(readPackLayout(long, long, long.length).ok, false, 'an index longer than the file');
    const far = Buffer.from(pack);
    far.writeBigUInt64LE(2n ** 60n, trailerAt);
    assert.equal(readPackLayout(far, far, far.length).ok, false, 'an index past the end of the file');
  });

  it('refuses, from the trailer alone, an index longer than its entries can be or than any pack has, though the file is that long', () => {
    const header = encodePack([]).subarray(0, PACK_HEADER_LENGTH);
    const longestEntry = 2 + MAX_NOTE_FILE_NAME_LENGTH + 4;
    /** A trailer claiming this index, in a file exactly as long as it says (a damaged trailer of a large file). */
    const claim = (indexOffset: number, indexLength: number, count: number) => {
      const trailer = Buffer.from(encodePack([]).subarray(-PACK_TRAILER_LENGTH));
      trailer.writeBigUInt64LE(BigInt(indexOffset), 0);
      trailer.writeUInt32LE(indexLength, 8);
      trailer.writeUInt32LE(count, 12);
      return readPackLayout(header, trailer, indexOffset + indexLength + PACK_TRAILER_LENGTH);
    };
    const offset = fc.integer({ min: PACK_HEADER_LENGTH, max: 2 ** 40 });
    const count = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: MAX_NOTE_PACK_ENTRIES + 1000 }), fc.integer({ min: 0, max: 0xffff_ffff }));
    // Longer than its entries' longest names allow (up to four gigabytes).
    fc.assert(
      fc.property(offset, count, fc.nat(), (indexOffset, entries, extra) => {
        const indexLength = 4 + entries * longestEntry + 1 + (extra % 0x1000_0000);
        fc.pre(indexLength <= 0xffff_ffff);
        assert.equal(claim(indexOffset, indexLength, entries).ok, false, `${entries} entries in ${indexLength} bytes`);
      }),
    );
    // Whatever a trailer claims, what is accepted is bounded before anything is allocated.
    fc.assert(
      fc.property(offset, count, fc.integer({ min: 0, max: 0xffff_ffff }), (indexOffset, entries, indexLength) => {
        const layout = claim(indexOffset, indexLength, entries);
        if (layout.ok) {
          assert.ok(layout.value.indexLength <= MAX_INDEX_LENGTH && layout.value.indexLength <= 4 + entries * longestEntry && entries <= MAX_NOTE_PACK_ENTRIES);
        }
      }),
    );
    assert.equal(claim(PACK_HEADER_LENGTH, 4 + MAX_NOTE_PACK_ENTRIES * longestEntry + longestEntry, MAX_NOTE_PACK_ENTRIES + 1).ok, false, 'more entries than a pack holds');
    assert.ok(claim(PACK_HEADER_LENGTH, 4 + 3 * longestEntry, 3).ok, 'three entries of the longest names: their index is not refused');
  });

  it('reads back the longest note file names (the index bound leaves room for them)', () => {
    const id = 'x'.repeat(64);
    const written = [{ name: noteBodyName(id), bytes: Buffer.from('body') }, { name: noteHeaderName(id), bytes: Buffer.from('{}') }];
    assert.equal(Math.max(...written.map((entry) => entry.name.length)), MAX_NOTE_FILE_NAME_LENGTH);
    const pack = encodePack(written);
    assert.ok(readPack(pack).ok);
    assert.deepEqual(namesOf(pack), written.map((entry) => entry.name));
  });

  it('stops below its length limit (a pack is read whole): whatever comes, the finished pack is never longer, and reads back whole', () => {
    // A limit of a few kilobytes stands for MAX_PACK_LENGTH (2 GiB): the same arithmetic.
    fc.assert(
      fc.property(fc.integer({ min: PACK_HEADER_LENGTH + PACK_TRAILER_LENGTH + 4, max: 8000 }), entries, (limit, offered) => {
        const writer = new PackWriter(0, limit);
        const parts: Uint8Array[] = [writer.header];
        const packed: PackEntry[] = [];
        for (const entry of offered) {
          if (writer.fits(entry.name, entry.bytes.byteLength)) {
            parts.push(writer.add(entry.name, entry.bytes));
            packed.push(entry);
          } else {
            assert.throws(() => writer.add(entry.name, entry.bytes), 'an entry that does not fit is refused');
          }
        }
        parts.push(writer.finish());
        const pack = Buffer.concat(parts);
        assert.ok(pack.length <= limit, `${pack.length} bytes under a limit of ${limit}`);
        const read = readPack(pack);
        assert.ok(read.ok);
        sameEntries(read.value.entries, packed);
      }),
    );
    // Exactly at the limit fits; one byte more does not.
    const name = noteBodyName('a');
    const room = (limit: number) => limit - (PACK_HEADER_LENGTH + 4 + 2 + name.length + 4 + PACK_TRAILER_LENGTH);
    assert.ok(new PackWriter(0, 1000).fits(name, room(1000)));
    assert.equal(new PackWriter(0, 1000).fits(name, room(1000) + 1), false);
    assert.equal(encodePack([{ name, bytes: Buffer.alloc(room(1000)) }]).length, 1000);
    // The default limit is the longest file Node reads into one Buffer (fs.readFile refuses more).
    assert.equal(MAX_PACK_LENGTH, 2 ** 31 - 1);
    assert.equal(new PackWriter(0).fits(name, MAX_PACK_LENGTH), false, 'a note of 2 GiB does not go in a pack');
  });

  it('refuses names that are not note files: a path, a parent folder, an empty name', () => {
    for (const name of ['../team.json', 'a/b.md', '..', '', 'team.json', 'notes.pack']) {
      assert.throws(() => encodePack([{ name, bytes: Buffer.from('x') }]), name);
    }
    // Written by hand, as a hostile pack would be: the name is checked on reading too.
    const good = encodePack([{ name: noteBodyName('abcdefgh'), bytes: Buffer.from('x') }]);
    const hostile = Buffer.from(good.toString('latin1').replace('abcdefgh.md', '../evil.md'), 'latin1');
    assert.equal(readPack(hostile).ok, false);
  });

  it('reads a pack of many entries in linear time', () => {
    const written = Array.from({ length: 40_000 }, (_, i) => ({ name: noteBodyName(`note-${i}`), bytes: Buffer.alloc(i % 97, i % 251) }));
    const pack = encodePack(written);
    const read = assertLinearEnough('a pack of 40,000 entries', pack.length, () => readPack(pack));
    assert.ok(read.ok);
    assert.equal(read.value.entries.length, written.length);
  });
});
