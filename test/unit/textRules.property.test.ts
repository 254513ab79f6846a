import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { restoreCandidates } from '../../src/shared/backups';
import { COMMIT_MARK, folderHints } from '../../src/shared/delegation/gitHints';
import { titleProblem } from '../../src/shared/delegation/items';
import { summarizeSelection, talkingPointAsMarkdown, talkingPointProblem } from '../../src/shared/oneOnOnes/talkingPoints';
import { tagsOf } from '../../src/shared/principles/balance';
import { primaryStoragePath } from '../../src/shared/storagePaths';
import { goalProblem, nameProblem, normalizeName, roleProblem } from '../../src/shared/team';
import { assertLinearEnough, knownHostileTexts, markdownish, pumped } from './support/adversarial';
import { anyText } from './support/storedArbitraries';

const segment = fc.stringMatching(/^[^\\/]{1,12}$/);

/** Every pure function in src/shared that reads free text, on the same input. */
function readEverything(text: string): void {
  normalizeName(text);
  nameProblem(text, []);
  roleProblem(text);
  goalProblem(text, []);
  titleProblem(text);
  talkingPointProblem(text);
  talkingPointAsMarkdown({ id: 't', text, standing: false, addedOn: '2026-11-30', source: { path: text, startLine: 1, endLine: 2 } });
  summarizeSelection(text);
  tagsOf(text);
  primaryStoragePath(text);
  folderHints(text, 'me@example.com');
  restoreCandidates([{ manifest: { workspaceName: 'w', workspacePath: text, storagePath: text, savedAt: 0, people: 1, notes: 0, items: 0 } }], { workspaceName: 'w', workspacePath: '/w', storagePath: '/s' });
}

describe('names, paths, git logs and talking points, for any text', function () {
  // Each long input has its own ceiling (assertLinearEnough); mocha's 2 s is for the whole test.
  this.timeout(30_000);

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(300), markdownish, markdownish.map((text) => `${COMMIT_MARK}me@example.com\n${text}`)), (text) => {
        readEverything(text);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the first window\'s storage folder for any second window\'s, and nothing for a first one', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), segment, fc.nat(99), segment, fc.constantFrom('/', '\\'), (parents, id, n, leaf, sep) => {
        fc.pre(!/-\d+$/.test(id));
        const root = `${sep}${parents.join(sep)}${sep}`;
        assert.equal(primaryStoragePath(`${root}${id}-${n + 1}${sep}${leaf}`), `${root}${id}${sep}${leaf}`);
        assert.equal(primaryStoragePath(`${root}${id}${sep}${leaf}`), undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('names a talking point’s code in one code span that no backtick in the path can end early', () => {
    fc.assert(
      fc.property(anyText(200), fc.integer({ min: 1, max: 9999 }), (path, startLine) => {
        const line = talkingPointAsMarkdown({ id: 't', text: 'Look', standing: false, addedOn: '2026-11-30', source: { path, startLine, endLine: startLine } });
        const span = /^Look \(`([^`]*)`\)$/.exec(line);
        assert.ok(span, JSON.stringify(line));
        assert.ok(span[1]!.endsWith(`:${startLine}`));
      }),
      { numRuns: 300 },
    );
  });

  it('counts each commit once per folder, the lead\'s among all', () => {
    const commit = fc.record({ mine: fc.boolean(), files: fc.array(fc.constantFrom('src/a/x.ts', 'src/a/y.ts', 'src/b/z.ts', 'README.md', 'docs/c/d/e.md'), { minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(commit, { maxLength: 30 }), (commits) => {
        const log = commits.map(({ mine, files }) => `${COMMIT_MARK}${mine ? 'Me@Example.com' : 'other@example.com'}\n\n${files.join('\n')}\n`).join('');
        for (const hint of folderHints(log, 'me@example.com', { depth: 2, minimumMine: 0, minimumShare: 0 })) {
          const touching = commits.filter(({ files }) => files.some((f) => (hint.folder === '(top level)' ? !f.includes('/') : f.startsWith(`${hint.folder}/`))));
          assert.equal(hint.total, touching.length, hint.folder);
          assert.equal(hint.mine, touching.filter((c) => c.mine).length, hint.folder);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads hostile megabytes and pumped text in linear time', () => {
    for (const { text, description } of knownHostileTexts()) {
      assertLinearEnough(`readEverything(${description})`, text.length, () => readEverything(text));
    }
    fc.assert(
      fc.property(pumped(100_000), ({ text, description }) => {
        assertLinearEnough(`readEverything(${description})`, text.length, () => readEverything(text));
      }),
      { numRuns: 10 },
    );
  });
});
