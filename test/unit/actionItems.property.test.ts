import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseActionItems, setActionItemDone } from '../../src/shared/oneOnOnes/actionItems';
import { balanceOfNote } from '../../src/shared/principles/balance';
import { assertLinearEnough, knownHostileTexts, markdownish, pumped } from './support/adversarial';

const taskLine = fc
  .tuple(fc.constantFrom('', '  ', '\t'), fc.constantFrom('-', '*', '+'), fc.constantFrom(' ', '  '), fc.constantFrom(' ', 'x', 'X'), markdownish)
  .map(([indent, bullet, gap, mark, body]) => `${indent}${bullet}${gap}[${mark}] ${body}`);
const note = fc.array(fc.oneof(taskLine, markdownish), { maxLength: 12 }).map((lines) => lines.join('\n'));

describe('action items, for any text', function () {
  // Each long input has its own ceiling (assertLinearEnough); mocha's 2 s is for the whole test.
  this.timeout(30_000);

  it('ticks and unticks any item it found, changing only that item', () => {
    fc.assert(
      fc.property(note, fc.nat(), (markdown, pick) => {
        const items = parseActionItems(markdown);
        fc.pre(items.length > 0);
        const item = items[pick % items.length]!;
        const toggled = setActionItemDone(markdown, item.line, item.text, !item.done);
        assert.ok(toggled !== undefined);
        const after = parseActionItems(toggled);
        assert.deepEqual(
          after,
          items.map((i) => (i.line === item.line ? { ...i, done: !item.done } : i)),
        );
        assert.deepEqual(parseActionItems(setActionItemDone(toggled, item.line, item.text, item.done)!), items);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses to tick an item whose text changed since it was read, or a line past the end', () => {
    fc.assert(
      fc.property(note, fc.nat(), markdownish, (markdown, pick, edit) => {
        const items = parseActionItems(markdown);
        fc.pre(items.length > 0 && edit.trim().length > 0);
        const item = items[pick % items.length]!;
        assert.equal(setActionItemDone(markdown, item.line, `${item.text} ${edit}`, !item.done), undefined);
        assert.equal(setActionItemDone(markdown, markdown.split(/\r\n?|\n/).length, item.text, !item.done), undefined);
      }),
      { numRuns: 200 },
    );
  });

  it('reads items whose text is trimmed and non-empty, with owners and due dates taken from it', () => {
    fc.assert(
      fc.property(fc.oneof(note, fc.string({ unit: 'binary' })), (markdown) => {
        for (const item of parseActionItems(markdown)) {
          assert.equal(item.text, item.text.trim());
          assert.ok(item.text.length > 0);
          assert.ok(item.owner === undefined || item.text.includes(`@${item.owner}`));
          assert.ok(item.due === undefined || item.text.includes(`due:${item.due}`));
        }
        balanceOfNote(markdown);
      }),
      { numRuns: 300 },
    );
  });

  it('reads hostile megabytes in linear time', () => {
    for (const { text, description } of knownHostileTexts()) {
      assertLinearEnough(`parseActionItems(${description})`, text.length, () => parseActionItems(text));
      assertLinearEnough(`setActionItemDone(${description})`, text.length, () => setActionItemDone(text, 0, text.trim(), true));
      assertLinearEnough(`balanceOfNote(${description})`, text.length, () => balanceOfNote(text));
    }
  });

  it('reads pumped adversarial text in linear time', () => {
    fc.assert(
      fc.property(pumped(100_000), ({ text, description }) => {
        assertLinearEnough(`parseActionItems(${description})`, text.length, () => parseActionItems(text));
        assertLinearEnough(`balanceOfNote(${description})`, text.length, () => balanceOfNote(text));
      }),
      { numRuns: 10 },
    );
  });
});
