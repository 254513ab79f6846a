import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { decryptFile, encryptFile, ENVELOPE_MAGIC, ENVELOPE_OVERHEAD, isEnvelope, type Decrypted } from '../../src/host/encryption/envelope';

const key = randomBytes(32);
const otherKey = randomBytes(32);
const anyBytes = fc.uint8Array({ maxLength: 2048 });
/** Logical names as the data folder has them, and any text at all. */
const anyName = fc.oneof(fc.constantFrom('team.json', 'notes/p-1/2026-11-30.md', 'notes/index.json', ''), fc.string({ unit: 'binary', maxLength: 80 }));

function plaintextOf(result: Decrypted): Buffer {
  assert.ok(result.ok, result.ok ? '' : `${result.problem}: ${result.reason}`);
  return result.plaintext;
}

describe('encrypted file envelope', () => {
  it('gives back exactly the bytes it was given, under the same name and key', () => {
    fc.assert(
      fc.property(anyBytes, anyName, (plaintext, name) => {
        const envelope = encryptFile(key, name, plaintext);
        assert.ok(isEnvelope(envelope));
        assert.equal(envelope.length, plaintext.length + ENVELOPE_OVERHEAD);
        assert.deepEqual(plaintextOf(decryptFile(key, name, envelope)), Buffer.from(plaintext));
      }),
    );
  });

  it('never holds the plaintext, and never writes the same bytes twice (a fresh IV every write)', () => {
    const note = Buffer.from('Sentinel-Alice-Quokka: wants to move to the platform team');
    const first = encryptFile(key, 'notes/a.md', note);
    const second = encryptFile(key, 'notes/a.md', note);
    assert.notDeepEqual(first, second);
    assert.equal(first.includes(Buffer.from('Sentinel')), false);
    assert.equal(first.includes(Buffer.from('Alice')), false);
  });

  it('reports any single flipped bit anywhere as tampered, never as plaintext', () => {
    fc.assert(
      fc.property(anyBytes, anyName, fc.nat(), (plaintext, name, where) => {
        const envelope = encryptFile(key, name, plaintext);
        const bit = where % (envelope.length * 8);
        envelope[bit >> 3]! ^= 1 << (bit & 7);
        const result = decryptFile(key, name, envelope);
        assert.equal(result.ok, false);
        assert.equal(result.ok ? '' : result.problem, 'tampered', `bit ${bit} of ${envelope.length * 8}`);
        assert.ok(isEnvelope(envelope), 'a damaged envelope must still be routed to decryption, not read as text');
      }),
    );
  });

  it('reports a truncated envelope as an error, never plaintext and never a throw', () => {
    fc.assert(
      fc.property(anyBytes, anyName, fc.nat(), (plaintext, name, cut) => {
        const envelope = encryptFile(key, name, plaintext);
        const kept = cut % envelope.length;
        const result = decryptFile(key, name, envelope.subarray(0, kept));
        assert.equal(result.ok, false);
        assert.equal(result.ok ? '' : result.problem, kept === 0 ? 'notEnvelope' : 'tampered');
      }),
    );
  });

  it('never throws on arbitrary bytes, and decrypts nothing it did not write', () => {
    fc.assert(
      fc.property(fc.oneof(anyBytes, anyBytes.map((tail) => Buffer.concat([ENVELOPE_MAGIC, Buffer.from([1, 0xfe]), tail]))), anyName, (bytes, name) => {
        assert.equal(decryptFile(key, name, bytes).ok, false);
      }),
    );
  });

  it('detects a file swapped with another file: the logical name is bound in', () => {
    fc.assert(
      fc.property(anyBytes, anyName, anyName, (plaintext, name, otherName) => {
        fc.pre(name !== otherName);
        const result = decryptFile(key, otherName, encryptFile(key, name, plaintext));
        assert.equal(result.ok ? '' : result.problem, 'tampered');
      }),
    );
    for (const [name, otherName] of [['notes/\uD800.md', 'notes/\uFFFD.md'], ['a\uDC00', 'a\uD800']]) {
      const result = decryptFile(key, otherName!, encryptFile(key, name!, Buffer.from('x')));
      assert.equal(result.ok ? '' : result.problem, 'tampered', 'names that differ only in a lone surrogate are still different');
    }
    const alice = encryptFile(key, 'notes/alice/2026-11-02.md', Buffer.from('Alice'));
    const bob = encryptFile(key, 'notes/bob/2026-11-02.md', Buffer.from('Bob'));
    assert.equal(decryptFile(key, 'notes/alice/2026-11-02.md', bob).ok, false);
    assert.equal(decryptFile(key, 'notes/bob/2026-11-02.md', alice).ok, false);
  });

  it('tells a file written with another key apart from a damaged one', () => {
    const result = decryptFile(otherKey, 'team.json', encryptFile(key, 'team.json', Buffer.from('{"people":[]}')));
    assert.deepEqual(result, { ok: false, problem: 'wrongKey', reason: 'it was encrypted with a different key' });
  });

  it('refuses a whole envelope from a newer format version rather than guessing', () => {
    const envelope = encryptFile(key, 'team.json', Buffer.from('{}'));
    envelope[ENVELOPE_MAGIC.length] = 2;
    envelope[ENVELOPE_MAGIC.length + 1] = ~2 & 0xff;
    const result = decryptFile(key, 'team.json', envelope);
    assert.equal(result.ok ? '' : result.problem, 'unknownVersion');
  });

  it('never takes a plain file Two Hats writes for an envelope', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const bytes = Buffer.from(text, 'utf8');
        assert.equal(isEnvelope(bytes), false);
        const result = decryptFile(key, 'notes/a.md', bytes);
        assert.equal(result.ok ? '' : result.problem, 'notEnvelope');
      }),
    );
    assert.equal(isEnvelope(Buffer.from('{\n  "schemaVersion": 3\n}\n')), false);
    assert.equal(isEnvelope(Buffer.from('\uFEFF# 1:1 with Alice')), false);
  });
});
