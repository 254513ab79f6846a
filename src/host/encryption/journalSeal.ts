/**
 * The conversion journal, authenticated by the data key. The journal tells the next start which
 * way to convert the folder, so a journal written by anyone else (another program planting a
 * "decrypt" journal) would otherwise turn every note back into plain text. Sealed, a journal
 * only counts when its HMAC checks under a key derived from the data key (HKDF-SHA-256): whoever
 * can seal one could read the notes anyway.
 *
 * Stored as `{ "sealedJournal": <journal text>, "mac": <hex> }`. The journal text inside is the
 * pure module's (conversionJournal.ts), which knows nothing of keys.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const MAC_KEY_INFO = 'two-hats conversion journal v1';
const MAC_HEX = /^[0-9a-f]{64}$/;

/** The journal's own key, derived from the data key: the data key itself never signs anything else. */
export function journalMacKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), MAC_KEY_INFO, 32));
}

export function sealJournal(macKey: Buffer, journalText: string): string {
  return `${JSON.stringify({ sealedJournal: journalText, mac: macOf(macKey, journalText) }, null, 2)}\n`;
}

/** The sealed journal's text, without checking it: only for a folder with no key file (nothing to protect). */
export function unsealedText(stored: string): string | undefined {
  return sealedParts(stored)?.journalText;
}

/** The journal's text when `stored` was sealed with `macKey`; `undefined` for anything else. */
export function openJournal(macKey: Buffer, stored: string): string | undefined {
  const parts = sealedParts(stored);
  if (!parts) {
    return undefined;
  }
  const expected = Buffer.from(macOf(macKey, parts.journalText), 'hex');
  return timingSafeEqual(expected, Buffer.from(parts.mac, 'hex')) ? parts.journalText : undefined;
}

function macOf(macKey: Buffer, journalText: string): string {
  return createHmac('sha256', macKey).update(journalText, 'utf8').digest('hex');
}

function sealedParts(stored: string): { journalText: string; mac: string } | undefined {
  // Journals are a few hundred bytes; anything far larger is not one of ours.
  if (stored.length > 64 * 1024) {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { sealedJournal, mac } = value as Record<string, unknown>;
  return typeof sealedJournal === 'string' && typeof mac === 'string' && MAC_HEX.test(mac) ? { journalText: sealedJournal, mac } : undefined;
}
