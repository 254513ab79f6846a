import * as assert from 'node:assert/strict';
import { parseActionItems } from '../../src/shared/oneOnOnes/actionItems';
import { composeNote } from '../../src/shared/oneOnOnes/compose';
import { BUILT_IN_TEMPLATES, fillTemplate, findTemplate, shareableAgenda } from '../../src/shared/oneOnOnes/templates';
import { findPrinciple } from '../../src/shared/principles/catalogue';

const principleTitle = (id: string) => findPrinciple(id)?.title;

describe('1:1 templates', () => {
  it('offers at least eight templates, every section tied to a principle that exists', () => {
    assert.ok(BUILT_IN_TEMPLATES.length >= 8);
    assert.equal(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)).size, BUILT_IN_TEMPLATES.length);
    for (const template of BUILT_IN_TEMPLATES) {
      assert.ok(template.moreQuestions.length > 0, template.id);
      for (const section of template.sections) {
        if (section.principleId) {
          assert.ok(findPrinciple(section.principleId), `${template.id}/${section.heading} -> ${section.principleId}`);
        }
      }
    }
  });

  it('fills known variables and leaves unknown ones as written', () => {
    assert.equal(fillTemplate('Hi {{person}}, {{ date }}: {{mystery}}', { person: 'Ada', date: '2026-11-22' }), 'Hi Ada, 2026-11-22: {{mystery}}');
    assert.equal(fillTemplate('{{constructor}} {{__proto__}}', {}), '{{constructor}} {{__proto__}}');
  });

  it('carries last time’s open items and queued talking points into a new note', () => {
    const note = composeNote(findTemplate('weekly')!, {
      person: 'Ada',
      date: '2026-11-22',
      carriedItems: [{ line: 4, text: 'Draft the plan @ada', done: false }],
      talkingPoints: ['Conference budget'],
      principleTitle,
    });
    assert.match(note, /^# 1:1 with Ada · 2026-11-22/);
    assert.match(note, /## Follow-ups\n\n<!-- Principle: Trust is a bank account -->\n\n- \[ \] Draft the plan @ada/);
    assert.match(note, /## Talking points\n\n- Conference budget/);
    assert.deepEqual(parseActionItems(note).map((i) => i.text), ['Draft the plan @ada']);
    assert.doesNotMatch(note, /\{\{/);
  });

  it('says so when nothing carries over', () => {
    const note = composeNote(findTemplate('weekly')!, { person: 'Bo', date: '2026-11-22', carriedItems: [], talkingPoints: [], principleTitle });
    assert.match(note, /_Nothing open from last time\._/);
    assert.match(note, /_No talking points queued\._/);
  });

  it('leaves the private part out of the shareable agenda, to its end marker', () => {
    // Before privacy.ts, `## After` ended the private section; now only an end marker does.
    const note = '# 1:1\n\n## Topics\n- shared\n\n## Private notes\n\nworried about burnout\n\n## After\n- private too\n\n<!-- end private -->\n\n- shared too\n';
    const agenda = shareableAgenda(note);
    assert.doesNotMatch(agenda, /burnout|private too|end private/);
    assert.match(agenda, /shared too/);
  });
});
