import * as assert from 'node:assert/strict';
import { balanceLabel, balanceOfNote, tagsOf } from '../../src/shared/principles/balance';

describe('the balance between the two hats', () => {
  it('counts tagged list items in a note, ignoring prose and headings', () => {
    const note = [
      '# Plan #management',
      'We talked about #leadership in general.',
      '- [ ] Write the vision memo #leadership',
      '- [x] Fix the on-call rota #management',
      '- [ ] Book the offsite #lead #manage',
      '- Talk about the reorg #Leadership',
      '- [ ] Untagged item',
    ].join('\n');
    assert.deepEqual(balanceOfNote(note), { leadership: 3, management: 2 });
  });

  it('does not count tags inside other words', () => {
    assert.deepEqual(tagsOf('email#leadership and #leadershipy'), { leadership: 0, management: 0 });
  });

  it('describes the balance, or how to start one', () => {
    assert.equal(balanceLabel({ leadership: 1, management: 3 }), '1 leadership · 3 management (25% leading)');
    assert.match(balanceLabel({ leadership: 0, management: 0 }), /Tag action items/);
  });
});

describe('the week’s balance in the sidebar', () => {
  it('counts notes from the last seven days and queued talking points of active people', async () => {
    const { weekBalance } = await import('../../src/host/sidebar/snapshot');
    const notes = [
      { date: '2026-11-22', hatTags: { leadership: 1, management: 0 } },
      { date: '2026-11-16', hatTags: { leadership: 0, management: 2 } },
      { date: '2026-11-15', hatTags: { leadership: 5, management: 5 } },
      { date: '2026-11-20' },
    ];
    const people = [
      { id: 'a', name: 'A', role: '', cadence: 'weekly' as const, archived: false, addedOn: '2026-01-01', talkingPoints: [{ id: 't', text: 'Vision #lead', standing: false, addedOn: '2026-11-21' }] },
      { id: 'b', name: 'B', role: '', cadence: 'weekly' as const, archived: true, addedOn: '2026-01-01', talkingPoints: [{ id: 'u', text: 'Budget #manage', standing: false, addedOn: '2026-11-21' }] },
    ];
    assert.deepEqual(weekBalance(notes, people, '2026-11-22'), { leadership: 2, management: 2 });
  });
});
