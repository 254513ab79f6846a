import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  isPrivateHeadingText,
  isPrivateLine,
  MAX_PARSED_CHARS,
  PRIVATE_END_MARKER,
  PRIVATE_HEADING,
  privateLineRanges,
  shareableAgenda,
  splitPrivate,
} from '../../src/shared/oneOnOnes/privacy';
import { assertLinearEnough } from './support/adversarial';

describe('the privacy rule', () => {
  it('knows a private heading by its first word, whatever the emoji, case and punctuation', () => {
    for (const text of ['Private notes', 'Private notes 🔒', '🔒 Private', 'PRIVATE', 'Private:', '**Private**', '1. Private', 'Ｐｒｉｖａｔｅ', 'PRİVATE', 'Pri\u200bvate']) {
      assert.ok(isPrivateHeadingText(text), text);
    }
    for (const text of ['Notes', 'Not private', 'Privacy policy', 'Topics']) {
      assert.ok(!isPrivateHeadingText(text), text);
    }
    assert.ok(isPrivateHeadingText(PRIVATE_HEADING));
  });

  it('runs a private part to the end of the note, across headings of every level', () => {
    const note = ['# 1:1', '## Private notes', 'a', '## Performance concerns', 'b', '# Top', 'c', 'Setext', '===', 'd', '   ## Indented', 'e'].join('\n');
    assert.deepEqual(privateLineRanges(note), [{ start: 1, end: 12 }]);
  });

  it('ends a private part only at an end marker, after which the note is shareable again', () => {
    const note = ['## Private notes', 'a', '<!--  END private  -->', '## Shared', 'b', '### 🔒 Private', 'c'].join('\n');
    const ranges = privateLineRanges(note);
    assert.deepEqual(ranges, [
      { start: 0, end: 3 },
      { start: 5, end: 7 },
    ]);
    assert.ok(isPrivateLine(ranges, 2) && !isPrivateLine(ranges, 3) && isPrivateLine(ranges, 6));
    assert.equal(shareableAgenda(note), '## Shared\nb\n');
  });

  it('does not take a heading in a closed code fence or an indented code block for a private one', () => {
    for (const note of ['```\n## Private\n```\nx', '~~~md\n## Private\n~~~\nx', '    ## Private\nx']) {
      assert.deepEqual(privateLineRanges(note), [], note);
    }
  });

  it('takes a private heading quoted, in an HTML block or in an unclosed fence in a list as private: in doubt, private', () => {
    // Found by an adversarial review: each of these read as shared before.
    const cases: [string, { start: number; end: number }[]][] = [
      ['> ## Private\nx', [{ start: 0, end: 2 }]],
      ['<div>\n## Private\n</div>\n\nx', [{ start: 1, end: 5 }]],
      ['Agenda\n\n<pre>\n\n## Private\nSECRET', [{ start: 4, end: 6 }]],
      ['<details>\n## Private\nSECRET', [{ start: 1, end: 3 }]],
      ['- a\n  ```\n  ## Private\n  SECRET', [{ start: 0, end: 4 }]],
      ['```\nPrivate\n---\nSECRET', [{ start: 1, end: 4 }]],
      ['## :lock: Private notes\nSECRET', [{ start: 0, end: 2 }]],
      ['## ![lock](x.png) Private\nSECRET', [{ start: 0, end: 2 }]],
    ];
    for (const [note, ranges] of cases) {
      assert.deepEqual(privateLineRanges(note), ranges, note);
      assert.ok(!shareableAgenda(note).includes('SECRET'), note);
    }
  });

  it('does not end a private part at an end marker in a code fence or a list', () => {
    assert.deepEqual(privateLineRanges(`## Private\n\`\`\`\n${PRIVATE_END_MARKER}\n\`\`\`\nsecret`), [{ start: 0, end: 5 }]);
    assert.deepEqual(privateLineRanges(`## Private\n- ${PRIVATE_END_MARKER}\nsecret`), [{ start: 0, end: 3 }]);
    assert.deepEqual(privateLineRanges(`## Private\n${PRIVATE_END_MARKER} and more\nsecret`), [{ start: 0, end: 3 }]);
  });

  it('still counts a private heading swallowed by a fence or comment left open (in doubt, private)', () => {
    assert.deepEqual(privateLineRanges('## Topics\n```\ncode\n\n## Private notes\n- [ ] secret'), [{ start: 4, end: 6 }]);
    assert.deepEqual(privateLineRanges('## Topics\n<!-- draft\n\n## Private notes\nsecret'), [{ start: 3, end: 5 }]);
    assert.deepEqual(privateLineRanges('```\n## Private notes\n```'), [], 'a closed fence is code');
    assert.deepEqual(privateLineRanges('````\n## Private notes\n```'), [{ start: 1, end: 3 }], 'a shorter fence does not close it');
  });

  it('makes a whole list private when a private heading is nested in it (in doubt, private)', () => {
    const note = '## Topics\n\n- roadmap\n\n  ## Private\n\n  - [ ] secret\n\nmore';
    assert.deepEqual(privateLineRanges(note), [{ start: 2, end: 9 }]);
  });

  it('keeps line numbers of CRLF notes, and drops stray end markers from what is shared', () => {
    const note = 'a\r\nb\r\n## Private\r\nsecret\r\n<!-- end private -->\r\nshared';
    assert.deepEqual(privateLineRanges(note), [{ start: 2, end: 5 }]);
    assert.deepEqual(splitPrivate(note), { shareable: 'a\nb\nshared', privateText: '## Private\nsecret\n<!-- end private -->', ranges: [{ start: 2, end: 5 }] });
    assert.equal(shareableAgenda(`x\n${PRIVATE_END_MARKER}\ny`), 'x\ny\n');
  });

  it('counts a note too big or too deeply nested to read safely as private as a whole', () => {
    const big = `shared\n${'x'.repeat(MAX_PARSED_CHARS)}`;
    assert.deepEqual(privateLineRanges(big), [{ start: 0, end: 2 }]);
    const deep = `${'> '.repeat(5000)}x\nshared`;
    assert.deepEqual(privateLineRanges(deep), [{ start: 0, end: 2 }]);
    const nested = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    assert.equal(shareableAgenda(nested), '\n');
  });

  it('never throws and stays fast on hostile text, four times the size Markdown is parsed to and just under it', function () {
    this.timeout(120_000);
    // Past the cap the rule reads line by line; four times the cap (half a megabyte) is already
    // seconds for a quadratic scan against milliseconds for a linear one, at half the lane's time.
    const pastTheCap = 4 * MAX_PARSED_CHARS;
    const hostile = ['#', '`', '<!--', '```\n', '~~~\n', '> ', '>\n', '- ', '- a\n', '|', 'a|b\n-|-\n', '\r\n', '😀', '[a]: b\n', '    x\n', '*', '<', '\t', 'Private\n---\n'];
    for (const unit of hostile) {
      const text = unit.repeat(Math.ceil(pastTheCap / unit.length));
      assertLinearEnough(`${JSON.stringify(unit)} x ${text.length}`, text.length, () => splitPrivate(text));
    }
    // Just under the size cap, where marked does read the text.
    for (const unit of hostile) {
      const text = unit.repeat(Math.floor((MAX_PARSED_CHARS - 1) / unit.length));
      assertLinearEnough(`${JSON.stringify(unit)} x ${text.length}`, text.length, () => splitPrivate(text));
    }
  });

  it('never throws on any string, and its ranges are ordered and within the note', () => {
    const pieces = fc.constantFrom('#', '## ', '## Private\n', '```', '~~~', '<!--', '-->', '<!-- end private -->', '\n', '\r\n', '\r', '> ', '- ', '  ', '|', '😀', 'x', '===', '---', '<div>');
    const markdownish = fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme' })), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ unit: 'binary' })), (text) => {
        const ranges = privateLineRanges(text);
        const lineCount = text.split(/\r\n?|\n/).length;
        let last = 0;
        for (const range of ranges) {
          assert.ok(range.start >= last && range.start < range.end && range.end <= lineCount);
          last = range.end;
        }
        const split = splitPrivate(text);
        assert.equal(typeof split.shareable, 'string');
      }),
      { numRuns: 500 },
    );
  });
});
