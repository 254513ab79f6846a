import * as assert from 'node:assert/strict';
import { findPrinciple, PRINCIPLES } from '../../src/shared/principles/catalogue';
import { principleOfTheDay } from '../../src/shared/principles/daily';
import { principleAsMarkdown, promptForNote } from '../../src/shared/principles/format';
import { HAT_DESCRIPTIONS, hatTooltip, otherHat, SITUATIONS } from '../../src/shared/principles/hats';
import { SOURCES, type SourceId } from '../../src/shared/principles/sources';

describe('the principles catalogue', () => {
  it('has at least forty principles with unique ids', () => {
    assert.ok(PRINCIPLES.length >= 40, `only ${PRINCIPLES.length}`);
    const ids = PRINCIPLES.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^[a-z0-9-]+$/);
    }
  });

  it('represents every one of the five texts', () => {
    const used = new Set(PRINCIPLES.map((p) => p.source));
    assert.deepEqual([...used].sort(), (Object.keys(SOURCES) as SourceId[]).sort());
  });

  it('gives every entry a side, a source, a summary, a body and two or three prompts, with no empty field', () => {
    for (const p of PRINCIPLES) {
      assert.ok(['leadership', 'management', 'relationship'].includes(p.side), p.id);
      assert.ok(SOURCES[p.source], p.id);
      for (const field of [p.title, p.summary, p.body, ...p.prompts, ...p.tags]) {
        assert.ok(field.trim().length > 0, `${p.id} has an empty field`);
      }
      assert.ok(p.prompts.length >= 2 && p.prompts.length <= 3, `${p.id} has ${p.prompts.length} prompts`);
      assert.ok(p.tags.length > 0, p.id);
      if (p.quote) {
        assert.ok(p.quote.text.trim() && p.quote.by.trim(), `${p.id}: a quotation needs a named person`);
      }
    }
  });

  it('covers all three sides and all three Kotter pairs', () => {
    assert.deepEqual(new Set(PRINCIPLES.map((p) => p.side)), new Set(['leadership', 'management', 'relationship']));
    assert.deepEqual(new Set(PRINCIPLES.flatMap((p) => (p.pair ? [p.pair] : []))), new Set(['direction', 'alignment', 'motivation']));
  });

  it('points every situation at a principle that exists', () => {
    for (const situation of SITUATIONS) {
      assert.ok(findPrinciple(situation.principleId), `${situation.id} -> ${situation.principleId}`);
    }
    assert.deepEqual(new Set(SITUATIONS.map((s) => s.hat)), new Set(['manager', 'leader']));
  });
});

describe('principle of the day', () => {
  it('is the same all day and changes across days', () => {
    assert.equal(principleOfTheDay('2026-11-22').id, principleOfTheDay('2026-11-22').id);
    const week = new Set(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'].map((d) => principleOfTheDay(d).id));
    assert.ok(week.size >= 5, `only ${week.size} different principles in a week`);
  });

  it('reaches most of the catalogue over a year', () => {
    const seen = new Set<string>();
    for (let day = 0; day < 365; day++) {
      seen.add(principleOfTheDay(new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10)).id);
    }
    assert.ok(seen.size >= PRINCIPLES.length * 0.8, `${seen.size} of ${PRINCIPLES.length}`);
  });
});

describe('principles as text', () => {
  const principle = findPrinciple('targets-upgrade')!;

  it('renders a principle with its prompts, quotation and credit', () => {
    const markdown = principleAsMarkdown(principle);
    assert.match(markdown, /^# Aim beyond the target/);
    assert.match(markdown, /Peter Drucker/);
    assert.match(markdown, /\*\*From:\*\* \*Management vs Leadership\*/);
    for (const prompt of principle.prompts) {
      assert.ok(markdown.includes(prompt.replace(/([\\`*_[\]<>#|])/g, '\\$1')));
    }
  });

  it('credits a prompt inserted into a note', () => {
    assert.equal(
      promptForNote(principle, principle.prompts[0]!),
      'What would we do differently if the goal were ten times bigger? *(Aim beyond the target, after “Management vs Leadership”)*',
    );
  });

  it('describes each hat and switches between them', () => {
    assert.equal(otherHat('manager'), 'leader');
    assert.equal(otherHat('leader'), 'manager');
    assert.match(hatTooltip('leader'), /direction, alignment, motivation, repetition/);
    assert.match(hatTooltip('manager'), /complexity/);
    assert.equal(HAT_DESCRIPTIONS.leader.side, 'leadership');
  });
});
