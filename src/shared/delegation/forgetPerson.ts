/**
 * Erasing a person from the delegation list: the work they own goes with them (its step notes are
 * about handing it to them); the lead's other work keeps its history, with their name taken out.
 */
import type { DelegationItem } from './items';

/** What stands in for an erased person's name in what the lead wrote. */
export const ERASED_NAME = 'a former team member';

export function withoutPerson(items: readonly DelegationItem[], personId: string, name: string): DelegationItem[] {
  return items.filter((item) => item.ownerId !== personId).map((item) => withoutName(item, name));
}

function withoutName(item: DelegationItem, name: string): DelegationItem {
  const title = eraseName(item.title, name);
  const steps = item.steps.map((step) => (step.note === undefined ? step : { ...step, note: eraseName(step.note, name) }));
  return { ...item, title, steps };
}

/** Every mention of the full name, in any case, replaced. Linear: a plain search, no pattern. */
export function eraseName(text: string, name: string): string {
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
