import * as assert from 'node:assert/strict';
import { parseTeamFile, serializeTeamFile, TEAM_SCHEMA_VERSION } from '../../src/shared/storedTeam';
import type { Person } from '../../src/shared/team';

const ada: Person = { id: 'ada', name: 'Ada', role: 'Backend', cadence: 'weekly', archived: false, addedOn: '2026-03-01' };
const bob: Person = { id: 'bob', name: 'Bob', role: '', cadence: 'monthly', archived: true, addedOn: '2026-02-01', lastOneOnOneOn: '2026-02-20' };

describe('the team file', () => {
  it('reads back exactly what was written', () => {
    const result = parseTeamFile(serializeTeamFile([ada, bob]));
    assert.deepEqual(result, { ok: true, file: { schemaVersion: TEAM_SCHEMA_VERSION, people: [ada, bob] } });
  });

  it('explains why a truncated or garbage file cannot be read', () => {
    const full = serializeTeamFile([ada]);
    for (const text of [full.slice(0, full.length / 2), '', '\u0000\u0001garbage', 'null', '[]']) {
      const result = parseTeamFile(text);
      assert.equal(result.ok, false, JSON.stringify(text));
      assert.ok(!result.ok && result.reason.length > 0);
    }
  });

  it('refuses a file from a newer version rather than guessing at it', () => {
    const result = parseTeamFile(JSON.stringify({ schemaVersion: TEAM_SCHEMA_VERSION + 1, people: [], more: 'things' }));
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.fromNewerVersion);
  });

  it('refuses people with a bad shape or a repeated id', () => {
    const badCadence = JSON.stringify({ schemaVersion: 1, people: [{ ...ada, cadence: 'hourly' }] });
    const twice = JSON.stringify({ schemaVersion: 1, people: [ada, { ...bob, id: 'ada' }] });
    assert.equal(parseTeamFile(badCadence).ok, false);
    assert.match(JSON.stringify(parseTeamFile(twice)), /appears twice/);
  });
});
