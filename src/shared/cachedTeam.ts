/**
 * The team as the sidebar last showed it, kept in VS Code's workspace state so that a fresh
 * window paints the team from the first message, before the data files are read. It holds only
 * what the sidebar's rows show and need to sort (names, roles, cadences, due dates): no talking
 * points, goals or anything from a note. Read back as untrusted input, through this schema.
 *
 * The people are kept in the sidebar's order (sortForDisplay), which does not change from day to
 * day: the first paint shows them as kept. Sorting compares names, and a fresh extension host's
 * first name comparison loads the collation data: 10 to 12 ms of the fresh window's first paint.
 * A cache put out of order by hand shows out of order until the data is read, nothing worse; so
 * does one kept under another locale (people due the same day are ordered by name as the host's
 * locale orders them), until the team is read and kept again.
 */
import * as z from 'zod/mini';
import { isoDay, storedId } from './storedCommon';
import { asStoredBound, PERSON_NAME_MAX_LENGTH, PERSON_ROLE_MAX_LENGTH } from './storageLayout';
import { CADENCES, sortForDisplay, type Person } from './team';

/** 2: the people in the sidebar's order (version 1 kept them in the team file's order). */
export const CACHED_TEAM_SCHEMA_VERSION = 2;

/**
 * Past this many people the cache is not kept: the Memento re-sends all of the extension's state
 * on every update, and a team this large is read from its file soon enough.
 */
export const CACHED_TEAM_MAX_PEOPLE = 1000;

/** The fields of a person the sidebar's first paint uses. */
export type CachedPerson = Pick<Person, 'id' | 'name' | 'role' | 'cadence' | 'archived' | 'addedOn' | 'lastOneOnOneOn'>;

export interface CachedTeam {
  readonly schemaVersion: typeof CACHED_TEAM_SCHEMA_VERSION;
  /** The data folder the team was read from (a URI): a cache for another folder is not used. */
  readonly dataFolder: string;
  readonly scope: 'workspace' | 'global';
  readonly people: readonly CachedPerson[];
}

const cachedPerson = z.object({
  id: storedId,
  name: z.string().check(z.minLength(1), z.maxLength(asStoredBound(PERSON_NAME_MAX_LENGTH))),
  role: z.string().check(z.maxLength(asStoredBound(PERSON_ROLE_MAX_LENGTH))),
  cadence: z.enum(CADENCES),
  archived: z.boolean(),
  addedOn: isoDay,
  lastOneOnOneOn: z.optional(isoDay),
});

// Strict: a field this version does not know (a talking point, say) makes the cache unusable,
// never shown.
const cachedTeamV1 = z.strictObject({
  schemaVersion: z.literal(CACHED_TEAM_SCHEMA_VERSION),
  dataFolder: z.string().check(z.minLength(1), z.maxLength(4000)),
  scope: z.enum(['workspace', 'global']),
  people: z.array(z.strictObject(cachedPerson.shape)).check(z.maxLength(CACHED_TEAM_MAX_PEOPLE)),
});

/** The cache as stored, or undefined when it is absent, damaged or from another version. */
export function parseCachedTeam(value: unknown): CachedTeam | undefined {
  const parsed = cachedTeamV1.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** What to keep for a team just read from `dataFolder`; undefined when the team is too large to keep. */
export function cachedTeamOf(people: readonly Person[], dataFolder: string, scope: CachedTeam['scope']): CachedTeam | undefined {
  if (people.length > CACHED_TEAM_MAX_PEOPLE) {
    return undefined;
  }
  return {
    schemaVersion: CACHED_TEAM_SCHEMA_VERSION,
    dataFolder,
    scope,
    // Field by field, not spread: a field added to Person later stays out of the cache until it
    // is judged fit to keep outside the data folder.
    people: sortForDisplay(people).map((person) => ({
      id: person.id,
      name: person.name,
      role: person.role,
      cadence: person.cadence,
      archived: person.archived,
      addedOn: person.addedOn,
      ...(person.lastOneOnOneOn !== undefined ? { lastOneOnOneOn: person.lastOneOnOneOn } : {}),
    })),
  };
}
