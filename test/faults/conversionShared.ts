/** What the conversion writer and the fault lane agree on: files, notes, the passphrase. */
import * as path from 'node:path';

/** Notes in the store; each some 200 KB, so a conversion takes long enough to be cut short. */
export const CONVERSION_NOTES = 10;
/** Kills, one each way (Encrypt, then Decrypt): each strikes mid-conversion, and the lane stays short. */
export const CONVERSION_KILLS = 2;
export const CONVERSION_PASSPHRASE = 'fault lane kettle over the hills';
/** In every note, many times: found in raw bytes only while the note is stored in the clear. */
export const CONVERSION_SENTINEL = 'CONVERSION-SENTINEL';

export type Direction = 'encrypt' | 'decrypt';

export const conversionFiles = (dir: string, pid?: number | string) => ({
  setup: path.join(dir, 'setup.json'),
  ready: path.join(dir, `ready-${pid}.json`),
  go: path.join(dir, `go-${pid}`),
  converted: path.join(dir, `converted-${pid}.json`),
  error: path.join(dir, `error-${pid}.log`),
});

export interface ConversionSetup {
  readonly dataDir: string;
  readonly noteIds: readonly string[];
}

/** What a started window found, reading every note through Two Hats. */
export interface ReadyReport {
  readonly pid: number;
  /** Notes that did not read back as written, with what was wrong. */
  readonly unreadable: readonly string[];
}

export function conversionNote(k: number): string {
  const line = `${CONVERSION_SENTINEL} note ${k} `.padEnd(63, '.');
  return `# Conversion note ${k}\n\n${`${line}\n`.repeat(3200)}end of note ${k}\n`;
}
