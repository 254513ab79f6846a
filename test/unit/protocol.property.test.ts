import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_WEBVIEW_MESSAGE_CHARS, parseWebviewMessage, requestIdOfRejected } from '../../src/shared/protocol';
import { asTypedBound, PERSON_NAME_MAX_LENGTH, PERSON_ROLE_MAX_LENGTH } from '../../src/shared/storageLayout';
import { CADENCES, draftForSaving, draftProblem } from '../../src/shared/team';
import { markdownish } from './support/adversarial';
import { anyText, isoDay, storedId } from './support/storedArbitraries';

const options = { noNullPrototype: true } as const;
const requestId = fc.nat();
const draft = fc.record({ name: anyText(asTypedBound(PERSON_NAME_MAX_LENGTH)), role: anyText(asTypedBound(PERSON_ROLE_MAX_LENGTH)), cadence: fc.constantFrom(...CADENCES) }, options);
const byType = (type: string, fields: Record<string, fc.Arbitrary<unknown>> = {}, optional: string[] = []) =>
  fc.record({ type: fc.constant(type), ...fields }, { ...options, requiredKeys: ['type', ...Object.keys(fields).filter((key) => !optional.includes(key))] as never[] });
const intent = fc.oneof(
  ...['add', 'findBottlenecks'].map((kind) => fc.record({ kind: fc.constant(kind) }, options)),
  ...['assign', 'changeLevel', 'setStatus', 'relapse', 'openSource', 'delete', 'restore'].map((kind) => fc.record({ kind: fc.constant(kind), itemId: storedId }, options)),
  fc.record({ kind: fc.constant('tickStep'), itemId: storedId, stepId: fc.stringMatching(/^[a-z-]{1,64}$/), done: fc.boolean() }, options),
  fc.record({ kind: fc.constant('noteStep'), itemId: storedId, stepId: fc.stringMatching(/^[a-z-]{1,64}$/) }, options),
  fc.record({ kind: fc.constant('selfCheckDone'), week: isoDay }, options),
);

/** Every message the webview may send, with any values its schema allows. */
const validMessage = fc.oneof(
  byType('ready', { historyOf: storedId }, ['historyOf']),
  byType('keepDraft', { form: fc.record({ draft, personId: storedId }, { ...options, requiredKeys: ['draft'] }) }, ['form']),
  byType('showHistory', { personId: storedId }, ['personId']),
  byType('addPerson', { requestId, draft }),
  byType('updatePerson', { requestId, id: storedId, draft }),
  byType('setArchived', { requestId, id: storedId, archived: fc.boolean() }),
  ...['openFolder', 'useGlobalStorage', 'showDataLocation', 'switchHat'].map((type) => byType(type)),
  ...['startOneOnOne', 'queueTalkingPoint', 'addGoal'].map((type) => byType(type, { personId: storedId })),
  byType('markGoalReached', { personId: storedId, goalId: storedId }),
  byType('openNote', { noteId: storedId }),
  byType('previewNote', { noteId: storedId }),
  byType('tickActionItem', { noteId: storedId, line: fc.integer({ min: 0, max: 1_000_000 }), text: anyText(8000), done: fc.boolean() }),
  byType('delegation', { intent }),
  byType('openPrinciple', { id: fc.stringMatching(/^[a-z0-9-]{1,64}$/) }),
) as fc.Arbitrary<Record<string, unknown>>;

describe('messages from the webview, for any value', () => {
  it('accepts every well-formed message as it is', () => {
    fc.assert(
      fc.property(validMessage, (message) => {
        assert.deepEqual(parseWebviewMessage(message), { ok: true, message });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a well-formed message with any field added', () => {
    fc.assert(
      fc.property(validMessage, fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue({ maxDepth: 2 }), (message, key, value) => {
        fc.pre(!(key in message) && key !== '__proto__');
        assert.equal(parseWebviewMessage({ ...message, [key]: value }).ok, false);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a well-formed message with any field set to another value, unless that value is allowed too', () => {
    fc.assert(
      fc.property(validMessage, fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), markdownish, fc.constantFrom('../p1', 'a/b', '', 'x'.repeat(65), -1, 1.5)), (message, pick, value) => {
        const keys = Object.keys(message);
        const key = keys[pick % keys.length]!;
        const result = parseWebviewMessage({ ...message, [key]: value });
        if (result.ok) {
          assert.deepEqual(parseWebviewMessage(JSON.parse(JSON.stringify(result.message))), result);
        } else {
          assert.ok(result.reason.length > 0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads a request id or line of -0, which a structured clone can carry, as the 0 a JSON round trip gives', () => {
    const added = parseWebviewMessage({ type: 'addPerson', requestId: -0, draft: { name: 'Ada', role: '', cadence: 'weekly' } });
    const ticked = parseWebviewMessage({ type: 'tickActionItem', noteId: 'n1', line: -0, text: 'x', done: true });
    assert.ok(added.ok && added.message.type === 'addPerson' && Object.is(added.message.requestId, 0));
    assert.ok(ticked.ok && ticked.message.type === 'tickActionItem' && Object.is(ticked.message.line, 0));
    assert.ok(Object.is(requestIdOfRejected({ type: 'addPerson', requestId: -0 }), 0));
  });

  it('never throws on any value at all, and refuses anything too big to read', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true }), (value) => {
        const result = parseWebviewMessage(value);
        assert.ok(result.ok || result.reason.length > 0);
      }),
      { numRuns: 1000 },
    );
    const huge = { type: 'tickActionItem', noteId: 'n', line: 0, text: ' '.repeat(MAX_WEBVIEW_MESSAGE_CHARS), done: true };
    assert.equal(parseWebviewMessage(huge).ok, false);
  });
});

describe('a person the form accepts, on its way to the host', () => {
  /** Names and roles as a careless user types them: runs of spaces, tabs and newlines anywhere. */
  const spaced = (limit: number) =>
    fc
      .array(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom(' '.repeat(400), '\t\t', '\n', '\u00a0', '  ')), { maxLength: limit })
      .map((parts) => parts.join(''));
  const typedDraft = fc.record({ name: spaced(12), role: spaced(12), cadence: fc.constantFrom(...CADENCES) }, options);

  it('always passes the protocol: a draft the rule accepts is never refused on the way', () => {
    fc.assert(
      fc.property(typedDraft, requestId, (typed, id) => {
        fc.pre(draftProblem(typed, []) === undefined);
        const result = parseWebviewMessage({ type: 'addPerson', requestId: id, draft: draftForSaving(typed) });
        assert.ok(result.ok, result.ok ? '' : result.reason);
      }),
      { numRuns: 500 },
    );
  });

  it('travels as the rule reads it: "Ada", 400 spaces and "Lovelace" arrive as "Ada Lovelace"', () => {
    const typed = { name: `Ada${' '.repeat(400)}Lovelace `, role: `${' '.repeat(1000)}Staff engineer`, cadence: 'weekly' as const };
    assert.equal(draftProblem(typed, []), undefined);
    assert.deepEqual(draftForSaving(typed), { name: 'Ada Lovelace', role: 'Staff engineer', cadence: 'weekly' });
  });

  it('a request the protocol refuses keeps its id for the answer, when it has a usable one', () => {
    const refused = { type: 'addPerson', requestId: 12, draft: { name: `Ada${' '.repeat(400)}Lovelace`, role: '', cadence: 'weekly' } };
    assert.equal(parseWebviewMessage(refused).ok, false);
    assert.equal(requestIdOfRejected(refused), 12);
    for (const unusable of [null, 'x', [refused], { requestId: -1 }, { requestId: 1.5 }, { requestId: '3' }, Object.create({ requestId: 4 })]) {
      assert.equal(requestIdOfRejected(unusable), undefined, JSON.stringify(unusable));
    }
  });
});
