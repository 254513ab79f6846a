/**
 * Which recovery passphrases Two Hats refuses, and why. The passphrase guards notes about
 * people against anyone who copies the data folder and its key file (a backup, a synced folder),
 * who can then guess offline at leisure: scrypt makes each guess cost, but a passphrase from the
 * top of a leaked-password list falls in seconds anyway.
 *
 * The rules are few and explained, not a score: at least 12 characters; not a well-known
 * password or phrase (a small embedded list, compared without case, spaces, punctuation and
 * trailing digits, so "Password 2024!" is caught); not one character or a short pattern
 * repeated; not a run along the keyboard or the alphabet; not without letters (a date, a phone
 * number). A long passphrase of
 * ordinary words ("tea kettle on a mountain bike") passes: length is what makes it strong.
 */
import * as l10n from '../l10n';

export const PASSPHRASE_MIN_CHARACTERS = 12;
/** Long enough for any real passphrase; bounds the work of checking and deriving. */
export const PASSPHRASE_MAX_CHARACTERS = 1024;

/**
 * Well-known passwords and phrases, in their compared form (lower case, letters and digits only,
 * trailing digits and symbols removed). Short ones are here too: padded with digits or repeated they reach
 * 12 characters ("password1234", "iloveyouiloveyou").
 */
const WELL_KNOWN = new Set([
  'password', 'passw0rd', 'p4ssw0rd', 'passphrase', 'mypassword', 'mypassphrase', 'secret', 'mysecret', 'topsecret',
  'qwerty', 'qwertyuiop', 'azerty', 'qwertz', 'asdfgh', 'asdfghjkl', 'zxcvbnm', 'letmein', 'welcome', 'welcometo',
  'iloveyou', 'iloveu', 'loveyou', 'trustno', 'trustnoone', 'admin', 'administrator', 'root', 'changeme', 'default',
  'monkey', 'dragon', 'master', 'shadow', 'sunshine', 'princess', 'football', 'baseball', 'soccer', 'hockey', 'superman',
  'batman', 'starwars', 'pokemon', 'michael', 'jennifer', 'jordan', 'hunter', 'freedom', 'whatever', 'nothing', 'abc',
  'abcdef', 'abcdefg', 'abcdefgh', 'abcdefghijkl', 'abcd', 'test', 'testing', 'tester', 'guest', 'hello',
  'helloworld', 'hellothere', 'login', 'access', 'computer', 'internet', 'samsung', 'apple', 'google', 'microsoft',
  'linkedin', 'facebook', 'charlie', 'thomas', 'daniel', 'andrew', 'summer', 'winter', 'spring', 'autumn', 'flower',
  'cookie', 'cheese', 'chocolate', 'pepper', 'ginger', 'killer', 'ninja', 'mustang', 'harley', 'ranger', 'buster',
  'maggie', 'jessica', 'ashley', 'bailey', 'zaq', 'zaqxsw', 'qazwsx', 'qazwsxedc', 'onetwothree', 'iloveyouforever',
  'correcthorsebatterystaple', 'thequickbrownfoxjumpsoverthelazydog', 'thequickbrownfox', 'opensesame',
  'letmeinplease', 'passwordpassword', 'mypasswordis', 'thisismypassword', 'thisismypassphrase', 'ihavenopassword',
  'iloveyoubaby', 'iloveyoumom', 'ilovemyfamily', 'godisgood', 'jesuschrist', 'jesuslovesme', 'blessed', 'happy',
  'happybirthday', 'goodmorning', 'goodnight', 'twohats', 'twohatsnotes', 'vscode', 'visualstudiocode', 'github',
  'engineering', 'engineeringmanager', 'manager', 'teamlead', 'leadership', 'oneonone', 'notes', 'mynotes',
  'myoneononenotes', 'secretnotes', 'privatenotes', 'company', 'companyname', 'work', 'office', 'monday', 'friday',
]);

/** Runs that are easy to type and easy to guess: keyboard rows and sequences. */
const RUNS = ['abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890', 'qazwsxedcrfvtgbyhnujmikolp', 'azertyuiop', 'qwertzuiop'];

/** Why `passphrase` is refused, ready to show; `undefined` when it is acceptable. */
export function passphraseProblem(passphrase: string): string | undefined {
  const characters = [...passphrase.normalize('NFC')];
  if (characters.length < PASSPHRASE_MIN_CHARACTERS) {
    return l10n.t('It is too short: use at least {0} characters. A few unrelated words make a good passphrase.', PASSPHRASE_MIN_CHARACTERS);
  }
  if (characters.length > PASSPHRASE_MAX_CHARACTERS) {
    return l10n.t('It is too long: use at most {0} characters.', PASSPHRASE_MAX_CHARACTERS);
  }
  if (passphrase.trim() !== passphrase) {
    return l10n.t('It starts or ends with a space, which is easy to forget when typing it again.');
  }
  if (!characters.some((c) => /\p{L}/u.test(c))) {
    return l10n.t('It has no letters, like a phone number or a date. Use words.');
  }
  if (new Set(characters.map((c) => c.toLowerCase())).size < 5 || repeatsAShortPattern(characters)) {
    return l10n.t('It repeats the same few characters. Use a few unrelated words.');
  }
  const forms = comparedForms(passphrase);
  if (isWellKnown(forms)) {
    return l10n.t('It is a well-known password or phrase, among the first any attacker tries.');
  }
  if (isRunAlongKeyboard(forms)) {
    return l10n.t('It is a run along the keyboard or the alphabet, among the first any attacker tries.');
  }
  return undefined;
}

/**
 * The forms a passphrase is looked up in: lower case, letters and digits only (any script), with
 * and without trailing digits and symbols ("Password 2024!"), and with look-alike digits and
 * symbols read as letters ("P@ssw0rd").
 */
function comparedForms(passphrase: string): string[] {
  const lower = passphrase.normalize('NFKC').toLowerCase();
  const withoutTail = trimTrailingDigitsAndSymbols(lower);
  const deLeeted = [...withoutTail].map((c) => LEET[c] ?? c).join('');
  return [...new Set([lower, withoutTail, deLeeted].map(lettersAndDigits))].filter((form) => form.length > 0);
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

function lettersAndDigits(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A loop, not a `[…]+$` pattern: that pattern is quadratic on a long run that does not end the string. */
function trimTrailingDigitsAndSymbols(text: string): string {
  let end = text.length;
  while (end > 0 && !/\p{L}/u.test(text[end - 1]!)) {
    end--;
  }
  return text.slice(0, end);
}

function isWellKnown(forms: readonly string[]): boolean {
  return forms.some((form) => WELL_KNOWN.has(form) || isRepetitionOfWellKnown(form));
}

/** "iloveyouiloveyou", "passwordpassword": a listed word said twice or more. */
function isRepetitionOfWellKnown(form: string): boolean {
  for (const word of WELL_KNOWN) {
    if (form.length > word.length && form.length % word.length === 0 && form === word.repeat(form.length / word.length)) {
      return true;
    }
  }
  return false;
}

/** Whether the whole string is one run, forwards or backwards, along a row or a sequence. */
function isRunAlongKeyboard(forms: readonly string[]): boolean {
  return forms.some(
    (form) => form.length >= 6 && RUNS.some((run) => isInsideRepeatedRun(form, run) || isInsideRepeatedRun(form, [...run].reverse().join(''))),
  );
}

/** "qwertyuiopqwerty", "abcdefghijklm": a stretch of the run, wrapping round as often as needed. */
function isInsideRepeatedRun(form: string, run: string): boolean {
  const start = run.indexOf(form[0]!);
  if (start < 0) {
    return false;
  }
  for (let i = 0; i < form.length; i++) {
    if (form[i] !== run[(start + i) % run.length]) {
      return false;
    }
  }
  return true;
}

/** A unit of up to a third of the length, said again and again ("abc123abc123abc123"). */
function repeatsAShortPattern(characters: readonly string[]): boolean {
  const lower = characters.map((c) => c.toLowerCase());
  for (let unit = 1; unit <= Math.floor(lower.length / 3); unit++) {
    if (lower.every((c, i) => c === lower[i % unit])) {
      return true;
    }
  }
  return false;
}
