import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKLIST } from '../../src/shared/delegation/checklist';
import { folderHints } from '../../src/shared/delegation/gitHints';
import {
  assign,
  checkInAgendaLines,
  checkInHeld,
  checkInsDue,
  matchesFilter,
  newItem,
  progress,
  recordRelapse,
  selfCheck,
  tickStep,
  titleProblem,
  weekOf,
  withLevel,
} from '../../src/shared/delegation/items';
import { LEVEL_INFO, levelLabel } from '../../src/shared/delegation/levels';
import { parseDelegationFile, serializeDelegationFile } from '../../src/shared/delegation/storedDelegation';
import { bottleneckHints } from '../../src/host/delegation/gitHistory';

const today = '2026-11-23';

describe('delegation items', () => {
  it('starts held, moves to handing over when assigned, and books the first check-in by level', () => {
    const item = newItem('i1', '  Release   go/no-go ', today);
    assert.equal(item.title, 'Release go/no-go');
    assert.equal(item.status, 'holding');
    const handed = assign(item, 'p1', 3, 6, today);
    assert.equal(handed.status, 'handingOver');
    assert.equal(handed.ownerId, 'p1');
    assert.equal(handed.level, 3);
    assert.equal(handed.targetLevel, 6);
    assert.equal(handed.nextCheckInOn, '2026-11-30');
    assert.deepEqual(handed.levelHistory, [{ on: today, to: 3 }]);
    assert.equal(assign(newItem('i2', 'x', today), 'p1', 6, 7, today).nextCheckInOn, '2026-12-21');
  });

  it('keeps every level change, and none when the level stays', () => {
    const item = withLevel(withLevel(assign(newItem('i1', 'Estimates', today), 'p1', 2, 5, today), 4, '2026-12-01'), 4, '2026-12-02');
    assert.deepEqual(item.levelHistory, [
      { on: today, to: 2 },
      { on: '2026-12-01', from: 2, to: 4 },
    ]);
  });

  it('ticks steps with notes, keeps the first tick date, unticks, and ignores unknown steps', () => {
    let item = newItem('i1', 'Architecture calls', today);
    item = tickStep(item, 'problem-and-why', true, today, 'Explained at the whiteboard');
    item = tickStep(item, 'problem-and-why', true, '2026-11-24');
    item = tickStep(item, 'done-looks-like', true, today);
    item = tickStep(item, 'no-such-step', true, today);
    assert.deepEqual(progress(item), { done: 2, total: CHECKLIST.length });
    assert.deepEqual(item.steps.find((s) => s.stepId === 'problem-and-why'), { stepId: 'problem-and-why', on: today, note: 'Explained at the whiteboard' });
    item = tickStep(item, 'done-looks-like', false, today);
    assert.deepEqual(progress(item).done, 1);
  });

  it('records relapses honestly: taking it back changes the status, rewriting does not', () => {
    const handed = assign(newItem('i1', 'Reviews', today), 'p1', 5, 7, today);
    const rewrote = recordRelapse(handed, 'rewrote', today);
    assert.equal(rewrote.status, 'handingOver');
    const tookBack = recordRelapse(rewrote, 'tookBack', '2026-11-25');
    assert.equal(tookBack.status, 'takenBack');
    assert.equal(tookBack.relapses.length, 2);
    assert.ok(matchesFilter(tookBack, 'holding'));
    assert.ok(!matchesFilter(tookBack, 'handingOver'));
  });

  it('puts hand-overs in every 1:1 and delegated work only when its check-in is due', () => {
    const handing = assign(newItem('a', 'Hand-over', today), 'p1', 3, 5, today);
    const delegatedLater = { ...assign(newItem('b', 'Later', today), 'p1', 6, 7, today), status: 'delegated' as const };
    const someoneElse = assign(newItem('c', 'Other', today), 'p2', 3, 5, today);
    assert.deepEqual(checkInsDue([handing, delegatedLater, someoneElse], 'p1', today).map((i) => i.id), ['a']);
    assert.deepEqual(checkInsDue([handing, delegatedLater], 'p1', '2026-12-21').map((i) => i.id), ['a', 'b']);
    const held = checkInHeld(delegatedLater, '2026-12-21');
    assert.equal(held.nextCheckInOn, '2027-01-18');
    const lines = checkInAgendaLines([handing], levelLabel);
    assert.match(lines[0]!, /Check in: Hand-over \(level 3 · Consult, aiming for 5 · Advise\)\. Checklist 0\/15/);
  });

  it('sums up the weekly self-check: held versus delegated and the oldest held first', () => {
    const items = [
      newItem('new', 'New one', today),
      newItem('old', 'Only I know billing', '2026-09-01'),
      { ...assign(newItem('d', 'Deploys', today), 'p1', 7, 7, today), status: 'delegated' as const },
      recordRelapse(assign(newItem('t', 'Reviews', '2026-10-01'), 'p1', 4, 6, today), 'tookBack', '2026-11-20'),
    ];
    const check = selfCheck(items, today);
    assert.equal(check.holding, 3);
    assert.equal(check.delegated, 1);
    assert.equal(check.recentRelapses, 1);
    assert.deepEqual(check.oldestHeld.map((i) => [i.id, i.days]), [['old', 83], ['t', 53], ['new', 0]]);
    assert.equal(weekOf('2026-11-29'), '2026-11-23');
    assert.equal(weekOf('2026-11-23'), '2026-11-23');
  });

  it('refuses empty, overlong and control-character titles', () => {
    assert.ok(titleProblem('   '));
    assert.ok(titleProblem('x'.repeat(201)));
    assert.ok(titleProblem('a\u0007b'));
    assert.equal(titleProblem('Incident command'), undefined);
  });

  it('describes all seven levels', () => {
    assert.deepEqual(Object.values(LEVEL_INFO).map((l) => l.name), ['Tell', 'Sell', 'Consult', 'Agree', 'Advise', 'Inquire', 'Delegate']);
  });
});

describe('delegation file', () => {
  it('round-trips, and refuses duplicates, bad levels and future versions', () => {
    const items = [tickStep(assign(newItem('i1', 'Estimates', today), 'p1', 3, 5, today), 'access', true, today, 'repo + dashboards')];
    const parsed = parseDelegationFile(serializeDelegationFile(items));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value, items);
    assert.ok(!parseDelegationFile(serializeDelegationFile([...items, ...items])).ok);
    const badLevel = serializeDelegationFile(items).replace('"level": 3', '"level": 9');
    assert.ok(!parseDelegationFile(badLevel).ok);
    const future = parseDelegationFile('{"schemaVersion": 7, "items": []}');
    assert.ok(!future.ok && future.fromNewerVersion);
  });
});

describe('still-the-bottleneck hints', () => {
  const mark = '\u001e';
  it('names folders where the lead’s own commits dominate, counting a commit once per folder', () => {
    const log = [
      `${mark}lead@example.com\n\nsrc/billing/a.ts\nsrc/billing/b.ts\n`,
      `${mark}lead@example.com\n\nsrc/billing/c.ts\ndocs/x.md\n`,
      `${mark}LEAD@example.com\n\nsrc/billing/a.ts\n`,
      `${mark}other@example.com\n\nsrc/billing/a.ts\nsrc/ui/app.ts\n`,
      `${mark}other@example.com\n\nsrc/ui/app.ts\n`,
    ].join('');
    assert.deepEqual(folderHints(log, 'lead@example.com'), [{ folder: 'src/billing', mine: 3, total: 4, share: 0.75 }]);
  });

  it('reads a real fixture repository with git and points at the lead’s folder only', async function () {
    this.timeout(20_000);
    const repo = mkdtempSync(join(tmpdir(), 'two-hats-git-'));
    const run = (args: string[], email: string) =>
      execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_NAME: 'x', GIT_COMMITTER_EMAIL: email, GIT_COMMITTER_NAME: 'x' } });
    try {
      execFileSync('git', ['init', '-q'], { cwd: repo });
      execFileSync('git', ['config', 'user.email', 'lead@example.com'], { cwd: repo });
      mkdirSync(join(repo, 'services', 'billing'), { recursive: true });
      mkdirSync(join(repo, 'services', 'search'), { recursive: true });
      for (let i = 0; i < 4; i++) {
        writeFileSync(join(repo, 'services', 'billing', `f${i}.ts`), `${i}`);
        run(['add', '.'], 'lead@example.com');
        run(['commit', '-q', '-m', `billing ${i}`], 'lead@example.com');
        writeFileSync(join(repo, 'services', 'search', `f${i}.ts`), `${i}`);
        run(['add', '.'], 'dev@example.com');
        run(['commit', '-q', '-m', `search ${i}`], 'dev@example.com');
      }
      const result = await bottleneckHints(repo);
      assert.ok(result.ok, result.ok ? '' : result.reason);
      assert.equal(result.leadEmail, 'lead@example.com');
      assert.deepEqual(result.hints, [{ folder: 'services/billing', mine: 4, total: 4, share: 1 }]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('says why when the folder is not a repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'two-hats-nogit-'));
    try {
      const result = await bottleneckHints(dir);
      assert.ok(!result.ok);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
