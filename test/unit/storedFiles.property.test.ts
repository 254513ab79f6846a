import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBackupManifest, serializeBackupManifest, type BackupManifest } from '../../src/shared/backups';
import { RELAPSE_KINDS, STATUSES, type DelegationItem } from '../../src/shared/delegation/items';
import { LEVELS } from '../../src/shared/delegation/levels';
import { parseDelegationFile, serializeDelegationFile } from '../../src/shared/delegation/storedDelegation';
import { deriveNoteMeta, headerOf, parseNoteHeader, parseNoteIndex, serializeNoteHeader, serializeNoteIndex } from '../../src/shared/oneOnOnes/noteIndex';
import { PERSON_NAME_MAX_LENGTH, PERSON_ROLE_MAX_LENGTH } from '../../src/shared/storageLayout';
import { parseSidebarDraftFile, serializeSidebarDraftFile } from '../../src/shared/storedSidebarDraft';
import { parseTeamFile, serializeTeamFile } from '../../src/shared/storedTeam';
import { CADENCES, type Person } from '../../src/shared/team';
import { assertLinearEnough, knownHostileTexts, markdownish, pumped } from './support/adversarial';
import { anyJsonText, anyText, codeReference, isoDay, nonEmptyText, noteHeader, noteMeta, storedId } from './support/storedArbitraries';

const options = { noNullPrototype: true } as const;
const level = fc.constantFrom(...LEVELS);

const person: fc.Arbitrary<Person> = fc.record(
  {
    id: storedId,
    name: nonEmptyText(PERSON_NAME_MAX_LENGTH),
    role: anyText(PERSON_ROLE_MAX_LENGTH),
    cadence: fc.constantFrom(...CADENCES),
    archived: fc.boolean(),
    addedOn: isoDay,
    lastOneOnOneOn: isoDay,
    talkingPoints: fc.array(
      fc.record({ id: storedId, text: nonEmptyText(2000), standing: fc.boolean(), addedOn: isoDay, source: codeReference }, { ...options, requiredKeys: ['id', 'text', 'standing', 'addedOn'] }),
      { maxLength: 3 },
    ),
    goals: fc.array(fc.record({ id: storedId, text: nonEmptyText(800), addedOn: isoDay, reachedOn: isoDay }, { ...options, requiredKeys: ['id', 'text', 'addedOn'] }), { maxLength: 3 }),
  },
  { ...options, requiredKeys: ['id', 'name', 'role', 'cadence', 'archived', 'addedOn'] },
);

const delegationItem: fc.Arbitrary<DelegationItem> = fc.record(
  {
    id: storedId,
    title: nonEmptyText(800),
    createdOn: isoDay,
    status: fc.constantFrom(...STATUSES),
    ownerId: storedId,
    level,
    targetLevel: level,
    levelHistory: fc.array(fc.record({ on: isoDay, from: level, to: level }, { ...options, requiredKeys: ['on', 'to'] }), { maxLength: 3 }),
    steps: fc.array(fc.record({ stepId: fc.stringMatching(/^[a-z-]{1,64}$/), on: isoDay, note: anyText(4000) }, { ...options, requiredKeys: ['stepId', 'on'] }), { maxLength: 3 }),
    relapses: fc.array(fc.record({ on: isoDay, kind: fc.constantFrom(...RELAPSE_KINDS) }, options), { maxLength: 2 }),
    nextCheckInOn: isoDay,
    source: codeReference,
  },
  { ...options, requiredKeys: ['id', 'title', 'createdOn', 'status', 'levelHistory', 'steps', 'relapses'] },
);

const manifest: fc.Arbitrary<BackupManifest> = fc.record(
  {
    workspaceName: anyText(1000),
    workspacePath: anyText(4000),
    storagePath: anyText(4000),
    // Stored without credentials since issue #11: host/path.
    repository: fc.tuple(fc.domain(), fc.stringMatching(/^\w[\w-]{0,20}$/)).map(([host, repo]) => `${host.toLowerCase()}/${repo}`),
    savedAt: fc.integer(),
    completeAsOf: fc.integer(),
    people: fc.nat(),
    notes: fc.nat(),
    items: fc.nat(),
  },
  { ...options, requiredKeys: ['workspaceName', 'workspacePath', 'storagePath', 'savedAt', 'people', 'notes', 'items'] },
);

/** Distinct ids: the files refuse a repeated one. */
const uniqueById = <T extends { id: string }>(arbitrary: fc.Arbitrary<T>) => fc.uniqueArray(arbitrary, { selector: (value) => value.id, maxLength: 4 });

function assertRefusedOrParsed(result: { ok: boolean; reason?: string }): void {
  assert.ok(result.ok || (typeof result.reason === 'string' && result.reason.length > 0));
}

describe('stored files, for any content', function () {
  // Each long input has its own ceiling (assertLinearEnough); mocha's 2 s is for the whole test.
  this.timeout(30_000);

  it('reads back every team file it writes', () => {
    fc.assert(
      fc.property(uniqueById(person), (people) => {
        assert.deepEqual(parseTeamFile(serializeTeamFile(people)), { ok: true, file: { schemaVersion: 1, people } });
      }),
      { numRuns: 100 },
    );
  });

  it('reads back every delegation file it writes', () => {
    fc.assert(
      fc.property(uniqueById(delegationItem), (items) => {
        assert.deepEqual(parseDelegationFile(serializeDelegationFile(items)), { ok: true, value: items });
      }),
      { numRuns: 100 },
    );
  });

  it('reads back every note header, note index and backup manifest it writes', () => {
    fc.assert(
      fc.property(noteHeader, fc.array(noteMeta, { maxLength: 4 }), manifest, (header, notes, backup) => {
        assert.deepEqual(parseNoteHeader(serializeNoteHeader(header)), { ok: true, value: header });
        assert.deepEqual(parseNoteIndex(serializeNoteIndex(notes)), { ok: true, notes, outdated: false });
        assert.deepEqual(parseBackupManifest(serializeBackupManifest(backup)), { ok: true, value: backup });
      }),
      { numRuns: 100 },
    );
  });

  it('indexes any note text into an index it can read back', () => {
    fc.assert(
      fc.property(noteHeader, fc.array(markdownish, { maxLength: 10 }), fc.integer(), (header, lines, updatedAt) => {
        const meta = deriveNoteMeta(header, lines.join('\n'), updatedAt);
        assert.deepEqual(headerOf(meta), header);
        assert.deepEqual(parseNoteIndex(serializeNoteIndex([meta])), { ok: true, notes: [meta], outdated: false });
      }),
      { numRuns: 150 },
    );
  });

  it('refuses, never throws on, any other file content', () => {
    fc.assert(
      fc.property(anyJsonText, (text) => {
        assertRefusedOrParsed(parseTeamFile(text));
        assertRefusedOrParsed(parseDelegationFile(text));
        assertRefusedOrParsed(parseNoteHeader(text));
        assertRefusedOrParsed(parseNoteIndex(text));
        assertRefusedOrParsed(parseBackupManifest(text));
        assertRefusedOrParsed(parseSidebarDraftFile(text));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a file written by a newer version, whatever else it holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1_000_000 }), fc.jsonValue({ maxDepth: 2 }), (version, body) => {
        const text = JSON.stringify({ body, schemaVersion: version });
        for (const result of [parseTeamFile(text), parseDelegationFile(text), parseNoteHeader(text), parseNoteIndex(text), parseBackupManifest(text), parseSidebarDraftFile(text)]) {
          assert.deepEqual(result.ok ? undefined : result.fromNewerVersion, true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reads back the sidebar draft it writes', () => {
    const draft = fc.record({ name: anyText(320), role: anyText(480), cadence: fc.constantFrom(...CADENCES) }, options);
    fc.assert(
      fc.property(fc.option(fc.record({ draft, personId: storedId }, { ...options, requiredKeys: ['draft'] }), { nil: undefined }), (form) => {
        assert.deepEqual(parseSidebarDraftFile(serializeSidebarDraftFile(form)), { ok: true, value: form });
      }),
      { numRuns: 100 },
    );
  });

  it('indexes hostile megabytes of note text in linear time', () => {
    const header = { id: 'n', personId: 'p', date: '2026-11-30', templateId: 'weekly', title: 't', createdAt: 0 };
    for (const { text, description } of knownHostileTexts()) {
      assertLinearEnough(`deriveNoteMeta(${description})`, text.length, () => deriveNoteMeta(header, text, 0));
      assertLinearEnough(`parseTeamFile(${description})`, text.length, () => parseTeamFile(text));
    }
    fc.assert(
      fc.property(pumped(100_000), ({ text, description }) => {
        assertLinearEnough(`deriveNoteMeta(${description})`, text.length, () => deriveNoteMeta(header, text, 0));
      }),
      { numRuns: 10 },
    );
  });
});
