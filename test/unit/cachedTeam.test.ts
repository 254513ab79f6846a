import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { CACHED_TEAM_MAX_PEOPLE, cachedTeamOf, parseCachedTeam } from '../../src/shared/cachedTeam';
import type { Person } from '../../src/shared/team';

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
});
