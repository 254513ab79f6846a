import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { exportedNote, parseExportedNote, safeFileName } from '../../src/shared/oneOnOnes/exportFormat';
import { searchNotes, searchTerms } from '../../src/shared/oneOnOnes/search';
import { assertLinearEnough, knownHostileTexts, markdownish, pumped } from './support/adversarial';
import { anyText, noteHeader, nonEmptyText } from './support/storedArbitraries';

const noteText = fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 200 }), fc.array(markdownish, { maxLength: 8 }).map((lines) => lines.join('\n')));

describe('exported notes and search, for any text', function () {
  // Each long input has its own ceiling (assertLinearEnough); mocha's 2 s is for the whole test.
  this.timeout(30_000);

  it('reads back every exported note exactly, private section included', () => {
    fc.assert(
      fc.property(noteHeader, nonEmptyText(400), fc.oneof(noteText, anyText(400)), (header, person, content) => {
        const file = exportedNote(header, person, content, true);
        assert.deepEqual(parseExportedNote(file.text), { ok: true, note: { header, person, privateIncluded: true, content } });
        assert.deepEqual(parseExportedNote(`\uFEFF${file.text.replace(/\n/g, '\r\n')}`).ok, true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back a person and title holding a line or paragraph separator', () => {
    const header = { id: 'n1', personId: 'p1', date: '2026-11-30', templateId: 'weekly', title: 'Ada\u2028Lovelace · 2026-11-30', createdAt: 1 };
    const file = exportedNote(header, 'Ada\u2029Lovelace', 'Body', true);
    assert.deepEqual(parseExportedNote(file.text), { ok: true, note: { header, person: 'Ada\u2029Lovelace', privateIncluded: true, content: 'Body' } });
  });

  it('puts every export in a safe folder and file name', () => {
    fc.assert(
      fc.property(noteHeader, nonEmptyText(400), (header, person) => {
        const { path } = exportedNote(header, person, '', false);
        const [folder, file, ...more] = path.split('/');
        assert.equal(more.length, 0, path);
        for (const part of [folder!, file!]) {
          assert.doesNotMatch(part, /[\\/:*?"<>|\p{Cc}]/u);
          // Windows drops a trailing dot or space; a leading dot hides the file elsewhere.
          assert.doesNotMatch(part, /^\.|[.\s]$/u);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('makes a safe file name of any text, at most 80 characters, or takes the fallback', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(200), markdownish), (text) => {
        const name = safeFileName(text, 'fallback');
        assert.ok(name.length <= 80);
        assert.doesNotMatch(name, /[\\/:*?"<>|\p{Cc}]|\s\s|^[.\s-]|[.\s]$/u);
        assert.doesNotMatch(name, /^(?:con|prn|aux|nul|com\d|lpt\d)$/i);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses any text that is not an export, without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(noteText, noteText.map((text) => `---\n${text}`), noteText.map((text) => `---\n${text}\n---\n`)), (text) => {
        const parsed = parseExportedNote(text);
        assert.ok(parsed.ok || parsed.reason.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('finds every note that holds each word of the query, on the line of the first word', () => {
    fc.assert(
      fc.property(fc.array(noteText, { maxLength: 6 }), noteText, (texts, query) => {
        const notes = texts.map((text, i) => ({ id: `n${i}`, text }));
        const terms = searchTerms(query);
        const hits = searchNotes(notes, query);
        for (const hit of hits) {
          assert.ok(!hit.snippet.includes('\n'));
          assert.ok(hit.line >= 0 && hit.line <= notes.find((n) => n.id === hit.id)!.text.split('\n').length - 1);
        }
        if (terms.length === 0) {
          assert.deepEqual(hits, []);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a plain word wherever it was written', () => {
    fc.assert(
      fc.property(fc.array(noteText, { maxLength: 4 }), fc.stringMatching(/^[a-z]{3,12}$/), fc.nat(), (texts, word, at) => {
        const text = texts.join('\n');
        const cut = at % (text.length + 1);
        const note = { id: 'n', text: `${text.slice(0, cut)} ${word} ${text.slice(cut)}` };
        const [hit] = searchNotes([note], word.toUpperCase());
        assert.equal(hit?.id, 'n');
      }),
      { numRuns: 300 },
    );
  });

  it('reads hostile megabytes in linear time', () => {
    for (const { text, description } of knownHostileTexts()) {
      assertLinearEnough(`parseExportedNote(${description})`, text.length, () => parseExportedNote(text));
      assertLinearEnough(`parseExportedNote(--- + ${description})`, text.length, () => parseExportedNote(`---\n${text}`));
      assertLinearEnough(`safeFileName(${description})`, text.length, () => safeFileName(text, 'x'));
      assertLinearEnough(`searchNotes(${description})`, text.length, () => searchNotes([{ id: 'n', text }], `${text.slice(0, 20)} x`));
    }
  });

  it('reads pumped adversarial text in linear time', () => {
    fc.assert(
      fc.property(pumped(100_000), ({ text, description }) => {
        assertLinearEnough(`parseExportedNote(--- + ${description})`, text.length, () => parseExportedNote(`---\n${text}`));
        assertLinearEnough(`safeFileName(${description})`, text.length, () => safeFileName(text, 'x'));
        assertLinearEnough(`searchNotes(${description})`, text.length, () => searchNotes([{ id: 'n', text }], text.slice(0, 1000)));
      }),
      { numRuns: 10 },
    );
  });
});
