import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CHECKLIST } from '../../src/shared/delegation/checklist';
import { newItem } from '../../src/shared/delegation/items';
import { parseDelegationFile, serializeDelegationFile } from '../../src/shared/delegation/storedDelegation';
import { BUILT_IN_TEMPLATES } from '../../src/shared/oneOnOnes/builtInTemplates';
import { exportedNote, parseExportedNote } from '../../src/shared/oneOnOnes/exportFormat';
import { parseNoteHeader, serializeNoteHeader, type NoteHeader } from '../../src/shared/oneOnOnes/noteIndex';
import { ownTemplateId } from '../../src/shared/oneOnOnes/ownTemplates';
import { parseWebviewMessage } from '../../src/shared/protocol';
import {
  asStoredBound,
  asTypedBound,
  DELEGATION_TITLE_MAX_LENGTH,
  GOAL_MAX_LENGTH,
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
  STEP_ID,
  STEP_NOTE_MAX_LENGTH,
  STORED_NOTE_TITLE_MAX_LENGTH,
  TALKING_POINT_MAX_LENGTH,
  TEMPLATE_ID,
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
      sidebarTeamSealed: 'twoHats.sidebarTeamSealed.v1',
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

  it('has one step-id rule: every checklist step follows it, and the sidebar and the delegation file refuse what does not', () => {
    for (const step of CHECKLIST) {
      assert.match(step.id, STEP_ID);
    }
    const tick = (stepId: string) => parseWebviewMessage({ type: 'delegation', intent: { kind: 'tickStep', itemId: 'i1', stepId, done: true } });
    assert.ok(tick('why-this-person').ok);
    const item = newItem('i1', 'Release notes', '2026-11-30');
    const withStep = (stepId: string) => serializeDelegationFile([{ ...item, steps: [{ stepId, on: '2026-11-30' }] }]);
    assert.ok(parseDelegationFile(withStep('why-this-person')).ok);
    for (const bad of ['Why', 'a_b', 'x'.repeat(65), '../x', '']) {
      assert.equal(tick(bad).ok, false, bad);
      assert.equal(parseDelegationFile(withStep(bad)).ok, false, bad);
    }
  });

  it('has one template-id rule: built-in and own templates follow it, and note headers and exports refuse what does not', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      assert.match(template.id, TEMPLATE_ID);
    }
    assert.match(ownTemplateId(`${'Quarterly review '.repeat(10)}.md`) ?? '', TEMPLATE_ID, 'the longest own template id still follows it');
    const header = (templateId: string): NoteHeader => ({ id: 'n1', personId: 'p1', date: '2026-11-30', templateId, title: 'Ada · 2026-11-30', createdAt: 1 });
    const exported = (templateId: string) => parseExportedNote(exportedNote(header(templateId), 'Ada', '# 1:1\n', false).text);
    assert.ok(parseNoteHeader(serializeNoteHeader(header('own-quarterly-review'))).ok);
    assert.ok(exported('weekly').ok);
    for (const bad of ['Weekly', 'own_review', 'x'.repeat(65), '']) {
      assert.equal(parseNoteHeader(serializeNoteHeader(header(bad))).ok, false, bad);
      assert.equal(exported(bad).ok, false, bad);
    }
  });

  it('bounds stored text from the same limits as the rules: at the bound a file is read, one past it the file is damaged', () => {
    const item = newItem('i1', 'Release notes', '2026-11-30');
    const delegationWith = (title: string, note: string) =>
      parseDelegationFile(serializeDelegationFile([{ ...item, title, steps: [{ stepId: 'what-stays', on: '2026-11-30', note }] }])).ok;
    const atBound = (limit: number) => 'x'.repeat(asStoredBound(limit));
    const pastBound = (limit: number) => 'x'.repeat(asStoredBound(limit) + 1);
    assert.ok(delegationWith(atBound(DELEGATION_TITLE_MAX_LENGTH), atBound(STEP_NOTE_MAX_LENGTH)));
    assert.equal(delegationWith(pastBound(DELEGATION_TITLE_MAX_LENGTH), 'ok'), false);
    assert.equal(delegationWith('ok', pastBound(STEP_NOTE_MAX_LENGTH)), false);

    const teamWith = (goal: string, point: string) =>
      parseTeamFile(
        serializeTeamFile([{ ...person('Ada'), goals: [{ id: 'g1', text: goal, addedOn: '2026-11-30' }], talkingPoints: [{ id: 't1', text: point, standing: false, addedOn: '2026-11-30' }] }]),
      ).ok;
    assert.ok(teamWith(atBound(GOAL_MAX_LENGTH), atBound(TALKING_POINT_MAX_LENGTH)));
    assert.equal(teamWith(pastBound(GOAL_MAX_LENGTH), 'ok'), false);
    assert.equal(teamWith('ok', pastBound(TALKING_POINT_MAX_LENGTH)), false);

    const titled = (title: string): NoteHeader => ({ id: 'n1', personId: 'p1', date: '2026-11-30', templateId: 'weekly', title, createdAt: 1 });
    assert.ok(parseNoteHeader(serializeNoteHeader(titled('T'.repeat(STORED_NOTE_TITLE_MAX_LENGTH)))).ok);
    assert.equal(parseNoteHeader(serializeNoteHeader(titled('T'.repeat(STORED_NOTE_TITLE_MAX_LENGTH + 1)))).ok, false);
  });
});
