import * as assert from 'node:assert/strict';
import { KeyHolder, type LockState } from '../../src/host/encryption/keyHolder';
import { newDataKey, wrapDataKey } from '../../src/host/encryption/keyWrapping';
import { Keychain } from './support/memoryKeychain';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const passphrase = 'tea kettle on a mountain bike';
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('key holder and lock state', () => {
  let keychain: Keychain;
  let keyfile: string | undefined;
  const dataKey = newDataKey();
  const readKeyfile = async () => keyfile;

  beforeEach(async () => {
    keychain = new Keychain();
    keyfile = await wrapDataKey(passphrase, dataKey, CHEAP);
  });

  it('says Not Encrypted when there is no key file, and holds no key', async () => {
    keyfile = undefined;
    const holder = new KeyHolder(keychain.view(), readKeyfile);
    assert.equal(await holder.refresh(), 'notEncrypted');
    assert.equal(holder.dataKey, undefined);
  });

  it('is Locked on a new machine with an empty keychain, until the passphrase unlocks it', async () => {
    const holder = new KeyHolder(keychain.view(), readKeyfile);
    assert.equal(await holder.refresh(), 'locked');
    assert.equal(holder.dataKey, undefined);
    const wrong = await holder.unlock('not the right passphrase');
    assert.equal(wrong.ok ? '' : wrong.problem, 'wrongPassphrase');
    assert.equal(holder.state, 'locked');
    assert.equal(keychain.entries.size, 0, 'a wrong passphrase changes nothing');
    assert.deepEqual(await holder.unlock(passphrase), { ok: true, rememberedInKeychain: true });
    assert.equal(holder.state, 'unlocked');
    assert.deepEqual(holder.dataKey, dataKey);
    const again = new KeyHolder(keychain.view(), readKeyfile);
    assert.equal(await again.refresh(), 'unlocked', 'the next start unlocks from the keychain');
  });

  it('Lock Now wipes the key in memory and in the keychain, in every window', async () => {
    const first = new KeyHolder(keychain.view(), readKeyfile);
    const second = new KeyHolder(keychain.view(), readKeyfile);
    await first.refresh();
    await second.refresh();
    await first.unlock(passphrase);
    await settle();
    assert.equal(second.state, 'unlocked', 'an unlock in one window unlocks the other');
    const held = first.dataKey!;
    const seen: LockState[] = [];
    second.onDidChangeState((state) => seen.push(state));
    await first.lockNow();
    await settle();
    assert.equal(first.state, 'locked');
    assert.equal(first.dataKey, undefined);
    assert.ok(held.every((byte) => byte === 0), 'the key bytes themselves are wiped');
    assert.equal(keychain.entries.size, 0);
    assert.equal(second.state, 'locked');
    assert.deepEqual(seen, ['locked']);
    assert.equal(await new KeyHolder(keychain.view(), readKeyfile).refresh(), 'locked');
  });

  it('ignores a keychain entry that is not the key this key file wraps', async () => {
    const holder = new KeyHolder(keychain.view(), readKeyfile);
    await holder.adopt(newDataKey()); // an earlier encryption, since turned off and on again
    assert.equal(await holder.refresh(), 'locked');
    const [name] = [...keychain.entries.keys()];
    keychain.entries.set(name!, 'not a key');
    assert.equal(await new KeyHolder(keychain.view(), readKeyfile).refresh(), 'locked');
  });

  it('without a keyring, unlocks for this session only and says so', async () => {
    keychain.available = false;
    const holder = new KeyHolder(keychain.view(), readKeyfile);
    assert.equal(await holder.refresh(), 'locked');
    assert.deepEqual(await holder.unlock(passphrase), { ok: true, rememberedInKeychain: false });
    assert.deepEqual(holder.dataKey, dataKey);
  });

  it('after decrypting, forgets the key everywhere and reports Not Encrypted', async () => {
    const holder = new KeyHolder(keychain.view(), readKeyfile);
    await holder.refresh();
    await holder.unlock(passphrase);
    keyfile = undefined;
    await holder.forget();
    assert.equal(holder.state, 'notEncrypted');
    assert.equal(keychain.entries.size, 0);
    assert.equal(await holder.refresh(), 'notEncrypted');
  });
  it('Delete All My Data: forgets the key of a deleted folder, open now or not, and keeps every other key', async () => {
    const holder = new KeyHolder(keychain.view(), readKeyfile);
    await holder.refresh();
    await holder.unlock(passphrase);
    const otherKey = newDataKey();
    const otherKeyfile = await wrapDataKey(passphrase, otherKey, CHEAP);
    const keptKeyfile = await wrapDataKey(passphrase, newDataKey(), CHEAP);
    await new KeyHolder(keychain.view(), async () => otherKeyfile).adopt(otherKey);
    await new KeyHolder(keychain.view(), async () => keptKeyfile).unlock(passphrase);
    assert.equal(keychain.entries.size, 3);
    await holder.forgetKeyOf(otherKeyfile);
    assert.equal(keychain.entries.size, 2, 'the key of a folder not open now is gone');
    assert.equal(holder.state, 'unlocked', 'the open folder is not touched by it');
    await holder.forgetKeyOf(keyfile!);
    assert.equal(holder.state, 'notEncrypted');
    assert.equal(holder.dataKey, undefined);
    assert.equal(keychain.entries.size, 1, 'only the key of a folder that stays is left');
    await holder.forgetKeyOf('not a key file');
    assert.equal(keychain.entries.size, 1);
  });
});
