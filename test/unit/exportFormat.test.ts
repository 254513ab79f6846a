import * as assert from 'node:assert/strict';
import { exportedNote, parseExportedNote, safeFileName } from '../../src/shared/oneOnOnes/exportFormat';

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
});
