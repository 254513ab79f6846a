import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { keyIdOf } from '../../src/host/encryption/envelope';
import {
  DEFAULT_SCRYPT,
  isWeakerThanDefault,
  newDataKey,
  parseKeyfile,
  rewrapDataKey,
  unwrapDataKey,
  wrapDataKey,
  type Keyfile,
  type ScryptParams,
} from '../../src/host/encryption/keyWrapping';

/** Cheap on purpose, so the unit lane stays fast; the production cost is exercised once below. */
const CHEAP: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
const passphrase = 'tea kettle on a mountain bike';

function unwrappedKey(result: Awaited<ReturnType<typeof unwrapDataKey>>): Buffer {
  assert.ok(result.ok, result.ok ? '' : `${result.problem}: ${result.reason}`);
  return result.dataKey;
}

describe('data key wrapped by the passphrase', () => {
  it('unwraps to the same data key with the same passphrase, whatever the passphrase', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), async (phrase) => {
        const dataKey = newDataKey();
        const keyfile = await wrapDataKey(phrase, dataKey, CHEAP);
        assert.deepEqual(unwrappedKey(await unwrapDataKey(phrase, keyfile)), dataKey);
      }),
      { numRuns: 10 },
    );
  });

  it('keeps neither the passphrase nor the data key readable in the key file', async () => {
    const dataKey = newDataKey();
    const keyfile = await wrapDataKey(passphrase, dataKey, CHEAP);
    assert.equal(keyfile.includes('kettle'), false);
    assert.equal(keyfile.includes(dataKey.toString('base64')), false);
    assert.equal(keyfile.includes(dataKey.toString('hex')), false);
    const parsed = parseKeyfile(keyfile);
    assert.ok(parsed.ok);
    assert.equal(parsed.keyfile.keyId, keyIdOf(dataKey).toString('hex'));
    assert.deepEqual({ N: parsed.keyfile.kdf.N, r: parsed.keyfile.kdf.r, p: parsed.keyfile.kdf.p }, CHEAP);
  });

  it('says a wrong passphrase is wrong, and a damaged file is damaged', async () => {
    const keyfile = await wrapDataKey(passphrase, newDataKey(), CHEAP);
    const wrong = await unwrapDataKey('tea kettle on a mountain bikes', keyfile);
    assert.equal(wrong.ok ? '' : wrong.problem, 'wrongPassphrase');
    const edited = keyfile.replace(/"key": "(.)/, (_whole, first: string) => `"key": "${first === 'A' ? 'B' : 'A'}`);
    assert.notEqual(edited, keyfile);
    const damaged = await unwrapDataKey(passphrase, edited);
    assert.equal(damaged.ok ? '' : damaged.problem, 'damaged');
    for (const text of ['', 'not json', '{"schemaVersion":1}', keyfile.slice(0, keyfile.length / 2)]) {
      const result = await unwrapDataKey(passphrase, text);
      assert.equal(result.ok ? '' : result.problem, 'damaged', text);
    }
    const newer = await unwrapDataKey(passphrase, keyfile.replace('"schemaVersion": 1', '"schemaVersion": 2'));
    assert.equal(newer.ok ? '' : newer.problem, 'fromNewerVersion');
  });

  it('refuses a key file whose cost was lowered, with its check recomputed by an attacker', async () => {
    const keyfile = await wrapDataKey(passphrase, newDataKey(), { N: 2 ** 11, r: 8, p: 1 });
    const lowered = JSON.parse(keyfile) as Keyfile;
    lowered.kdf.N = 2 ** 10;
    // The check is not a secret: anyone can recompute it. The wrapping's AAD still binds N.
    const { kdf, keyId, wrapped } = lowered;
    lowered.check = createHash('sha256')
      .update(JSON.stringify([lowered.schemaVersion, kdf.name, kdf.N, kdf.r, kdf.p, kdf.salt, keyId, wrapped.iv, wrapped.key, wrapped.tag]))
      .digest('hex')
      .slice(0, 16);
    assert.ok(parseKeyfile(JSON.stringify(lowered)).ok, 'the recomputed check passes, so only the AAD can catch it');
    const result = await unwrapDataKey(passphrase, JSON.stringify(lowered));
    assert.equal(result.ok, false);
  });

  it('still unwraps a key file written with raised parameters, and knows an old one is weaker', async () => {
    const dataKey = newDataKey();
    const raised = await wrapDataKey(passphrase, dataKey, { N: 2 ** 11, r: 16, p: 2 });
    assert.deepEqual(unwrappedKey(await unwrapDataKey(passphrase, raised)), dataKey);
    const parsed = parseKeyfile(raised);
    assert.ok(parsed.ok);
    assert.equal(isWeakerThanDefault(parsed.keyfile), true);
    assert.equal(isWeakerThanDefault(parsed.keyfile, CHEAP), false);
  });

  it('refuses parameters that would need more memory than a laptop has', async () => {
    const keyfile = JSON.parse(await wrapDataKey(passphrase, newDataKey(), CHEAP)) as { kdf: { N: number; r: number } };
    keyfile.kdf.N = 2 ** 22;
    keyfile.kdf.r = 32;
    const result = await unwrapDataKey(passphrase, JSON.stringify(keyfile));
    assert.equal(result.ok ? '' : result.problem, 'damaged');
  });

  it('changes the passphrase without changing the data key: the old one stops working', async () => {
    const dataKey = newDataKey();
    const before = await wrapDataKey(passphrase, dataKey, CHEAP);
    const refused = await rewrapDataKey('not the passphrase at all', 'a brand new passphrase here', before, CHEAP);
    assert.equal(refused.ok ? '' : refused.problem, 'wrongPassphrase');
    const changed = await rewrapDataKey(passphrase, 'a brand new passphrase here', before, CHEAP);
    assert.ok(changed.ok);
    assert.deepEqual(unwrappedKey(await unwrapDataKey('a brand new passphrase here', changed.keyfileText)), dataKey);
    const old = await unwrapDataKey(passphrase, changed.keyfileText);
    assert.equal(old.ok ? '' : old.problem, 'wrongPassphrase');
  });

  it('derives the same key from the same passphrase typed in either Unicode form', async () => {
    const dataKey = newDataKey();
    const keyfile = await wrapDataKey('cre\u0301me bru\u0302le\u0301e au chocolat', dataKey, CHEAP);
    assert.deepEqual(unwrappedKey(await unwrapDataKey('cr\u00e9me br\u00fbl\u00e9e au chocolat', keyfile)), dataKey);
  });

  it('uses the production cost by default, and it round-trips', async function () {
    this.timeout(60_000); // About a second a derivation on a laptop; far more on a busy shared CI machine.
    const dataKey = newDataKey();
    const keyfile = await wrapDataKey(passphrase, dataKey);
    const parsed = parseKeyfile(keyfile);
    assert.ok(parsed.ok);
    assert.deepEqual({ N: parsed.keyfile.kdf.N, r: parsed.keyfile.kdf.r, p: parsed.keyfile.kdf.p }, DEFAULT_SCRYPT);
    assert.deepEqual(unwrappedKey(await unwrapDataKey(passphrase, keyfile)), dataKey);
  });
});
