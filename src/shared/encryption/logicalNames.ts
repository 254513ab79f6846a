/**
 * The name a stored file is encrypted under (the envelope's additional data): its `/`-separated
 * path inside the data folder. A temporary file is encoded for its target, then renamed over it;
 * a set-aside copy (`team.corrupt-<stamp>.json`, `team.before-set-aside-<stamp>.json`) keeps its
 * original's bytes. Both therefore decode under the original's name.
 */
import { TEMP_TAIL } from '../storageLayout';

const SET_ASIDE_TAIL = /\.(?:corrupt|newer|before-set-aside)-\d{4}-\d{2}-\d{2}T[\d-]{1,20}Z(?=(?:\.[^./]*)?$)/;

export function canonicalName(relative: string): string {
  return relative.replace(TEMP_TAIL, '').replace(SET_ASIDE_TAIL, '');
}

/** Whether a file is a copy Two Hats set aside (damaged, from a newer version, or kept before one was). */
export function isSetAsideName(relative: string): boolean {
  return SET_ASIDE_TAIL.test(relative.replace(TEMP_TAIL, ''));
}
