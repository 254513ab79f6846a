/**
 * Shared pieces for the property tests of the pure parsers: text shaped like what a user might
 * paste (or a file on disk might hold), and a wall-clock ceiling for parsing it. A backtracking
 * regex is not wrong on small input, only slow on long runs, so the adversarial texts are long:
 * a prefix, a short fragment pumped to a few hundred thousand characters, and a suffix that
 * makes the match fail at the end, which is how such a regex is made to try every split.
 */
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';

/** Generous on purpose: linear code parses this much in milliseconds, a quadratic regex in minutes. */
export const CEILING_MS_PER_MB = 2000;
/** Below this, timer noise and a busy shared machine would dominate (seen: 560 ms for 100 KB of blank lines at a load of 24 on two cores; a quadratic parser takes minutes). */
const MIN_CEILING_MS = 1500;
/**
 * How many times the linear baseline (one plain pass over the same number of characters) the
 * work may take before the fixed ceiling is lifted. Linear parsers take some 10 to 100 passes'
 * worth; a super-linear one on these lengths thousands of times more. So the baseline lifts the
 * ceiling only when the machine itself is slow at that moment (CI installing code-server beside
 * the lane), never enough to let a runaway parser through.
 */
const BASELINE_FACTOR = 100;

/** The fastest of three plain passes over `length` characters: how fast this machine is right now. */
function linearBaselineMs(length: number): number {
  // From bytes, so the string is flat: timing a pass must not time V8 joining its pieces.
  const text = Buffer.alloc(length, 'a- [x]\n').toString('latin1');
  let fastest = Infinity;
  let seen = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      seen += code === 10 || code === 91 ? 1 : 0;
    }
    fastest = Math.min(fastest, performance.now() - started);
  }
  assert.ok(seen > 0 || length === 0); // keeps the loop from being optimised away
  return fastest;
}

/**
 * Runs `work` and fails if it took longer than the ceiling for `inputLength` characters: the
 * larger of a fixed per-megabyte ceiling and a multiple of a linear baseline measured just after,
 * under the same load. A time over the ceiling is measured again (the machine may be busy); a
 * super-linear parser is over by orders of magnitude, every time.
 */
export function assertLinearEnough<T>(label: string, inputLength: number, work: () => T): T {
  const fixed = Math.max(MIN_CEILING_MS, (CEILING_MS_PER_MB * inputLength) / 1_000_000);
  let fastest = Infinity;
  let ceiling = fixed;
  // Five tries: on a machine loaded by other lanes one try in a few is slowed past the ceiling.
  for (let attempt = 0; attempt < 5; attempt++) {
    const started = performance.now();
    const result = work();
    const took = performance.now() - started;
    fastest = Math.min(fastest, took);
    ceiling = Math.max(ceiling, BASELINE_FACTOR * linearBaselineMs(inputLength));
    if (fastest < ceiling) {
      return result;
    }
    if (fastest > 10 * ceiling) {
      break;
    }
  }
  assert.fail(`${label}: ${Math.round(fastest)} ms for ${inputLength} characters (ceiling ${Math.round(ceiling)} ms${ceiling > fixed ? `, lifted from ${Math.round(fixed)} ms as the machine was slow` : ''})`);
}

/** Pieces the parsers give meaning to, plus the characters users paste in long runs. */
export const MARKDOWN_PIECES = [
  ' ', '  ', '\t', '-', '--', '—', '–', '[', ']', '[ ]', '[x]', '#', '## ', '# ', '*', '+', '`', '```', '~~~',
  '@', '@ada', '{', '}', '{{', '}}', '{{person}}', '{{ date }}', '\n', '\r\n', '\n\n', '\r', '😀', '𝒜', 'é', 'e\u0301',
  'a', 'Z', '7', '10', '/', '/10', '7/10', ':', '.', '\\', '"', '<', '>', '|', 'x', 'X', '(', ')',
  '- ', '- [ ] ', '- [x] ', 'Goal:', 'goal: ', 'progress:', 'progress: 6/10', 'Check-in:', 'check-in: ', 'due:', 'due:2026-11-30',
  '#leadership', '#manage', 'Private notes', '## Private notes', '---', '\u00a0', '\u2028', '\ufeff',
  '<h2>', '</h2>', '&nbsp;', '&#80;', '\uff03', '\u200b', 'Privat',
] as const;

/** Short Markdown-like text built from the pieces above, with any Unicode mixed in. */
export const markdownish: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...MARKDOWN_PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), { maxLength: 60 })
  .map((pieces) => pieces.join(''));

export interface PumpedText {
  readonly text: string;
  readonly description: string;
}

/** A long text that fast-check reports by its recipe, not by its hundred thousand characters. */
function hostile(text: string, description: string): PumpedText {
  return { text, description, [fc.toStringMethod]: () => description } as PumpedText;
}

/** prefix + fragment × n + suffix, about `targetLength` characters long. */
export function pumped(targetLength: number): fc.Arbitrary<PumpedText> {
  const piece = fc.constantFrom(...MARKDOWN_PIECES);
  return fc
    .record({
      prefix: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')),
      fragment: fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join('')),
      suffix: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')),
    })
    .map(({ prefix, fragment, suffix }) => {
      const times = Math.max(1, Math.floor(targetLength / fragment.length));
      return hostile(prefix + fragment.repeat(times) + suffix, `${JSON.stringify(prefix)} + ${JSON.stringify(fragment)} × ${times} + ${JSON.stringify(suffix)}`);
    });
}

/**
 * Hand-picked worst cases: the line from issue #12, 1 MB single lines, and 100,000-character
 * runs of each hostile piece (a quadratic parser needs minutes for those already).
 */
export function knownHostileTexts(): PumpedText[] {
  const megabyte = 1_000_000;
  const runLength = 100_000;
  const runs = [' ', '\t', '-', '—', '[', '#', '*', '`', '@', '{', '}', '{{', '\n', '\r\n', '\n\n', '😀', '- ', '—-', ' -', '.', '- [ ] ', '---\n'];
  return [
    hostile(`- Goal:${' '.repeat(100_000)}`, '"- Goal:" + 100k spaces'),
    hostile(`- Goal: x${' '.repeat(100_000)}—`, '"- Goal: x" + 100k spaces + "—"'),
    hostile(`- Goal: ${' -'.repeat(50_000)}`, '"- Goal: " + " -" × 50k'),
    hostile(`- Check-in:${' '.repeat(megabyte)}`, '"- Check-in:" + 1M spaces'),
    hostile(`- [ ]${' '.repeat(megabyte)}x`, '"- [ ]" + 1M spaces + "x"'),
    hostile(`##${' '.repeat(megabyte)}x`, '"##" + 1M spaces + "x"'),
    hostile(`- [ ]${' '.repeat(100_000)}x\u2028`, '"- [ ]" + 100k spaces + "x\\u2028"'),
    hostile(`##${' '.repeat(100_000)}x\r`, '"##" + 100k spaces + "x\\r"'),
    hostile(`a${'.'.repeat(100_000)}x`, '"a" + 100k dots + "x"'),
    hostile(`{{${' '.repeat(megabyte)}`, '"{{" + 1M spaces'),
    // The privacy rule's look-alike scans: HTML headings, character references, blanks before hashes.
    hostile('<h2>'.repeat(30_000), '"<h2>" × 30k'),
    hostile('<h1>![]('.repeat(16_000), '"<h1>![](" × 16k'),
    hostile(`<h1>${'![a'.repeat(40_000)}`, '"<h1>" + "![a" × 40k'),
    hostile(`x\n${'\u00a0## a\n'.repeat(20_000)}`, '"\u00a0## a" lines × 20k'),
    hostile(`<h2 ${'a'.repeat(100_000)}`, '"<h2 " + 100k letters'),
    hostile(`<h2>${'&nbsp;'.repeat(20_000)}`, '"<h2>" + "&nbsp;" × 20k'),
    hostile(`## ${'&#x1F512;'.repeat(12_000)}Private`, '"## " + "&#x1F512;" × 12k + "Private"'),
    hostile(`${'\u200b'.repeat(100_000)}##`, '100k zero-width spaces + "##"'),
    hostile(`\uff03${'\uff03 '.repeat(50_000)}`, '"＃ " × 50k'),
    ...runs.map((run) => {
      const times = Math.ceil(runLength / run.length);
      return hostile(run.repeat(times), `${JSON.stringify(run)} × ${times}`);
    }),
  ];
}
