import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldPlainRuns, isPlainLine } from '../../src/shared/oneOnOnes/plainRuns';
import { isPrivateLine, privateLineRanges, privateLineRangesUnfolded, shareableAgenda } from '../../src/shared/oneOnOnes/privacy';
import { assertLinearEnough } from './support/adversarial';

describe('folding plain lines before the privacy rule reads a note', () => {
  it('folds only lines that can neither start nor end a block', () => {
    for (const line of ['Some words', '-- a', 'x -> y', '  continued', '=a', '**bold** start']) {
      assert.ok(isPlainLine(line), line);
    }
    for (const line of ['', '## Heading', '> quote', '- item', '* item', '1. item', '2) item', '---', '===', '- - -', '```', '~~~', '<div>', '[a]: /url', '    code', '\tcode', 'ends -->', 'a ?>', ']]>', 'x </pre>', 'a | b']) {
      assert.ok(!isPlainLine(line), line);
    }
    assert.ok(!isPlainLine('a > b', true), 'any > ends a <!X declaration block');
  });

  it('keeps the first and last line of each run, and maps every folded line back', () => {
    const folded = foldPlainRuns('- a\nb\nc\nd\ne\n## Private\nf', ' ');
    assert.equal(folded.text, '- a\nb c d\ne\n## Private\nf');
    assert.deepEqual(folded.groupStarts, [0, 1, 4, 5, 6]);
  });

  it('marks the same lines private as reading the note unfolded, or more (fail safe)', function () {
    // Thousands of notes through marked twice: seconds on a busy machine, not a speed figure.
    this.timeout(60_000);
    const piece = fc.constantFrom(
      '## Private notes', 'Private', 'private stuff', 'Notes', '-----', '=====', '---', '- a', '-- a', '> q', 'x -> y', '<!-- c', 'c -->', '<!DOCTYPE x', 'a > b',
      '[a]: /url', '"title"', 'a | b', '--|--', 'c | d', '```', '~~~', '<!-- end private -->', '', '  indented', '    code', '1. one', 'SECRET', 'plain words',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (lines) => {
        const note = lines.join('\n');
        const folded = privateLineRanges(note);
        for (const range of privateLineRangesUnfolded(note)) {
          for (let line = range.start; line < range.end; line++) {
            assert.ok(isPrivateLine(folded, line), `line ${line} of ${JSON.stringify(note)} is private unfolded but not folded`);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a list item continued by thousands of unindented lines in linear time', () => {
    // About 110 KB, under the size above which a whole note counts as private without reading it.
    for (const lines of [6_000, 12_000]) {
      const note = `- a\n${'-- [ ] b\n'.repeat(lines)}## Private notes\nSECRET`;
      assertLinearEnough(`shareableAgenda of ${lines} lazy lines`, note.length, () => shareableAgenda(note));
      assert.ok(!shareableAgenda(note).includes('SECRET'));
    }
  });
});

describe('a note whose one block has too many lines to read in linear time', () => {
  it('counts as private as a whole, at once', () => {
    const note = `- a\n${'x | y\n'.repeat(10_000)}## Next\nSHARED`;
    assertLinearEnough('privateLineRanges of 10,000 lazy table-like lines', note.length, () => privateLineRanges(note));
    assert.deepEqual(privateLineRanges(note), [{ start: 0, end: 10_003 }]);
  });
});

describe('the readers of shareable text, on text the reviewer found slow', () => {
  it('reads blocks joined by removing private parts, and old file links, in linear time', async () => {
    const { noteAsTemplate } = await import('../../src/shared/oneOnOnes/ownTemplates');
    const { withoutLocalFileLinks } = await import('../../src/shared/codeReferences');
    const joined = `- a\n${`${'b|\n'.repeat(1990)}## Private\n\n<!-- end private -->\n`.repeat(8)}`;
    assertLinearEnough('noteAsTemplate of blocks joined around private parts', joined.length, () => noteAsTemplate(joined, 'Ada', '2026-11-30'));
    const links = '[x](file:'.repeat(40_000);
    assertLinearEnough('withoutLocalFileLinks of [x](file: repeated', links.length, () => withoutLocalFileLinks(links));
  });
});

describe('search while presenting', () => {
  it('finds words of the shareable part only, at the same line as in the note', async () => {
    const { withPrivateLinesBlanked } = await import('../../src/shared/oneOnOnes/privacy');
    const { searchNotes } = await import('../../src/shared/oneOnOnes/search');
    const note = { id: 'n', text: '# 1:1\n\nRoadmap review\n\n## Private notes\n\nPIP worries\n<!-- end private -->\nRoadmap again' };
    const shown = { ...note, text: withPrivateLinesBlanked(note.text) };
    assert.deepEqual(searchNotes([note], 'PIP').map((hit) => hit.id), ['n'], 'the full note holds the word');
    assert.deepEqual(searchNotes([shown], 'PIP'), []);
    assert.equal(searchNotes([shown], 'again')[0]?.line, 8);
  });
});
