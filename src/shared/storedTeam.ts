/**
 * The shape of the team file on disk, its versions and migrations. Files read from storage are
 * untrusted like webview messages: they are parsed with these schemas before use.
 */
import * as z from 'zod/mini';
import * as l10n from './l10n';
import { parseVersionedJson, type Refusal } from './versionedFile';
import { codeReference, isoDay, storedId } from './storedCommon';
import { asStoredBound, GOAL_MAX_LENGTH, PERSON_NAME_MAX_LENGTH, PERSON_ROLE_MAX_LENGTH, TALKING_POINT_MAX_LENGTH } from './storageLayout';
import { CADENCES } from './team';
import type { Person } from './team';

export const TEAM_SCHEMA_VERSION = 1;

/** A person in the team file; also what the sidebar's cached team is checked against, in its tests. */
export const personV1 = z.object({
  id: storedId,
  // Names and roles are stored as the sidebar's rules left them: normalized, within the limits.
  name: z.string().check(z.minLength(1), z.maxLength(asStoredBound(PERSON_NAME_MAX_LENGTH))),
  role: z.string().check(z.maxLength(asStoredBound(PERSON_ROLE_MAX_LENGTH))),
  cadence: z.enum(CADENCES),
  archived: z.boolean(),
  addedOn: isoDay,
  lastOneOnOneOn: z.optional(isoDay),
  talkingPoints: z.optional(
    z.array(
      z.object({
        id: storedId,
        text: z.string().check(z.minLength(1), z.maxLength(asStoredBound(TALKING_POINT_MAX_LENGTH))),
        standing: z.boolean(),
        addedOn: isoDay,
        source: z.optional(codeReference),
      }),
    ),
  ),
  goals: z.optional(
    z.array(
      z.object({ id: storedId, text: z.string().check(z.minLength(1), z.maxLength(asStoredBound(GOAL_MAX_LENGTH))), addedOn: isoDay, reachedOn: z.optional(isoDay) }),
    ),
  ),
});

const teamFileV1 = z.object({
  schemaVersion: z.literal(1),
  people: z.array(personV1),
});

export type TeamFile = { schemaVersion: typeof TEAM_SCHEMA_VERSION; people: Person[] };

export type TeamFileResult = { ok: true; file: TeamFile } | Refusal;

/** Parses the text of a team file; versions before the current one would be migrated here. */
export function parseTeamFile(text: string): TeamFileResult {
  const result = parseVersionedJson(text, TEAM_SCHEMA_VERSION, teamFileV1);
  if (!result.ok) {
    return result;
  }
  const ids = new Set<string>();
  for (const person of result.value.people) {
    if (ids.has(person.id)) {
      return { ok: false, reason: l10n.t('person id {0} appears twice', person.id) };
    }
    ids.add(person.id);
  }
  return { ok: true, file: { schemaVersion: TEAM_SCHEMA_VERSION, people: result.value.people } };
}

export function serializeTeamFile(people: readonly Person[]): string {
  const file: TeamFile = { schemaVersion: TEAM_SCHEMA_VERSION, people: [...people] };
  return `${JSON.stringify(file, null, 2)}\n`;
}
