import * as assert from 'node:assert/strict';
import { parseExportedNote } from '../../src/shared/oneOnOnes/exportFormat';
import { handoverNoteTitle, sealedHandoverTexts } from '../../src/shared/oneOnOnes/sealedHandoverNotes';

const summaryHeader = { id: 's-1', personId: 'p-1', date: '2026-11-30', templateId: 'handover', title: 'Handover from their previous manager', createdAt: 1764460800000 };
const noteHeader = { id: 'n-1', personId: 'p-1', date: '2026-11-23', templateId: 'weekly', title: 'Ryan Old-Surname · 2026-11-23 · Weekly check-in', createdAt: 1763856000000 };
const noteContent = '# 1:1\n\n- [ ] Ship the rollout plan\n\n## Private notes\n\nThinking of leaving.\n';

describe('the sealed handover notes', () => {
  const handover = {
    name: 'Private Ryan',
    role: 'Engineer',
    goals: [{ id: 'g-1', text: 'Lead the incident review', addedOn: '2026-10-01' }],
    notes: [{ date: noteHeader.date, title: handoverNoteTitle(noteHeader.title), content: noteContent }],
    today: '2026-11-30',
  };

  it('keep the summary whole for a person named "Private Ryan": goals and open items reach the next manager', () => {
    const [summary] = sealedHandoverTexts(handover, summaryHeader, [{ header: noteHeader, content: noteContent }]);
    const parsed = parseExportedNote(summary!);
    assert.ok(parsed.ok);
    assert.match(parsed.note.content, /Lead the incident review/);
    assert.match(parsed.note.content, /Ship the rollout plan/);
  });

  it("leave each note's private part out, and carry only the template's part of its title, as the plain handover does", () => {
    const [, note] = sealedHandoverTexts(handover, summaryHeader, [{ header: noteHeader, content: noteContent }]);
    const parsed = parseExportedNote(note!);
    assert.ok(parsed.ok);
    assert.doesNotMatch(note!, /leaving/);
    assert.doesNotMatch(note!, /Old-Surname/);
    assert.equal(parsed.note.header.title, 'Weekly check-in');
    assert.equal(handover.notes[0]!.title, 'Weekly check-in');
  });
});
