/**
 * Erasing a person from the delegation list: the work they own goes with them (its step notes are
 * about handing it to them); the lead's other work keeps its history, with their name taken out.
 */
import { asStoredBound, clippedTo, DELEGATION_TITLE_MAX_LENGTH, STEP_NOTE_MAX_LENGTH } from '../storageLayout';
import type { DelegationItem } from './items';

/** What stands in for an erased person's name in what the lead wrote. */
export const ERASED_NAME = 'a former team member';

export function withoutPerson(items: readonly DelegationItem[], personId: string, name: string): DelegationItem[] {
  return items.filter((item) => item.ownerId !== personId).map((item) => withoutName(item, name));
}

/** The stand-in is longer than most names: the texts are cut to what the file's reader accepts. */
function withoutName(item: DelegationItem, name: string): DelegationItem {
  const title = clippedTo(asStoredBound(DELEGATION_TITLE_MAX_LENGTH), eraseName(item.title, name));
  const steps = item.steps.map((step) =>
    step.note === undefined ? step : { ...step, note: clippedTo(asStoredBound(STEP_NOTE_MAX_LENGTH), eraseName(step.note, name)) },
  );
  return { ...item, title, steps };
}

/**
 * Every mention of the person: the full name in any case, then each part of it (a first or last
 * name alone, `@zenobia`) as a whole word. Parts are matched as written in the name, or in any case
 * after `@`, so that "Grace" goes and "grace period" stays. Linear: plain searches and literal
 * patterns only.
 */
export function eraseName(text: string, name: string): string {
  return nameParts(name).reduce((erased, part) => erasePart(erased, part), eraseFullName(text, name));
}

/** Whether erasing the name would change the text: it mentions the person. */
export function mentionsName(text: string, name: string): boolean {
  return eraseName(text, name) !== text;
}

/**
 * The parts of a name worth erasing on their own: two letters or more, and no digits (a number in a
 * name is no one's first name, and erasing it would change unrelated numbers).
 */
export function nameParts(name: string): string[] {
  return name
    .split(/\s+/)
    .map(trimToLetters)
    .filter((part) => /\p{L}.*\p{L}/u.test(part) && !/\p{N}/u.test(part));
}

/** A word without what surrounds its letters ("(Ann)," → "Ann"); a search, no backtracking pattern. */
function trimToLetters(word: string): string {
  const chars = Array.from(word);
  const isLetter = (c: string) => /\p{L}/u.test(c);
  const first = chars.findIndex(isLetter);
  const last = chars.length - 1 - [...chars].reverse().findIndex(isLetter);
  return first < 0 ? '' : chars.slice(first, last + 1).join('');
}

function erasePart(text: string, part: string): string {
  const literal = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const wholeWord = (prefix: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}_])${prefix}${literal}(?![\\p{L}\\p{N}_])`, flags);
  return text.replace(wholeWord('@', 'giu'), ERASED_NAME).replace(wholeWord('', 'gu'), ERASED_NAME);
}

function eraseFullName(text: string, name: string): string {
  const needle = name.toLocaleLowerCase();
  if (needle.length === 0) {
    return text;
  }
  const lower = text.toLocaleLowerCase();
  // Lower-casing can change lengths (e.g. 'İ'); then fall back to an exact-case replacement.
  if (lower.length !== text.length) {
    return text.split(name).join(ERASED_NAME);
  }
  let out = '';
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    out += text.slice(from, at) + ERASED_NAME;
    from = at + needle.length;
  }
  return out + text.slice(from);
}
