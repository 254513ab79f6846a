import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { openActionItems, parseActionItems, setActionItemDone } from '../../src/shared/oneOnOnes/actionItems';
import { deriveNoteMeta } from '../../src/shared/oneOnOnes/noteIndex';

const header = { id: 'n1', personId: 'p1', date: '2026-11-30', templateId: 'weekly', title: '1:1', createdAt: 0 };

/** Ticks the open item on `line` the way the sidebar does: with what the note index kept of it. */
function tickFromIndex(markdown: string, line: number): string | undefined {
  const item = deriveNoteMeta(header, markdown, 0).openItems.find((i) => i.line === line);
  return item ? setActionItemDone(markdown, item.line, item.text, true) : undefined;
}

const note = [
  '# 1:1 with Ada',
  '- [ ] Draft the migration plan @ada due:2026-12-01',
  '- [x] Book the design review',
  '* [ ] Ask finance about the budget',
  '- [ ]   ',
  '```',
  '- [ ] not a task, inside code',
  '```',
  '- plain bullet',
].join('\n');

describe('action items in a note', () => {
  it('finds task lines with owner and due date, ignoring code blocks and empty tasks', () => {
    assert.deepEqual(parseActionItems(note), [
      { line: 1, text: 'Draft the migration plan @ada due:2026-12-01', done: false, owner: 'ada', due: '2026-12-01' },
      { line: 2, text: 'Book the design review', done: true },
      { line: 3, text: 'Ask finance about the budget', done: false },
    ]);
    assert.deepEqual(openActionItems(note).map((i) => i.line), [1, 3]);
  });

  it('ticks an item only when the line still says what the sidebar showed', () => {
    const ticked = setActionItemDone(note, 3, 'Ask finance about the budget', true);
    assert.ok(ticked?.includes('* [x] Ask finance about the budget'));
    assert.equal(setActionItemDone(note, 3, 'Something else', true), undefined);
    assert.equal(setActionItemDone(note, 0, '# 1:1 with Ada', true), undefined);
  });

  it('keeps Windows line endings', () => {
    const crlf = '- [ ] One\r\n- [ ] Two\r\n';
    assert.equal(setActionItemDone(crlf, 1, 'Two', true), '- [ ] One\r\n- [x] Two\r\n');
  });

  it('ticks an item longer than the index keeps (issue #13), and only that line', () => {
    const long = `Write up ${'the migration plan '.repeat(150)}`.trim();
    assert.ok(long.length > 2500);
    const markdown = ['# 1:1', `- [ ] ${long}`, '- [ ] Short one'].join('\n');
    assert.equal(tickFromIndex(markdown, 1), ['# 1:1', `- [x] ${long}`, '- [ ] Short one'].join('\n'));
  });

  it('ticks long items wherever they are, and refuses a line whose start changed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('- [ ] a', 'text', '- [x] done'), { maxLength: 5 }),
        fc.integer({ min: 2001, max: 4000 }),
        fc.nat(),
        (others, length, at) => {
          const long = 'x'.repeat(length);
          const position = at % (others.length + 1);
          const lines = [...others.slice(0, position), `- [ ] ${long}`, ...others.slice(position)];
          const expected = lines.map((l, i) => (i === position ? `- [x] ${long}` : l)).join('\n');
          assert.equal(tickFromIndex(lines.join('\n'), position), expected);
          const item = deriveNoteMeta(header, lines.join('\n'), 0).openItems.find((i) => i.line === position)!;
          const edited = lines.map((l, i) => (i === position ? `- [ ] y${long}` : l)).join('\n');
          assert.equal(setActionItemDone(edited, position, item.text, true), undefined);
        },
      ),
      { numRuns: 50 },
    );
  });
});
