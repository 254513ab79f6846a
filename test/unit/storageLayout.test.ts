import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseWebviewMessage } from '../../src/shared/protocol';
import {
  asTypedBound,
  isStoredId,
  MEMENTO_KEYS,
  MEMENTO_PREFIX,
  noteBodyName,
  noteHeaderName,
  noteIdOfBody,
  noteIdOfFile,
  noteIdOfHeader,
  noteIdPrefixOf,
  PERSON_NAME_MAX_LENGTH,
  setAsideName,
  undecodableOriginalName,
} from '../../src/shared/storageLayout';
import { parseTeamFile, serializeTeamFile } from '../../src/shared/storedTeam';
import { nameProblem, normalizeName, type Person } from '../../src/shared/team';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src');
const LAYOUT_FILE = path.join('shared', 'storageLayout.ts');

/** `file: key` for every Memento-shaped key (`twoHats.<name>.v<n>`) written as a literal outside the layout. */
function mementoKeyLiteralsOutsideLayout(): string[] {
  const files = readdirSync(SRC, { recursive: true }).map(String).filter((file) => file.endsWith('.ts') && file !== LAYOUT_FILE);
  return files.flatMap((file) =>
    [...readFileSync(path.join(SRC, file), 'utf8').matchAll(/['"`](twoHats\.[\w.]+\.v\d+)['"`]/g)].map((match) => `${file}: ${match[1]}`),
  );
}

const person = (name: string): Person => ({ id: 'p1', name, role: '', cadence: 'weekly', archived: false, addedOn: '2026-03-01' });
const addPerson = (name: string) => parseWebviewMessage({ type: 'addPerson', requestId: 1, draft: { name, role: '', cadence: 'weekly' } });

describe('the storage layout', () => {
  it('names a note’s files after its id, and reads the id back from each name', () => {
    const id = 'a1b2c3d4-0000-4000-8000-000000000000';
    assert.equal(noteIdOfBody(noteBodyName(id)), id);
    assert.equal(noteIdOfFile(noteBodyName(id)), id);
    assert.equal(noteIdOfFile(noteHeaderName(id)), id);
    assert.equal(noteIdOfHeader(noteHeaderName(id)), id);
    assert.equal(noteIdOfBody(noteHeaderName(id)), undefined, 'a header is not a body');
    assert.equal(noteIdPrefixOf(undecodableOriginalName(id, 5)), id, 'an original kept beside a note is still that note’s');
    for (const stray of ['notes-index.json', `${id}.md.123-00112233aabb.tmp`, '../x.md', `${'a'.repeat(65)}.md`, '.md']) {
      assert.equal(noteIdOfFile(stray), undefined, stray);
    }
  });

  it('has one id rule: what the store writes, the protocol and the files accept', () => {
    assert.ok(isStoredId('a1b2c3d4-0000-4000-8000-000000000000'));
    assert.ok(isStoredId('ext_1'));
    for (const bad of ['', 'a/b', 'a.b', 'x'.repeat(65), 'é']) {
      assert.equal(isStoredId(bad), false, bad);
    }
  });

  it('keeps every Memento key in MEMENTO_KEYS, under the prefix Delete All clears, named as earlier versions stored them', () => {
    assert.deepEqual(mementoKeyLiteralsOutsideLayout(), []);
    for (const key of Object.values(MEMENTO_KEYS)) {
      assert.ok(key.startsWith(MEMENTO_PREFIX), key);
    }
    // Renaming a key would lose what users have stored under it.
    assert.deepEqual(MEMENTO_KEYS, {
      lastTemplate: 'twoHats.lastTemplate.v1',
      lastDueReminder: 'twoHats.lastDueReminder.v1',
      selfCheckDoneForWeek: 'twoHats.selfCheckDoneForWeek.v1',
      consents: 'twoHats.consents.v1',
      restoreDeclined: 'twoHats.restoreDeclined.v1',
      hat: 'twoHats.hat.v1',
      presenting: 'twoHats.presenting.v1',
      sidebarTeam: 'twoHats.sidebarTeam.v1',
    });
  });

  it('sets a file aside under a name that keeps its kind and says why', () => {
    assert.equal(setAsideName('notes-index.json', 'corrupt', 'S'), 'notes-index.corrupt-S.json');
    assert.equal(setAsideName('lock', 'newer', 'S'), 'lock.newer-S');
  });

  it('has one limit for a person’s name: the sidebar’s rule and the protocol agree, and the team file reads what earlier versions wrote', () => {
    const longest = 'N'.repeat(PERSON_NAME_MAX_LENGTH);
    const tooLong = `${longest}N`;
    assert.equal(nameProblem(longest, []), undefined);
    assert.ok(parseTeamFile(serializeTeamFile([person(longest)])).ok, 'the longest name the rule allows is stored');

    assert.match(nameProblem(tooLong, []) ?? '', new RegExp(`under ${PERSON_NAME_MAX_LENGTH} characters`));
    assert.ok(addPerson(tooLong).ok, 'an over-long name reaches the rule that says why, not a silent refusal');
    // A team file from an earlier version (names up to 400 characters) is read, not set aside.
    assert.ok(parseTeamFile(serializeTeamFile([person('N'.repeat(400))])).ok, 'an earlier version’s longest name is still read');
    assert.equal(parseTeamFile(serializeTeamFile([person('N'.repeat(401))])).ok, false, 'beyond that, the file is damaged');

    // Typed with runs of spaces, a name within the limit may arrive longer than it.
    const spaced = `Ada${' '.repeat(PERSON_NAME_MAX_LENGTH)}Lovelace`;
    assert.ok(addPerson(spaced).ok);
    assert.equal(nameProblem(spaced, []), undefined);
    assert.ok(normalizeName(spaced).length <= PERSON_NAME_MAX_LENGTH);
    assert.equal(addPerson('N'.repeat(asTypedBound(PERSON_NAME_MAX_LENGTH) + 1)).ok, false, 'only abuse stops at the boundary');
  });
});
