import { PRINCIPLES, type Principle } from './catalogue';

/**
 * The principle of the day: the same for everyone on the same calendar day, different from
 * yesterday's, without any state. A small string hash (FNV-1a) of the ISO day picks it.
 */
export function principleOfTheDay(isoDay: string, catalogue: readonly Principle[] = PRINCIPLES): Principle {
  let hash = 0x811c9dc5;
  for (let i = 0; i < isoDay.length; i++) {
    hash ^= isoDay.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return catalogue[hash % catalogue.length]!;
}
