/**
 * Reading a versioned JSON file from storage: untrusted text, checked against a schema. A file
 * from a newer version of Two Hats is refused rather than guessed at, so it is never overwritten
 * with less.
 */
import * as z from 'zod/mini';
import * as l10n from './l10n';

export type Refusal = { ok: false; reason: string; fromNewerVersion?: boolean };
export type Parsed<T> = { ok: true; value: T } | Refusal;

/**
 * Parses `text` as JSON, checks its `schemaVersion` against `currentVersion`, lets `migrate`
 * bring an older shape forward (oldest first, version N to N + 1), then validates with `schema`.
 */
export function parseVersionedJson<T>(
  text: string,
  currentVersion: number,
  schema: z.ZodMiniType<T>,
  migrate: (raw: unknown, fromVersion: number) => unknown = (raw) => raw,
): Parsed<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // Where, not what: the parser's message quotes the text around the fault (a name, a note's
    // open item), and this reason is shown in a notification.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    return { ok: false, reason: at === undefined ? l10n.t('it is not valid JSON') : l10n.t('it is not valid JSON (at character {0})', Number(at)) };
  }
  const version = z.object({ schemaVersion: z.int() }).safeParse(raw);
  if (!version.success) {
    return { ok: false, reason: l10n.t('it has no schema version') };
  }
  if (version.data.schemaVersion > currentVersion) {
    return {
      ok: false,
      fromNewerVersion: true,
      reason: l10n.t('it was written by a newer version of Two Hats (schema {0})', version.data.schemaVersion),
    };
  }
  const parsed = schema.safeParse(migrate(raw, version.data.schemaVersion));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: l10n.t('it does not match the expected shape ({0}: {1})', String(first?.path.join('.')), String(first?.message)) };
  }
  return { ok: true, value: parsed.data };
}
