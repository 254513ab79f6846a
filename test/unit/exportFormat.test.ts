import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ExportNames, exportedNote, isReservedOnWindows, parseExportedNote, safeFileName } from '../../src/shared/oneOnOnes/exportFormat';

const header = { id: 'a1b2c3d4-0000-4000-8000-000000000000', personId: 'p-1', date: '2026-11-23', templateId: 'weekly', title: 'Ada · 2026-11-23 · Weekly check-in', createdAt: 1763856000000 };
const content = '# 1:1 with Ada\n\n---\n\nA rule above.\n\n## Private notes\n\nThinking of leaving.\n';

describe('exported notes', () => {
  it('round-trips a note exactly, hostile names and rules in the body included', () => {
    const person = 'Ada "<script>" \n Lovelace: ---';
    const file = exportedNote(header, person, content, true);
    const parsed = parseExportedNote(file.text);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.note, { header, person, privateIncluded: true, content });
  });

  it('leaves the private section out unless asked, and says so in the header', () => {
    const file = exportedNote(header, 'Ada', content, false);
    assert.doesNotMatch(file.text, /leaving/);
    const parsed = parseExportedNote(file.text);
    assert.ok(parsed.ok && !parsed.note.privateIncluded);
  });

  it('names files safely, one folder per person', () => {
    assert.equal(exportedNote(header, 'Ada/../../etc', content, true).path, 'Ada-..-..-etc/2026-11-23 Weekly check-in a1b2c3d4.md');
    assert.equal(safeFileName('..', 'fallback'), 'fallback');
    assert.equal(safeFileName('CON', 'fallback'), 'fallback');
  });

  it('refuses files without a header, with a broken one, or from a future format', () => {
    assert.ok(!parseExportedNote('# Just markdown').ok);
    assert.ok(!parseExportedNote('---\nid: "x"\n').ok);
    const future = exportedNote(header, 'Ada', content, true).text.replace('two-hats-export: 1', 'two-hats-export: 2');
    assert.ok(!parseExportedNote(future).ok);
    assert.ok(!parseExportedNote('---\nid: not json\n---\nbody').ok);
  });

  it('never names a file or folder after a Windows device, in any form', () => {
    for (const name of ['con', 'CON', 'nul.txt', 'con.md', 'CON.md', 'com1.tar.md', 'lpt9', 'aux. ', 'prn ..', 'Nul . txt', 'com\u00b9', 'conin$']) {
      assert.ok(isReservedOnWindows(name), name);
      assert.equal(safeFileName(name, 'fallback'), 'fallback', name);
    }
    for (const name of ['console', 'nullable.md', 'com10', 'lpt', 'Connie']) {
      assert.ok(!isReservedOnWindows(name), name);
    }
    assert.equal(safeFileName('Ada. . ', 'x'), 'Ada');
    assert.equal(exportedNote(header, 'nul.txt', content, true).path.split('/')[0], 'p-1');
  });

  it('gives two notes whose ids share their first eight characters two files', () => {
    const names = new ExportNames();
    const first = names.claim(exportedNote(header, 'Ada', content, true).path);
    const second = names.claim(exportedNote({ ...header, id: 'a1b2c3d4-ffff-4000-8000-000000000000' }, 'Ada', content, true).path);
    const third = names.claim(exportedNote(header, 'ADA', content, true).path);
    assert.equal(first, 'Ada/2026-11-23 Weekly check-in a1b2c3d4.md');
    assert.equal(second, 'Ada/2026-11-23 Weekly check-in a1b2c3d4-2.md');
    assert.equal(third, 'ADA/2026-11-23 Weekly check-in a1b2c3d4-3.md', 'a folder differing only in case is the same folder on Windows and macOS');
  });

  it('hands out unique, portable paths for any notes, people and dates', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.constantFrom('con', 'nul.txt', 'CON.md', 'com1.tar.md', 'lpt9', 'aux. ', '..', '.', ' ', '', 'a/b', 'c\\d', 'e:f', 'Ada', 'ada', 'ADA'),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    const note = fc.record({ id: anyText, personId: anyText, person: anyText, date: anyText, title: anyText, templateId: anyText });
    fc.assert(
      fc.property(fc.array(note, { maxLength: 40 }), (notes) => {
        const names = new ExportNames();
        const seen = new Set<string>();
        for (const n of notes) {
          const path = names.claim(exportedNote({ ...header, ...n, createdAt: 0 }, n.person, '', true).path);
          const key = path.normalize('NFC').toLowerCase();
          assert.ok(!seen.has(key), `${path} was handed out twice`);
          seen.add(key);
          const segments = path.split('/');
          assert.equal(segments.length, 2, path);
          assert.ok(path.endsWith('.md'), path);
          for (const segment of segments) {
            assert.ok(segment.length > 0 && segment.length <= 120, JSON.stringify(segment));
            assert.doesNotMatch(segment, /[\\/:*?"<>|\p{Cc}]/u, JSON.stringify(segment));
            assert.doesNotMatch(segment, /[.\s]$/, JSON.stringify(segment));
            assert.doesNotMatch(segment, /^\./, JSON.stringify(segment));
            assert.ok(!isReservedOnWindows(segment), JSON.stringify(segment));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
