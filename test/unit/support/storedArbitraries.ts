/** fast-check generators for values the stored-file schemas accept, hostile text included. */
import fc from 'fast-check';
import type { NoteHeader, NoteMeta } from '../../../src/shared/oneOnOnes/noteIndex';
import { STORED_ID } from '../../../src/shared/storageLayout';
import { markdownish } from './adversarial';

export const storedId = fc.stringMatching(STORED_ID);
export const templateId = fc.stringMatching(/^[a-z0-9-]{1,64}$/);
export const isoDay = fc.date({ min: new Date('1990-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Any text at all, lone surrogates and control characters included, or Markdown-like text. */
export const anyText = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ unit: 'binary', maxLength }), markdownish.map((text) => text.slice(0, maxLength)));
export const nonEmptyText = (maxLength: number): fc.Arbitrary<string> => anyText(maxLength).filter((text) => text.length > 0);

export const noteHeader: fc.Arbitrary<NoteHeader> = fc.record({
  id: storedId,
  personId: storedId,
  date: isoDay,
  templateId,
  title: anyText(400),
  // JSON has no -0; + 0 turns it into the 0 that a round trip gives back.
  createdAt: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n + 0),
}, { noNullPrototype: true });

export const noteMeta: fc.Arbitrary<NoteMeta> = fc
  .record(
    {
      header: noteHeader,
      updatedAt: fc.integer(),
      openItems: fc.array(fc.record({ line: fc.nat(), text: anyText(2000) }, { noNullPrototype: true }), { maxLength: 4 }),
      hatTags: fc.record({ leadership: fc.nat(), management: fc.nat() }, { noNullPrototype: true }),
      mood: fc.integer({ min: 1, max: 10 }),
      goals: fc.array(fc.record({ goal: anyText(2000), score: fc.integer({ min: 1, max: 10 }) }, { noNullPrototype: true }), { maxLength: 3 }),
    },
    { requiredKeys: ['header', 'updatedAt', 'openItems'], noNullPrototype: true },
  )
  .map(({ header, ...rest }) => ({ ...header, ...rest }));

/** A code reference as stored since issue #11: relative to its workspace folder, never absolute. */
const relativeSegment = fc.stringMatching(/^[\w.-]{1,20}$/).filter((part) => part !== '.' && part !== '..');
export const codeReference = fc.record(
  {
    folder: fc.stringMatching(/^\w[\w .-]{0,30}$/),
    path: fc.array(relativeSegment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/')),
    startLine: fc.integer({ min: 1 }),
    endLine: fc.integer({ min: 1 }),
    commit: fc.stringMatching(/^[0-9a-f]{7,64}$/),
  },
  { requiredKeys: ['path', 'startLine', 'endLine'], noNullPrototype: true },
);

/** JSON-ish values that are not what any schema wants: the "arbitrary file on disk" input. */
export const anyJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ schemaVersion: 1, people: value, items: value, notes: value })),
  fc.string({ unit: 'binary', maxLength: 200 }),
  markdownish,
);
