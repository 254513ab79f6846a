import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { marked } from 'marked';
import { assign, newItem, recordRelapse } from '../../src/shared/delegation/items';
import * as l10n from '../../src/shared/l10n';
import { composeBrief, inert, ownerIsPerson, type BriefHistoryNote, type BriefInputs } from '../../src/shared/oneOnOnes/brief';
import { noteHighlights } from '../../src/shared/oneOnOnes/lastNoteHighlights';
import type { Person } from '../../src/shared/team';

const ada: Person = {
  id: 'ada',
  name: 'Ada Lovelace',
  role: '',
  cadence: 'weekly',
  archived: false,
  addedOn: '2026-01-01',
  lastOneOnOneOn: '2026-03-02',
  talkingPoints: [
    { id: 't1', text: 'Conference budget', standing: false, addedOn: '2026-03-03' },
    { id: 't2', text: 'How is on-call?', standing: true, addedOn: '2026-01-03' },
  ],
  goals: [{ id: 'g1', text: 'Lead the design review', addedOn: '2026-01-05' }],
};

const LAST_NOTE = [
  '# Ada · 2026-03-02',
  '## Follow-ups',
  '- [ ] Review the RFC draft',
  '- [ ] Book the architecture session @ada',
  '- [x] Done already @ada',
  '> What is on your mind this week?',
  'Check-in: 6/10',
  '- Goal: Lead the design review — progress: 5/10',
  '## Decisions',
  '- Ship the beta behind a flag',
  '## Notes',
  'Decision: Ada owns the on-call rota',
  'Should we split the payments team?',
  '## Private notes',
  '- [ ] Talk to HR about PRIVATE-SENTINEL',
  'Is PRIVATE-QUESTION worth raising?',
  'Decision: PRIVATE-DECISION',
].join('\n');

const history: BriefHistoryNote[] = [
  { date: '2026-03-02', openItems: [{ text: 'Review the RFC draft' }, { text: 'Book the architecture session @ada' }, { text: 'Talk to HR about PRIVATE-SENTINEL' }], mood: 6, goals: [{ goal: 'Lead the design review', score: 5 }] },
  { date: '2026-02-23', openItems: [{ text: 'Review the RFC draft' }], mood: 4, goals: [{ goal: 'lead the design review', score: 3 }] },
  { date: '2026-02-16', openItems: [{ text: 'Review  the RFC draft' }], mood: 7 },
  { date: '2026-02-09', openItems: [] },
];

const inputs = (overrides: Partial<BriefInputs> = {}): BriefInputs => ({ person: ada, today: '2026-03-12', history, lastNoteText: LAST_NOTE, delegation: [], ...overrides });

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n`);
  assert.ok(start >= 0, `no “${heading}” in the brief`);
  const next = markdown.slice(start + heading.length + 1).search(/^#{1,3} /m);
  return next < 0 ? markdown.slice(start) : markdown.slice(start, start + heading.length + 1 + next);
}

describe('the brief before a 1:1', () => {
  it('lists open items both ways, with how long each has been open', () => {
    const brief = composeBrief(inputs());
    assert.match(section(brief, '### Yours'), /Review the RFC draft _\(open 24 days\)_/);
    assert.match(section(brief, '### Ada Lovelace’s'), /Book the architecture session @ada _\(open 10 days\)_/);
    assert.doesNotMatch(brief, /Done already/);
  });

  it('shows private items to the lead, marked, but never among what the new note carries', () => {
    const brief = composeBrief(inputs());
    assert.match(section(brief, '### Yours'), /🔒 \*\*private\*\* · Talk to HR about PRIVATE-SENTINEL/);
    const carried = section(brief, '## What the new note will carry');
    assert.doesNotMatch(carried, /PRIVATE-SENTINEL/);
    assert.match(carried, /- \[ \] Review the RFC draft/);
    assert.match(carried, /1 private item stays in your private notes/);
  });

  it('takes decisions and open questions from the last note’s shareable part only', () => {
    const brief = composeBrief(inputs());
    const from = brief.slice(brief.indexOf('## From the last 1:1 (2026-03-02)'), brief.indexOf('## What the new note will carry'));
    assert.match(from, /- Ship the beta behind a flag/);
    assert.match(from, /- Ada owns the on-call rota/);
    assert.match(from, /- Should we split the payments team\?/);
    assert.doesNotMatch(from, /What is on your mind/, 'template prompts are block quotes, not open questions');
    assert.doesNotMatch(brief, /PRIVATE-(QUESTION|DECISION)/);
  });

  it('shows queued and standing talking points, and how long since the last 1:1 against the cadence', () => {
    const brief = composeBrief(inputs());
    assert.match(section(brief, '## Talking points'), /- Conference budget\n- How is on-call\? _\(standing\)_/);
    assert.match(brief, /Last 1:1 on 2026-03-02, \*\*10 days ago\*\*, against a weekly cadence: 1:1 overdue by 3 days\./);
  });

  it('draws the check-in and goal trends with numbers and a sparkline', () => {
    const brief = composeBrief(inputs());
    assert.match(brief, /- Check-in: 7, 4, 6 \(out of 10, oldest first\) `.{3}`/u);
    assert.match(brief, /- Goal “Lead the design review”: 3, 5 /);
  });

  it('names delegation check-ins due and relapses since the last 1:1', () => {
    const handing = assign(newItem('d1', 'Release go/no-go', '2026-01-01'), 'ada', 2, 4, '2026-02-01');
    const relapsed = recordRelapse(assign(newItem('d2', 'Estimates', '2026-01-01'), 'ada', 3, 4, '2026-01-10'), 'rewrote', '2026-03-05');
    const old = recordRelapse(assign(newItem('d3', 'Old work', '2026-01-01'), 'ada', 3, 4, '2026-01-10'), 'rewrote', '2026-01-20');
    const someoneElse = assign(newItem('d4', 'Not hers', '2026-01-01'), 'grace', 2, 4, '2026-02-01');
    const delegation = section(composeBrief(inputs({ delegation: [handing, relapsed, old, someoneElse] })), '## Delegation');
    assert.match(delegation, /Check in: Release go\/no-go/);
    assert.match(delegation, /Relapse on 2026-03-05 \(Estimates\): I rewrote their work/);
    assert.doesNotMatch(delegation, /2026-01-20/, 'a relapse before the last 1:1 was talked about then');
    assert.doesNotMatch(delegation, /Not hers/);
  });

  it('reads well for someone with no history yet', () => {
    const brief = composeBrief(inputs({ person: { ...ada, lastOneOnOneOn: undefined, talkingPoints: [], goals: [] }, history: [], lastNoteText: undefined }));
    assert.match(brief, /No 1:1 yet \(weekly cadence\); 1:1 overdue by \d+ days\./);
    assert.match(brief, /_Nothing open on your side\._/);
    assert.match(brief, /_No talking points queued\._/);
    assert.match(brief, /_Nothing carries over\._/);
    assert.doesNotMatch(brief, /From the last 1:1/);
  });

  it('says an archived person has no 1:1 due', () => {
    const brief = composeBrief(inputs({ person: { ...ada, archived: true } }));
    assert.match(brief, /Ada Lovelace is archived: no 1:1 is due\./);
    assert.doesNotMatch(brief, /overdue/);
  });

  it('falls back to the index when the last note cannot be read', () => {
    const brief = composeBrief(inputs({ lastNoteText: undefined }));
    assert.match(section(brief, '### Yours'), /Review the RFC draft/);
    assert.match(section(brief, '### Decisions'), /No decisions noted/);
  });

  it('puts an index item’s @owner on their side when the last note cannot be read', () => {
    const brief = composeBrief(inputs({ lastNoteText: undefined }));
    assert.match(section(brief, '### Ada Lovelace’s'), /Book the architecture session @ada/);
    assert.doesNotMatch(section(brief, '### Yours'), /Book the architecture session/);
  });

  it('keeps a private index item out of what the new note carries when the last note cannot be read, but shows it to the lead', () => {
    const withPrivate: BriefHistoryNote[] = [{ ...history[0]!, openItems: [...history[0]!.openItems, { text: 'Raise PRIVATE-INDEXED with HR', private: true }] }, ...history.slice(1)];
    const brief = composeBrief(inputs({ history: withPrivate, lastNoteText: undefined }));
    const carried = section(brief, '## What the new note will carry');
    assert.doesNotMatch(carried, /PRIVATE-INDEXED/);
    assert.match(carried, /- \[ \] Review the RFC draft/);
    assert.match(carried, /1 private item stays in your private notes/);
    assert.match(section(brief, '### Yours'), /🔒 \*\*private\*\* · Raise PRIVATE-INDEXED with HR/);
  });

  it('matches @owner to the person by any of their names', () => {
    assert.ok(ownerIsPerson('ada', 'Ada Lovelace'));
    assert.ok(ownerIsPerson('AdaLovelace', 'Ada Lovelace'));
    assert.ok(ownerIsPerson('ada.lovelace', 'Ada Lovelace'));
    assert.ok(!ownerIsPerson('grace', 'Ada Lovelace'));
  });

  it('ignores code, comments, tasks and template placeholders when looking for decisions and questions', () => {
    const found = noteHighlights('```\nWhy?\n```\n<!-- Is this?\n-->\n- [ ] Who?\n## Open questions\n_None yet._\n- When do we ship\n## Decision log\n1. Keep the monolith\n');
    assert.deepEqual(found, { decisions: ['Keep the monolith'], openQuestions: ['When do we ship'] });
  });

  it('brings no image, link or HTML to life from any text it shows: opening a brief loads nothing (fast-check)', () => {
    const hostile = fc.oneof(
      fc.constantFrom('![](https://tracker.example/pixel.png)', '<img src="https://tracker.example/p">', '[x](https://example.com)', '<https://example.com>', '<script>alert(1)</script>', '![a]', '](', '\\![x](y)', '&lt;img&gt;'),
      fc.string({ maxLength: 40 }),
    );
    const text = fc.array(hostile, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ').replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(text, text, text, (item, point, name) => {
        const person: Person = { ...ada, name: `Ada ${name}`.slice(0, 80), talkingPoints: [{ id: 't', text: point, standing: false, addedOn: '2026-03-03' }], goals: [{ id: 'g', text: point, addedOn: '2026-01-05' }] };
        const note = `## Follow-ups\n- [ ] ${item}\n## Decisions\n- ${item}\n## Notes\n${point}?\n`;
        const brief = composeBrief(inputs({ person, history: [{ date: '2026-03-02', openItems: [{ text: item }] }], lastNoteText: note }));
        const html = marked.parse(brief, { async: false });
        // A bare address may still become a link (only a click opens it); nothing loads by itself.
        assert.doesNotMatch(html, /<img\b|<script\b|<iframe\b|<b>/i, html);
      }),
      { numRuns: 300 },
    );
  });

  it('translates every sentence and heading it writes, so a German brief is not half English', () => {
    // Every message marked, as the pseudo-locale does: a line without the mark is English the translation never reaches.
    l10n.setTranslator((message, args) => `[!! ${l10n.format(message, args)} !!]`);
    try {
      const handing = assign(newItem('d1', 'Release go/no-go', '2026-01-01'), 'ada', 2, 4, '2026-02-01');
      const relapsed = recordRelapse(assign(newItem('d2', 'Estimates', '2026-01-01'), 'ada', 3, 4, '2026-01-10'), 'rewrote', '2026-03-05');
      const person: Person = { ...ada, goals: [...(ada.goals ?? []), { id: 'g2', text: 'Mentor a new hire', addedOn: '2026-02-01' }] };
      const briefs = [
        composeBrief(inputs({ person, delegation: [handing, relapsed] })),
        composeBrief(inputs({ person: { ...ada, lastOneOnOneOn: undefined, talkingPoints: [], goals: [] }, history: [], lastNoteText: undefined })),
        composeBrief(inputs({ person: { ...ada, archived: true }, history: [{ date: '2026-03-11', openItems: [{ text: 'Review the RFC draft' }] }], lastNoteText: undefined })),
      ];
      // The typed text of items, talking points, decisions and questions is the user's own, not ours to translate.
      const usersOwn = /^- (?:\[ \] )?(?:Review the RFC draft|Book the architecture session @ada|Conference budget|How is on-call\?|Ship the beta behind a flag|Ada owns the on-call rota|Should we split the payments team\?)$/;
      for (const brief of briefs) {
        const untranslated = brief.split('\n').filter((line) => line.trim() !== '' && !line.includes('[!!') && !usersOwn.test(line));
        assert.deepEqual(untranslated, [], brief);
      }
    } finally {
      l10n.useBundle(undefined, 'en');
    }
  });

  it('reads in German from the German bundle, a cadence of two words included', () => {
    l10n.useBundle(JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>, 'de');
    try {
      const brief = composeBrief(inputs({ person: { ...ada, cadence: 'biweekly' } }));
      assert.match(brief, /^# Vorbereitung: 1:1 mit Ada Lovelace$/m);
      assert.match(brief, /Letztes 1:1 am 2026-03-02, \*\*vor 10 Tagen\*\*, bei Rhythmus „alle zwei Wochen“/);
      assert.match(brief, /^## Was die neue Notiz übernimmt$/m);
    } finally {
      l10n.useBundle(undefined, 'en');
    }
  });

  it('shows inert text as it was typed', () => {
    const typed = 'Check ![chart](chart.png) <b>now</b> & *later* _maybe_ [link](y) #1 | ~x~ `code`';
    const html = marked.parse(`- ${inert(typed)}`, { async: false });
    const shown = html.replace(/<\/?(?:ul|li|p)>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').trim();
    assert.equal(shown, typed);
  });
});
