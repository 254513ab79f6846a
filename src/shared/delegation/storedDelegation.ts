/** The delegation inventory on disk: one versioned JSON file, checked against this schema. */
import * as z from 'zod/mini';
import { asStoredBound, DELEGATION_TITLE_MAX_LENGTH, STEP_ID, STEP_NOTE_MAX_LENGTH } from '../storageLayout';
import { codeReference, isoDay, storedId } from '../storedCommon';
import { parseVersionedJson, type Parsed } from '../versionedFile';
import { RELAPSE_KINDS, STATUSES, type DelegationItem } from './items';
import { LEVELS } from './levels';

export const DELEGATION_SCHEMA_VERSION = 1;

const level = z.literal(LEVELS);

const itemV1 = z.object({
  id: storedId,
  title: z.string().check(z.minLength(1), z.maxLength(asStoredBound(DELEGATION_TITLE_MAX_LENGTH))),
  createdOn: isoDay,
  status: z.enum(STATUSES),
  ownerId: z.optional(storedId),
  level: z.optional(level),
  targetLevel: z.optional(level),
  levelHistory: z.array(z.object({ on: isoDay, from: z.optional(level), to: level })),
  steps: z.array(z.object({ stepId: z.string().check(z.regex(STEP_ID)), on: isoDay, note: z.optional(z.string().check(z.maxLength(asStoredBound(STEP_NOTE_MAX_LENGTH)))) })),
  relapses: z.array(z.object({ on: isoDay, kind: z.enum(RELAPSE_KINDS) })),
  nextCheckInOn: z.optional(isoDay),
  source: z.optional(codeReference),
});

const fileV1 = z.object({ schemaVersion: z.literal(1), items: z.array(itemV1) });

export function parseDelegationFile(text: string): Parsed<readonly DelegationItem[]> {
  const result = parseVersionedJson(text, DELEGATION_SCHEMA_VERSION, fileV1);
  if (!result.ok) {
    return result;
  }
  const ids = new Set<string>();
  for (const item of result.value.items) {
    if (ids.has(item.id)) {
      return { ok: false, reason: `item id ${item.id} appears twice` };
    }
    ids.add(item.id);
  }
  return { ok: true, value: result.value.items };
}

export function serializeDelegationFile(items: readonly DelegationItem[]): string {
  return `${JSON.stringify({ schemaVersion: DELEGATION_SCHEMA_VERSION, items }, null, 2)}\n`;
}
