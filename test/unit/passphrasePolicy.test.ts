import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertLinearEnough } from './support/adversarial';
import { PASSPHRASE_MIN_CHARACTERS, passphraseProblem } from '../../src/shared/encryption/passphrasePolicy';

function refusedFor(passphrase: string, because: RegExp): void {
  const problem = passphraseProblem(passphrase);
  assert.ok(problem, `"${passphrase}" should be refused`);
  assert.match(problem, because, `"${passphrase}"`);
}

describe('recovery passphrase policy', () => {
  it('accepts a few unrelated words, in any script, and long random strings', () => {
    for (const good of [
      'tea kettle on a mountain bike',
      'Correct Horse Battery Stapler Nine',
      'quokka-trombone-lighthouse',
      'zK8#pQ2!wL9m',
      'Schildkröte Übermut Fährte',
      '猫が月の上で踊っている夜',
      'my manager hat is green 42',
    ]) {
      assert.equal(passphraseProblem(good), undefined, good);
    }
  });

  it('refuses anything shorter than twelve characters, counting characters not bytes', () => {
    refusedFor('short words', /too short: use at least 12 characters/);
    refusedFor('', /too short/);
    refusedFor('猫が月の上で踊る', /too short/);
    assert.equal(PASSPHRASE_MIN_CHARACTERS, 12);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 11 }), (text) => {
        assert.match(passphraseProblem(text) ?? '', /too short/);
      }),
    );
  });

  it('refuses well-known passwords and phrases, however they are dressed up', () => {
    for (const common of [
      'password1234',
      'Password 2024!',
      'P@ssw0rd2024!!',
      'passwordpassword',
      'iloveyouiloveyou',
      'Correct horse battery staple',
      'correcthorsebatterystaple',
      'the quick brown fox jumps over the lazy dog',
      'letmein123456',
      'Welcome2024!!',
      'TwoHatsNotes2026',
    ]) {
      refusedFor(common, /well-known password or phrase/);
    }
  });

  it('refuses one character or a short pattern said again and again', () => {
    refusedFor('aaaaaaaaaaaaaaa', /repeats the same few characters/);
    refusedFor('abababababab', /repeats the same few characters/);
    refusedFor('abc!abc!abc!', /repeats the same few characters/);
    refusedFor('Hi!Hi!Hi!Hi!', /repeats the same few characters/);
    refusedFor('xyzxyzxyzxyzxyz', /repeats the same few characters/);
  });

  it('refuses a passphrase without letters, and runs along the keyboard or the alphabet', () => {
    refusedFor('123456789012', /no letters/);
    refusedFor('1984-02-13 0612', /no letters/);
    refusedFor('+44 20 7946 0958', /no letters/);
    refusedFor('qwertyuiopasdf', /keyboard/);
    refusedFor('Qwertyuiop!!', /keyboard|well-known/);
    refusedFor('abcdefghijklmn', /keyboard|well-known/);
    refusedFor('poiuytrewqpoi', /keyboard/);
    refusedFor('zyxwvutsrqpon', /keyboard/);
  });

  it('refuses a leading or trailing space, which is easy to miss when typing it again', () => {
    refusedFor(' tea kettle on a bike', /space/);
    refusedFor('tea kettle on a bike ', /space/);
  });

  it('answers quickly for any input up to the limit, never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 1200 }), (text) => {
        const problem = passphraseProblem(text);
        assert.ok(problem === undefined || problem.length > 0);
      }),
      { numRuns: 200 },
    );
    for (const longest of ['a'.repeat(1023) + 'b', 'ab1'.repeat(341) + 'x']) {
      assertLinearEnough(`${longest.slice(0, 6)}… (${longest.length} characters)`, longest.length, () => passphraseProblem(longest));
    }
  });
});
