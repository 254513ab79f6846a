import * as assert from 'node:assert/strict';
import { summarizeSelection, takeForAgenda, talkingPointAsMarkdown, talkingPointProblem, type TalkingPoint } from '../../src/shared/oneOnOnes/talkingPoints';

const plain: TalkingPoint = { id: 'a', text: 'Conference budget', standing: false, addedOn: '2026-11-20' };
const standing: TalkingPoint = { id: 'b', text: 'How is on-call going?', standing: true, addedOn: '2026-11-01' };
const fromCode: TalkingPoint = {
  id: 'c',
  text: 'Retry loop has no back-off',
  standing: false,
  addedOn: '2026-11-21',
  source: { folder: 'repo', path: 'src/net/retry.ts', startLine: 10, endLine: 14, commit: '0123456789abcdef' },
};

describe('talking points', () => {
  it('lands every queued point in the agenda and keeps only standing ones queued', () => {
    const { agenda, remaining } = takeForAgenda([plain, standing, fromCode]);
    assert.deepEqual(agenda.map((p) => p.id), ['a', 'b', 'c']);
    assert.deepEqual(remaining.map((p) => p.id), ['b']);
  });

  it('names the file relative to the workspace folder, with lines and commit', () => {
    assert.equal(talkingPointAsMarkdown(fromCode), 'Retry loop has no back-off (`src/net/retry.ts:10-14` at `0123456`)');
    const outside: TalkingPoint = { ...fromCode, source: { path: 'notes.ts', pathLeftOut: true, startLine: 3, endLine: 3 } };
    assert.equal(talkingPointAsMarkdown(outside), 'Retry loop has no back-off (`notes.ts:3`, outside the workspace, path left out)');
    assert.equal(talkingPointAsMarkdown(standing), 'How is on-call going? _(standing)_');
  });

  it('refuses empty or over-long points with a reason', () => {
    assert.match(talkingPointProblem('  ') ?? '', /Enter/);
    assert.match(talkingPointProblem('x'.repeat(501)) ?? '', /under 500/);
    assert.equal(talkingPointProblem('Fine'), undefined);
  });

  it('summarises a selection by its first non-empty line', () => {
    assert.equal(summarizeSelection('\n   for (;;) {  \n retry(); }'), 'for (;;) {');
    assert.equal(summarizeSelection('y'.repeat(100), 10), 'yyyyyyyyy…');
  });
});
