import * as assert from 'node:assert/strict';
import { composeFromMarkdown } from '../../src/shared/oneOnOnes/compose';
import { deriveNoteMeta, parseNoteIndex, serializeNoteIndex } from '../../src/shared/oneOnOnes/noteIndex';
import { splitPrivate } from '../../src/shared/oneOnOnes/privacy';

const header = { id: 'n-1', personId: 'p-1', date: '2026-11-23', templateId: 'own-x', title: 't', createdAt: 0 };
const carried = [
  { line: 3, text: 'Shared follow-up', done: false },
  { line: 9, text: 'Talk to HR about the PIP', done: false, private: true },
];

describe('private open items, carried and indexed', () => {
  it('puts private items above the end marker of the first private part', () => {
    const template = '# {{person}}\n\n## Follow-ups\n\n{{openActionItems}}\n\n## Private notes\n\n<!-- only you -->\n\n<!-- end private -->\n\n## Shared end\n';
    const note = composeFromMarkdown(template, { person: 'Ada', date: '2026-11-30', carriedItems: carried, talkingPoints: [] });
    assert.equal(
      note,
      '# Ada\n\n## Follow-ups\n\n- [ ] Shared follow-up\n\n## Private notes\n\n<!-- only you -->\n\n- [ ] Talk to HR about the PIP\n\n<!-- end private -->\n\n## Shared end\n',
    );
  });

  it('adds a private heading at the end when the template has none', () => {
    const note = composeFromMarkdown('# {{person}}\n\n{{openActionItems}}\n', { person: 'Ada', date: '2026-11-30', carriedItems: carried, talkingPoints: [] });
    assert.equal(note, '# Ada\n\n- [ ] Shared follow-up\n\n## Private notes\n\n- [ ] Talk to HR about the PIP\n');
    assert.match(splitPrivate(note).privateText, /Talk to HR/);
    assert.doesNotMatch(splitPrivate(note).shareable, /Talk to HR/);
  });

  it('marks private items in the index, and reads them back', () => {
    const meta = deriveNoteMeta(header, '- [ ] Shared\n\n## Private notes\n\n- [ ] Mine\n', 1);
    assert.deepEqual(meta.openItems, [
      { line: 0, text: 'Shared' },
      { line: 4, text: 'Mine', private: true },
    ]);
    const parsed = parseNoteIndex(serializeNoteIndex([meta]));
    assert.ok(parsed.ok && !parsed.outdated);
    assert.deepEqual(parsed.notes[0]!.openItems, meta.openItems);
  });

  it('reads an index from before the rule with every open item private, and says it is outdated', () => {
    const old = JSON.stringify({ schemaVersion: 1, notes: [{ ...header, updatedAt: 1, openItems: [{ line: 0, text: 'Typed under Private notes' }] }] });
    const parsed = parseNoteIndex(old);
    assert.ok(parsed.ok && parsed.outdated);
    assert.deepEqual(parsed.notes[0]!.openItems, [{ line: 0, text: 'Typed under Private notes', private: true }]);
  });
});

describe('private items carried into a template whose private part ends with a marker', () => {
  it('stay private when the marker is the last line, or spread over lines', async () => {
    const { composeFromMarkdown } = await import('../../src/shared/oneOnOnes/compose');
    const { shareableAgenda } = await import('../../src/shared/oneOnOnes/privacy');
    for (const template of ['# 1:1\n\n## Private\n\nstuff\n<!-- end private -->', '# 1:1\n\n## Private\n\nstuff\n<!--\nend private\n-->', '# 1:1\n\n## Private\n\nstuff\n<!-- end private -->\n\n## Next\n']) {
      const note = composeFromMarkdown(template, {
        person: 'Ada',
        date: '2026-11-30',
        carriedItems: [{ line: 9, text: 'SECRET talk to HR', done: false, private: true }],
        talkingPoints: [],
      });
      assert.ok(note.includes('- [ ] SECRET talk to HR'), note);
      assert.ok(!shareableAgenda(note).includes('SECRET'), JSON.stringify(note));
    }
  });
});
