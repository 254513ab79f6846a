import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { openActionItems, parseActionItems } from '../../src/shared/oneOnOnes/actionItems';
import { normalizeImportedTasks } from '../../src/shared/oneOnOnes/importedTasks';
import { readImportedNote } from '../../src/shared/oneOnOnes/markdownImport';
import { assertLinearEnough, knownHostileTexts, markdownish, pumped } from './support/adversarial';

/** The open action items a note imported from `body` holds. */
function openAfterImport(body: string): string[] {
  const note = readImportedNote('Ada Lovelace/2026-03-01.md', body);
  assert.ok(note.ok, JSON.stringify(note));
  return openActionItems(note.content).map((item) => item.text);
}

const taskText = fc.stringMatching(/^[a-z][\w ,.@:-]{0,40}\w$/);

describe('tasks in other tools’ forms, brought in by the Markdown import', () => {
  it('reads numbered tasks as action items, open or done as ticked', () => {
    const body = '## Action items\n\n1. [ ] Send the RFC @ada\n2) [x] Book the room\n10. [ ] Review the budget due:2026-03-09\n';
    assert.deepEqual(openAfterImport(body), ['Send the RFC @ada', 'Review the budget due:2026-03-09']);
    const note = readImportedNote('Ada Lovelace/2026-03-01.md', body);
    assert.ok(note.ok);
    assert.deepEqual(
      parseActionItems(note.content).map((item) => [item.text, item.done]),
      [['Send the RFC @ada', false], ['Book the room', true], ['Review the budget due:2026-03-09', false]],
    );
  });

  it('reads Obsidian’s “in progress” as open, and “forwarded” and “cancelled” as closed', () => {
    const body = '- [/] Draft the hiring plan\n  * [>] Moved to next week\n+ [-] Dropped the offsite\n3. [/] Numbered in progress\n4. [>] Numbered forwarded\n';
    assert.deepEqual(openAfterImport(body), ['Draft the hiring plan', 'Numbered in progress']);
    const note = readImportedNote('Ada Lovelace/2026-03-01.md', body);
    assert.ok(note.ok);
    assert.deepEqual(parseActionItems(note.content).filter((item) => item.done).map((item) => item.text), ['Moved to next week', 'Dropped the offsite', 'Numbered forwarded']);
  });

  it('leaves code fences, plain numbered lists and other boxes as written', () => {
    const body = '```\n1. [ ] in code\n- [/] in code\n```\n1. Plain step\n- [?] A question box\n1.[ ] no space\n';
    assert.equal(normalizeImportedTasks(body), body);
    assert.deepEqual(openAfterImport(body), []);
  });

  it('keeps the task in a note marked private, in its private part', () => {
    const note = readImportedNote('Ada Lovelace/2026-03-01.md', '---\nprivate: true\n---\n1. [ ] Ask HR about the leave\n');
    assert.ok(note.ok && note.private);
    assert.deepEqual(openActionItems(note.content).map((item) => item.text), ['Ask HR about the leave']);
  });

  it('makes any numbered or in-progress task an open action item with the same text (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom('.', ')'), fc.constantFrom(' ', '  ', '\t'), fc.constantFrom('', '  ', '\t'), taskText, (n, dot, gap, indent, text) => {
        assert.deepEqual(openActionItems(normalizeImportedTasks(`${indent}${n}${dot}${gap}[ ] ${text}`)).map((i) => i.text), [text.trim()]);
        assert.deepEqual(openActionItems(normalizeImportedTasks(`${indent}- [/] ${text}`)).map((i) => i.text), [text.trim()]);
        assert.deepEqual(openActionItems(normalizeImportedTasks(`${indent}${n}${dot}${gap}[>] ${text}`)), []);
      }),
    );
  });

  it('changes only the list marker and box of a line, keeps every line break, and changes nothing in a fence (fast-check)', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const fenced = `\`\`\`\n${text.replace(/```|~~~/g, '')}\n\`\`\``;
        assert.equal(normalizeImportedTasks(fenced), fenced);
        const out = normalizeImportedTasks(text);
        const lines = text.split(/\r\n?|\n/);
        const outLines = out.split(/\r\n?|\n/);
        assert.equal(outLines.length, lines.length);
        assert.deepEqual(out.match(/\r\n?|\n/g) ?? [], text.match(/\r\n?|\n/g) ?? []);
        lines.forEach((line, i) => {
          const tail = (s: string) => s.slice(s.indexOf(']') + 1);
          assert.ok(outLines[i] === line || tail(outLines[i]!) === tail(line), `${JSON.stringify(line)} → ${JSON.stringify(outLines[i])}`);
        });
      }),
    );
  });

  it('reads hostile megabytes and pumped text in linear time', () => {
    for (const { text, description } of knownHostileTexts()) {
      assertLinearEnough(`normalizeImportedTasks(${description})`, text.length, () => normalizeImportedTasks(text));
    }
    const numbered = `1.${' '.repeat(1_000_000)}[`;
    assertLinearEnough('"1." + 1M spaces + "["', numbered.length, () => normalizeImportedTasks(numbered));
    fc.assert(
      fc.property(pumped(100_000), ({ text, description }) => {
        assertLinearEnough(`normalizeImportedTasks(${description})`, text.length, () => normalizeImportedTasks(text));
      }),
      { numRuns: 10 },
    );
  });
});
