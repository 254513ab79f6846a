import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { noteTitle } from '../../src/shared/oneOnOnes/compose';
import { parseNoteHeader, serializeNoteHeader } from '../../src/shared/oneOnOnes/noteIndex';
import { asStoredBound, PERSON_NAME_MAX_LENGTH, STORED_NOTE_TITLE_MAX_LENGTH } from '../../src/shared/storageLayout';

/** An own template's title comes from its file name, which most file systems keep under 255 characters. */
const OWN_TEMPLATE_TITLE_MAX_LENGTH = 255;
const date = '2026-11-30';
const headerWith = (title: string) => ({ id: 'n1', personId: 'p1', date, templateId: 'own-review', title, createdAt: 1 });

describe('a 1:1 note’s title', () => {
  it('reads “name · date · template” when it fits, as before', () => {
    assert.equal(noteTitle('Ada Lovelace', date, { title: 'Weekly 1:1' }), `Ada Lovelace · ${date} · Weekly 1:1`);
  });

  it('stays within the stored bound for the longest name the team file accepts and a long own template, and keeps the date', () => {
    const title = noteTitle('N'.repeat(asStoredBound(PERSON_NAME_MAX_LENGTH)), date, { title: 'T'.repeat(OWN_TEMPLATE_TITLE_MAX_LENGTH) });
    assert.ok(title.length <= STORED_NOTE_TITLE_MAX_LENGTH, `title is ${title.length} characters`);
    assert.ok(title.includes(` · ${date} · `));
    assert.equal(parseNoteHeader(serializeNoteHeader(headerWith(title))).ok, true);
  });

  it('for any name and template title within their bounds, gives a title the note header accepts (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: asStoredBound(PERSON_NAME_MAX_LENGTH), unit: 'binary', size: 'max' }),
        fc.string({ minLength: 1, maxLength: OWN_TEMPLATE_TITLE_MAX_LENGTH, unit: 'binary', size: 'max' }),
        (name, templateTitle) => {
          const title = noteTitle(name, date, { title: templateTitle });
          return parseNoteHeader(serializeNoteHeader(headerWith(title))).ok && title.includes(date);
        },
      ),
      { numRuns: 300 },
    );
  });
});
