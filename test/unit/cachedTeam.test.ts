import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as z from 'zod/mini';
import { CACHED_TEAM_MAX_FOLDER_LENGTH, CACHED_TEAM_MAX_PEOPLE, CACHED_TEAM_SCHEMA_VERSION, cachedTeamOf, parseCachedTeam } from '../../src/shared/cachedTeam';
import { asStoredBound, PERSON_NAME_MAX_LENGTH, PERSON_ROLE_MAX_LENGTH } from '../../src/shared/storageLayout';
import { personV1 } from '../../src/shared/storedTeam';
import { CADENCES, type Person } from '../../src/shared/team';

const FOLDER = 'file:///home/lead/.config/Code/User/workspaceStorage/abc/two-hats.two-hats';

const ada: Person = {
  id: 'ada',
  name: 'Ada Lovelace',
  role: 'Backend',
  cadence: 'weekly',
  archived: false,
  addedOn: '2026-03-01',
  lastOneOnOneOn: '2026-11-20',
  talkingPoints: [{ id: 'tp1', text: 'Her raise is on hold until March', standing: false, addedOn: '2026-11-21' }],
  goals: [{ id: 'g1', text: 'Move to the platform team quietly', addedOn: '2026-10-01' }],
};
const bob: Person = { id: 'bob', name: 'Bob', role: '', cadence: 'monthly', archived: true, addedOn: '2026-02-01' };

describe('the cached team for the sidebar’s first paint', () => {
  it('reads back the names, roles and due dates that were kept', () => {
    const kept = cachedTeamOf([ada, bob], FOLDER, 'workspace');
    const read = parseCachedTeam(JSON.parse(JSON.stringify(kept)));
    assert.deepEqual(read?.people, [
      { id: 'ada', name: 'Ada Lovelace', role: 'Backend', cadence: 'weekly', archived: false, addedOn: '2026-03-01', lastOneOnOneOn: '2026-11-20' },
      { id: 'bob', name: 'Bob', role: '', cadence: 'monthly', archived: true, addedOn: '2026-02-01' },
    ]);
    assert.equal(read?.dataFolder, FOLDER);
    assert.equal(read?.scope, 'workspace');
  });

  it('keeps no talking point and no goal: they are the lead’s private words', () => {
    const text = JSON.stringify(cachedTeamOf([ada], FOLDER, 'workspace'));
    assert.ok(!text.includes('raise'), text);
    assert.ok(!text.includes('platform team'), text);
    assert.ok(!text.includes('talkingPoints') && !text.includes('goals'), text);
  });

  it('refuses a cache carrying any field it does not know, rather than showing it', () => {
    const kept = cachedTeamOf([bob], FOLDER, 'workspace')!;
    const withPoints = { ...kept, people: [{ ...kept.people[0], talkingPoints: [{ text: 'private' }] }] };
    assert.equal(parseCachedTeam(withPoints), undefined);
    assert.equal(parseCachedTeam({ ...kept, notes: [] }), undefined);
  });

  it('refuses what is absent, damaged or from another version', () => {
    const kept = cachedTeamOf([bob], FOLDER, 'global')!;
    for (const value of [
      undefined,
      null,
      'text',
      [],
      { ...kept, schemaVersion: 1 },
      { ...kept, schemaVersion: 3 },
      { ...kept, scope: 'elsewhere' },
      { ...kept, dataFolder: '' },
      { ...kept, people: [{ ...kept.people[0], cadence: 'hourly' }] },
      { ...kept, people: [{ ...kept.people[0], name: '' }] },
      { ...kept, people: [{ ...kept.people[0], id: '../../etc' }] },
      { ...kept, people: [{ ...kept.people[0], addedOn: 'yesterday' }] },
    ]) {
      assert.equal(parseCachedTeam(value), undefined, JSON.stringify(value));
    }
    assert.notEqual(parseCachedTeam(kept), undefined);
  });

  it('keeps no cache for a team too large to keep in VS Code’s state, and refuses one', () => {
    const many = Array.from({ length: CACHED_TEAM_MAX_PEOPLE + 1 }, (_, i) => ({ ...bob, id: `p${i}` }));
    assert.equal(cachedTeamOf(many, FOLDER, 'workspace'), undefined);
    const atLimit = cachedTeamOf(many.slice(0, CACHED_TEAM_MAX_PEOPLE), FOLDER, 'workspace')!;
    assert.equal(parseCachedTeam(atLimit)?.people.length, CACHED_TEAM_MAX_PEOPLE);
    assert.equal(parseCachedTeam({ ...atLimit, people: [...atLimit.people, { ...bob, id: 'one-more' }] }), undefined);
  });

  it('never throws, whatever is found under its key', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        parseCachedTeam(value);
      }),
    );
  });

  // The check is written by hand for a fresh window's first paint (cachedTeam.ts: why); this is
  // the zod schema it replaced: the team file's rules for each field it keeps, and no other field.
  // Both must accept the same values and give the same team, whatever is under the cache's key.
  const field = personV1.shape;
  const oracle = z.strictObject({
    schemaVersion: z.literal(CACHED_TEAM_SCHEMA_VERSION),
    dataFolder: z.string().check(z.minLength(1), z.maxLength(CACHED_TEAM_MAX_FOLDER_LENGTH)),
    scope: z.enum(['workspace', 'global']),
    people: z
      .array(
        z.strictObject({
          id: field.id,
          name: field.name,
          role: field.role,
          cadence: field.cadence,
          archived: field.archived,
          addedOn: field.addedOn,
          lastOneOnOneOn: field.lastOneOnOneOn,
        }),
      )
      .check(z.maxLength(CACHED_TEAM_MAX_PEOPLE)),
  });

  const ABSENT = Symbol('absent');
  const withoutAbsent = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ABSENT));
  /** Mostly a valid value; sometimes a near miss, anything at all, or no field. */
  const value = <T, U>(valid: fc.Arbitrary<T>, nearMiss: fc.Arbitrary<U>) =>
    fc.oneof({ weight: 30, arbitrary: valid }, { weight: 1, arbitrary: nearMiss }, { weight: 1, arbitrary: fc.anything() }, { weight: 1, arbitrary: fc.constant(ABSENT) });
  /** Strings at and around a bound: one of them too long. */
  const around = (bound: number) => fc.constantFrom(bound - 1, bound, bound + 1).map((length) => 'x'.repeat(Math.max(0, length)));
  /** Rarely, a field the cache never holds, some named after what every object inherits (own fields once parsed from JSON). */
  const extraField = fc.oneof(
    { weight: 30, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('talkingPoints', 'extra', '__proto__', 'constructor', 'toString', 'hasOwnProperty'), fc.anything()) },
  );
  const withExtra = ([record, extra]: [Record<string, unknown>, [string, unknown] | undefined]) =>
    withoutAbsent(Object.fromEntries([...Object.entries(record), ...(extra ? [extra] : [])]));
  // The format's rule, not the calendar's: a day such as 2026-13-45 is read, and shown as the snapshot's tests show.
  const day = value(fc.constantFrom('2026-12-01', '0001-01-01', '9999-12-31', '2026-13-45'), fc.oneof(fc.constantFrom('2026-1-01', '2026-12-01\n', ' 2026-12-01', '２０２６-12-01', ''), fc.string({ maxLength: 12 })));
  const person = fc
    .tuple(
      fc.record({
        id: value(fc.constantFrom('ada', 'a-b_c9', 'x'.repeat(64)), fc.oneof(fc.constantFrom('x'.repeat(65), '', 'ada\n', 'a.b', 'é'), fc.string({ maxLength: 8 }))),
        name: value(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), around(asStoredBound(PERSON_NAME_MAX_LENGTH))), fc.constant('')),
        role: value(fc.oneof(fc.string({ maxLength: 6 }), around(asStoredBound(PERSON_ROLE_MAX_LENGTH))), fc.constant(7)),
        cadence: value(fc.constantFrom(...CADENCES), fc.constantFrom('Weekly', 'daily', '')),
        archived: value(fc.boolean(), fc.constantFrom(0, 1, 'true', null)),
        addedOn: day,
        lastOneOnOneOn: fc.oneof(fc.constant(ABSENT), day, fc.constant(null)),
      }),
      extraField,
    )
    .map(withExtra);
  const team = fc
    .tuple(
      fc.record({
        schemaVersion: value(fc.constant(CACHED_TEAM_SCHEMA_VERSION), fc.constantFrom(1, 3, '2')),
        dataFolder: value(fc.oneof(fc.constant(FOLDER), around(CACHED_TEAM_MAX_FOLDER_LENGTH)), fc.constant('')),
        scope: value(fc.constantFrom('workspace', 'global'), fc.constant('folder')),
        people: value(fc.array(person, { maxLength: 4 }), fc.constant(Array.from({ length: CACHED_TEAM_MAX_PEOPLE + 1 }, () => ({ ...bob })))),
      }),
      extraField,
    )
    .map(withExtra);

  /** Both checks agree on `value`; what the hand check returned. */
  function agree(value: unknown): ReturnType<typeof parseCachedTeam> {
    const expected = oracle.safeParse(value);
    const read = parseCachedTeam(value);
    assert.equal(read !== undefined, expected.success, `hand check accepted: ${String(read !== undefined)}, zod: ${String(expected.success)}`);
    if (read && expected.success) {
      assert.deepEqual(JSON.parse(JSON.stringify(read)), JSON.parse(JSON.stringify(expected.data)));
    }
    return read;
  }

  it('accepts exactly what the zod schema it replaced accepts, and gives the same team', () => {
    const accepted = { teams: 0, withPeople: 0, withLastOneOnOne: 0 };
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: team }, { weight: 1, arbitrary: fc.anything() }), (value) => {
        const read = agree(value);
        if (read) {
          accepted.teams++;
          accepted.withPeople += read.people.length > 0 ? 1 : 0;
          accepted.withLastOneOnOne += read.people.some((person) => person.lastOneOnOneOn !== undefined) ? 1 : 0;
        }
      }),
      { numRuns: 2000 },
    );
    // What the generator reached, so that a broken generator fails here rather than testing little.
    assert.ok(accepted.withPeople > 50 && accepted.withLastOneOnOne > 10, `valid caches reached: ${JSON.stringify(accepted)}`);
  });

  it('agrees with the zod schema on each near miss of a person, one field at a time', () => {
    const valid = { id: 'ada', name: 'Ada', role: '', cadence: 'weekly', archived: false, addedOn: '2026-03-01', lastOneOnOneOn: '2026-11-20' };
    const nearMisses: Record<string, unknown>[] = [
      { lastOneOnOneOn: null },
      { lastOneOnOneOn: '2026-11-20\n' },
      { addedOn: '2026-03-01\n' },
      { addedOn: '2026-03-01T00:00' },
      { addedOn: 'x2026-03-01' },
      { addedOn: '٢٠٢٦-03-01' },
      { name: '' },
      { name: 'x'.repeat(asStoredBound(PERSON_NAME_MAX_LENGTH) + 1) },
      { role: 'x'.repeat(asStoredBound(PERSON_ROLE_MAX_LENGTH) + 1) },
      { id: 'ada\n' },
      { id: '' },
      { cadence: 'Weekly' },
      { archived: 'false' },
    ];
    assert.ok(agree({ ...kept(), people: [valid] }), 'the valid person is read');
    for (const change of nearMisses) {
      assert.equal(agree({ ...kept(), people: [{ ...valid, ...change }] }), undefined, JSON.stringify(change));
    }
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const person = JSON.parse(`{"${key}": 1, "id": "ada", "name": "Ada", "role": "", "cadence": "weekly", "archived": false, "addedOn": "2026-03-01"}`) as unknown;
      assert.equal(agree({ ...kept(), people: [person] }), undefined, `a person with a field named ${key}`);
      assert.equal(agree(JSON.parse(`{"${key}": 1, "schemaVersion": ${CACHED_TEAM_SCHEMA_VERSION}, "dataFolder": "${FOLDER}", "scope": "workspace", "people": []}`)), undefined, `a team with ${key}`);
    }
  });

  it('returns new objects holding the kept fields only, whatever else the stored objects carry', () => {
    const stored = JSON.parse(JSON.stringify(cachedTeamOf([ada], FOLDER, 'workspace'))) as { people: Record<string | symbol, unknown>[] };
    const person = stored.people[0]!;
    // Fields no JSON holds, which a plain own-fields check does not see.
    Object.defineProperty(person, 'talkingPoints', { value: ada.talkingPoints, enumerable: false });
    person[Symbol('goals')] = ada.goals;
    const read = parseCachedTeam(stored);
    assert.ok(read);
    assert.notEqual(read.people, stored.people);
    assert.notEqual(read.people[0], person);
    assert.deepEqual(Reflect.ownKeys(read.people[0]!).sort(), ['addedOn', 'archived', 'cadence', 'id', 'lastOneOnOneOn', 'name', 'role']);
  });

  it('keeps no cache for a data folder whose URI is too long to be read back', () => {
    assert.equal(cachedTeamOf([ada], `file:///${'あ'.repeat(CACHED_TEAM_MAX_FOLDER_LENGTH)}`, 'workspace'), undefined);
    assert.ok(cachedTeamOf([ada], FOLDER, 'workspace'));
  });

  /** A valid cache with no people, as stored. */
  function kept(): Record<string, unknown> {
    return { schemaVersion: CACHED_TEAM_SCHEMA_VERSION, dataFolder: FOLDER, scope: 'workspace', people: [] };
  }
});

