import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatBytes, IMPORT_MAX_FILES, IMPORT_MAX_NEW_PEOPLE, importProblem, NOTE_MAX_BYTES, sizeProblem } from '../../src/shared/fileLimits';

describe('limits on files Two Hats did not write', () => {
  it('refuses exactly the sizes above the limit, and says how large the file is', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 32 }), (size, limit) => {
        const problem = sizeProblem(size, limit);
        assert.equal(problem !== undefined, size > limit);
        if (problem) {
          assert.ok(problem.includes(formatBytes(size)) && problem.includes(formatBytes(limit)), problem);
        }
      }),
    );
    assert.equal(sizeProblem(NOTE_MAX_BYTES + 1, NOTE_MAX_BYTES), 'it is 8 MB, more than the 8 MB Two Hats reads');
    assert.equal(sizeProblem(9 * 1024 * 1024, NOTE_MAX_BYTES), 'it is 9 MB, more than the 8 MB Two Hats reads');
  });

  it('refuses an import of too many files or too many new people as a whole', () => {
    assert.equal(importProblem({ files: IMPORT_MAX_FILES, newPeople: IMPORT_MAX_NEW_PEOPLE }), undefined);
    assert.match(importProblem({ files: IMPORT_MAX_FILES + 1, newPeople: 0 }) ?? '', /more than 20,000 Markdown files.*Nothing was imported/);
    assert.match(importProblem({ files: 3, newPeople: IMPORT_MAX_NEW_PEOPLE + 1 }) ?? '', /201 people who are not on your team.*Nothing was imported/);
  });
});
