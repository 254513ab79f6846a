/**
 * The patterns rewritten for issue #12 (linear time) against the patterns they replaced, on
 * short input where the old ones are quick: same results, so the rewrite changed nothing else.
 * (The private section and Save Note as Template follow a new rule by design, issue #11: their
 * checks are the privacy corpus and properties in privacy*.test.ts, not a comparison.)
 * The old patterns are kept here only as references; the lint rules would refuse them in src/.
 */
/* eslint-disable regexp/no-super-linear-backtracking, regexp/no-super-linear-move, regexp/use-ignore-case */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseActionItems } from '../../src/shared/oneOnOnes/actionItems';
import { safeFileName } from '../../src/shared/oneOnOnes/exportFormat';
import { ownTemplateId } from '../../src/shared/oneOnOnes/ownTemplates';
import { markdownish } from './support/adversarial';

const TASK_BEFORE = /^(\s*[-*+]\s+\[)([ xX])(\]\s+)(.*)$/;

function actionItemsBefore(markdown: string): { line: number; text: string; done: boolean }[] {
  let inFence = false;
  // Lines are split as the editor splits them (see src/shared/lines.ts): the pattern is what is compared.
  return markdown.split(/\r\n?|\n/).flatMap((raw, line) => {
    if (/^\s*(?:```|~~~)/.test(raw)) {
      inFence = !inFence;
      return [];
    }
    const match = inFence ? null : TASK_BEFORE.exec(raw);
    const text = match?.[4]!.trim();
    return match && text ? [{ line, text, done: match[2] !== ' ' }] : [];
  });
}

function safeFileNameBefore(text: string, fallback: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, 80)
    // The one deliberate change: the rewrite trims again after the cut, since a name cut at 80
    // could end in a space or a dot, which Windows refuses (and silently drops) in a file name.
    .replace(/[.\s]+$/, '');
  return /^(?:con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) || cleaned === '' ? fallback : cleaned;
}

function ownTemplateIdBefore(fileName: string): string | undefined {
  const slug = fileName
    .replace(/\.md$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug ? `own-${slug}` : undefined;
}

const spacey = fc.constantFrom(' ', '  ', '\t', '\r', '\n', '\r\n', '\u2028', '\u00a0', '.', '-', '—', ' .', '- [ ]', '- [x]', '[X]', ']', '##', '# ', 'Private notes', 'Check-in:', '7/10', '10 / 10', 'x', 'Check-in: 7/10', '- check-in: 10 /10', 'progress: 6/10');
const shortText = fc.oneof(markdownish, fc.array(spacey, { maxLength: 16 }).map((pieces) => pieces.join('')), fc.string({ unit: 'binary', maxLength: 30 }));
const shortNote = fc.array(shortText, { maxLength: 8 }).map((lines) => lines.join('\n'));

describe('patterns rewritten for linear time, against the ones they replaced', () => {
  it('reads the same action items', () => {
    fc.assert(
      fc.property(shortNote, (note) => {
        assert.deepEqual(
          parseActionItems(note).map(({ line, text, done }) => ({ line, text, done })),
          actionItemsBefore(note),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('makes the same file names and template ids', () => {
    fc.assert(
      fc.property(shortText, (text) => {
        assert.equal(safeFileName(text, 'fallback'), safeFileNameBefore(text, 'fallback'));
        assert.equal(ownTemplateId(text), ownTemplateIdBefore(text));
      }),
      { numRuns: 500 },
    );
  });

  it('trims a space the 80-character cut leaves at the end of a file name (found by fast-check)', () => {
    const cutAtASpace = `${'a'.repeat(79)} tail`;
    assert.equal(safeFileName(cutAtASpace, 'fallback'), 'a'.repeat(79));
  });
});
