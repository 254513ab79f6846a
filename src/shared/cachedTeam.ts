/**
 * The team as the sidebar last showed it, kept in VS Code's workspace state so that a fresh
 * window paints the team from the first message, before the data files are read. It holds only
 * what the sidebar's rows show and need to sort (names, roles, cadences, due dates): no talking
 * points, goals or anything from a note. Read back as untrusted input, through parseCachedTeam.
 *
 * The people are kept in the sidebar's order (sortForDisplay), which does not change from day to
 * day: the first paint shows them as kept. Sorting compares names, and a fresh extension host's
 * first name comparison loads the collation data: 10 to 12 ms of the fresh window's first paint.
 * A cache put out of order by hand shows out of order until the data is read, nothing worse; so
 * does one kept under another locale (people due the same day are ordered by name as the host's
 * locale orders them), until the team is read and kept again.
 */
import { asStoredBound, ISO_DAY, PERSON_NAME_MAX_LENGTH, PERSON_ROLE_MAX_LENGTH, STORED_ID } from './storageLayout';
import { CADENCES, sortForDisplay, type Cadence, type Person } from './team';

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

/** The longest data folder URI kept: a cache for a longer one is neither kept nor read. */
export const CACHED_TEAM_MAX_FOLDER_LENGTH = 4000;

const TEAM_FIELDS: ReadonlySet<string> = new Set(['schemaVersion', 'dataFolder', 'scope', 'people']);
const PERSON_FIELDS: ReadonlySet<string> = new Set(['id', 'name', 'role', 'cadence', 'archived', 'addedOn', 'lastOneOnOneOn']);

/**
 * The cache as stored, or undefined when it is absent, damaged or from another version. Strict: a
 * field this version does not know (a talking point, say) makes the cache unusable, never shown.
 *
 * Checked by hand, not with a zod schema as the data files are: this is read on a fresh window's
 * path from the click to the painted sidebar, where loading zod and building the schemas took 4 ms
 * and the first check of 200 people 3.5 ms more on a fast core (about twice that in the bench's
 * extension host), against 0.1 ms here. A unit property test holds this check to the zod schema
 * it replaced (test/unit/cachedTeam.test.ts): for any JSON value, the same values accepted and the
 * same team returned. (Unlike zod, it looks at own fields only: an inherited one, which no JSON
 * holds, is not refused, and not returned either.)
 */
export function parseCachedTeam(value: unknown): CachedTeam | undefined {
  if (!isRecordWithOnly(value, TEAM_FIELDS)) {
    return undefined;
  }
  const { schemaVersion, dataFolder, scope, people } = value;
  if (
    schemaVersion !== CACHED_TEAM_SCHEMA_VERSION ||
    !isStringOfLength(dataFolder, 1, CACHED_TEAM_MAX_FOLDER_LENGTH) ||
    (scope !== 'workspace' && scope !== 'global') ||
    !Array.isArray(people) ||
    people.length > CACHED_TEAM_MAX_PEOPLE
  ) {
    return undefined;
  }
  const checked: CachedPerson[] = [];
  for (let i = 0; i < people.length; i++) {
    const person = cachedPersonOf(people[i]);
    if (!person) {
      return undefined;
    }
    checked.push(person);
  }
  return { schemaVersion, dataFolder, scope, people: checked };
}

function cachedPersonOf(value: unknown): CachedPerson | undefined {
  if (!isRecordWithOnly(value, PERSON_FIELDS)) {
    return undefined;
  }
  const { id, name, role, cadence, archived, addedOn, lastOneOnOneOn } = value;
  const valid =
    typeof id === 'string' &&
    STORED_ID.test(id) &&
    isStringOfLength(name, 1, asStoredBound(PERSON_NAME_MAX_LENGTH)) &&
    isStringOfLength(role, 0, asStoredBound(PERSON_ROLE_MAX_LENGTH)) &&
    (CADENCES as readonly unknown[]).includes(cadence) &&
    typeof archived === 'boolean' &&
    isIsoDay(addedOn) &&
    (lastOneOnOneOn === undefined || isIsoDay(lastOneOnOneOn));
  if (!valid) {
    return undefined;
  }
  // Field by field, so that nothing but these fields is returned.
  return {
    id,
    name,
    role,
    cadence: cadence as Cadence,
    archived,
    addedOn,
    ...(lastOneOnOneOn !== undefined ? { lastOneOnOneOn } : {}),
  };
}

/** An object (not an array, not null) with no own enumerable field outside `fields`. */
function isRecordWithOnly(value: unknown, fields: ReadonlySet<string>): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((key) => fields.has(key));
}

function isStringOfLength(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function isIsoDay(value: unknown): value is string {
  return typeof value === 'string' && ISO_DAY.test(value);
}

/**
 * What to keep for a team just read from `dataFolder`; undefined when the team is too large to
 * keep, or the folder's URI too long to be read back.
 */
export function cachedTeamOf(people: readonly Person[], dataFolder: string, scope: CachedTeam['scope']): CachedTeam | undefined {
  if (people.length > CACHED_TEAM_MAX_PEOPLE || dataFolder.length > CACHED_TEAM_MAX_FOLDER_LENGTH) {
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
