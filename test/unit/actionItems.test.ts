import * as assert from 'node:assert/strict';
import { openActionItems, parseActionItems, setActionItemDone } from '../../src/shared/oneOnOnes/actionItems';

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
});
