import * as assert from 'node:assert/strict';
import { noteAsTemplate, ownTemplateId, templateFileNameProblem, unknownVariables } from '../../src/shared/oneOnOnes/ownTemplates';

describe('own templates', () => {
  it('names a template by its file, stably and safely', () => {
    assert.equal(ownTemplateId('Quarterly review.md'), 'own-quarterly-review');
    assert.equal(ownTemplateId('Café – skip level!.md'), 'own-cafe-skip-level');
    assert.equal(ownTemplateId('---.md'), undefined);
    assert.equal(ownTemplateId(`${'x'.repeat(100)}.md`)?.length, 64);
  });

  it('lists the variables Two Hats does not fill, once each', () => {
    assert.deepEqual(unknownVariables('{{person}} {{mystery}} {{ mystery }} {{goals}} {{Person}}'), ['mystery', 'Person']);
    assert.deepEqual(unknownVariables('no variables'), []);
  });

  it('turns a note into a template without the private section, the name or the scores', () => {
    const note = [
      '# 1:1 with Ada Lovelace · 2026-11-23',
      '',
      'Check-in: 7/10',
      '- Goal: Lead the review — progress: 6/10',
      'Ada Lovelace raised the roadmap.',
      '',
      '## Private notes',
      '',
      'Ada is thinking of leaving.',
      '',
    ].join('\n');
    const template = noteAsTemplate(note, 'Ada Lovelace', '2026-11-23');
    assert.match(template, /^# 1:1 with \{\{person\}\} · \{\{date\}\}/);
    assert.match(template, /Check-in: \/10/);
    assert.match(template, /## Private notes\n/);
    assert.doesNotMatch(template, /leaving|Ada|2026|roadmap|Lead the review/);
  });

  it('keeps the structure and prompts, drops the conversation, and gives carried sections their variable back', () => {
    const note = [
      '# 1:1 with Ada Lovelace · 2026-11-23',
      '',
      '*Weekly check-in*',
      '',
      '## Their topics first',
      '',
      '<!-- Principle: What people feel -->',
      '> What is on your mind this week?',
      'Ada: the migration, and @bob leaving the team',
      '',
      '## Follow-ups',
      '',
      '- [ ] Draft the plan @ada',
      '',
      '## Talking points',
      '',
      '- Conference budget',
      '',
      '## Growth',
      '',
      '- Goal: Speak at the all-hands — progress: 6/10',
      '',
      '## Delegated work',
      '',
      '- Release train (check in)',
      '',
      '## Notes on {{project}}',
      '',
      '| who | said |',
      '| --- | --- |',
      '| Ada | more |',
      '',
      '```',
      'secret config',
      '```',
      '',
      '## Action items',
      '',
      '- [ ] ',
    ].join('\n');
    const template = noteAsTemplate(note, 'Ada Lovelace', '2026-11-23');
    assert.equal(
      template,
      [
        '# 1:1 with {{person}} · {{date}}',
        '',
        '## Their topics first',
        '',
        '<!-- Principle: What people feel -->',
        '',
        '> What is on your mind this week?',
        '',
        '## Follow-ups',
        '',
        '{{openActionItems}}',
        '',
        '## Talking points',
        '',
        '{{talkingPoints}}',
        '',
        '## Growth',
        '',
        '{{goals}}',
        '',
        '## Delegated work',
        '',
        '{{delegationCheckIns}}',
        '',
        '## Notes on {{project}}',
        '',
        '## Action items',
        '',
        '- [ ]',
        '',
        '## Private notes',
        '',
        '<!-- Only you see this section. It is left out when you copy or export the agenda. -->',
        '',
      ].join('\n'),
    );
  });

  it('refuses file names that would escape the folder or say nothing', () => {
    assert.ok(templateFileNameProblem(''));
    assert.ok(templateFileNameProblem('../evil'));
    assert.ok(templateFileNameProblem('.hidden'));
    assert.ok(templateFileNameProblem('a/b'));
    assert.ok(templateFileNameProblem('!!!'));
    assert.equal(templateFileNameProblem('Quarterly review'), undefined);
  });
});
