import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PresentingMode } from '../../src/host/presenting/presentingMode';
import { RepaintHold } from '../../src/host/sidebar/repaintHold';
import { findTemplate, templateAsMarkdown } from '../../src/shared/oneOnOnes/templates';
import type { HostMessage, Snapshot } from '../../src/shared/protocol';
import { startOneOnOne } from '../../src/host/useCases/startOneOnOne';
import { eventually } from './helpers';
import { MemoryMemento, openSidebarOn } from './sidebarOnFolder';

const snapshots = (posted: readonly HostMessage[]): Snapshot[] => posted.flatMap((m) => (m.type === 'didChangeSnapshot' ? [m.snapshot] : []));

/**
 * Starting a 1:1 changes the notes and the team; at 200 people each repaint of the sidebar held
 * up the note's editor (issue #15). The sidebar shows the start, once, after the note is open.
 */
describe('the sidebar while a 1:1 note opens', () => {
  it('repaints once the note is open, with the new last 1:1, and not before', async () => {
    const folder = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-repaint-')));
    const repaints = new RepaintHold();
    const window = await openSidebarOn(folder, { repaints });
    try {
      const added = await window.team.add({ name: 'Ada Repaint', role: 'Compilers', cadence: 'weekly' });
      assert.ok(added.ok);
      await eventually(() => snapshots(window.posted).some((s) => s.people.some((p) => p.name === 'Ada Repaint')), 'the sidebar showing Ada');
      const before = snapshots(window.posted).length;
      const template = findTemplate('weekly')!;
      let postedWhileOpening = -1;
      const started = await repaints.during(async () => {
        const result = await startOneOnOne(
          { team: window.team, notes: window.notes, delegation: window.delegation, memento: new MemoryMemento() },
          { personId: added.person.id, template: { id: template.id, title: template.title, markdown: templateAsMarkdown(template, () => undefined) } },
        );
        assert.ok(result.ok);
        // The note's editor opening: long enough for the sidebar's repaint (30 ms) to have come.
        await new Promise((resolve) => setTimeout(resolve, 300));
        postedWhileOpening = snapshots(window.posted).length - before;
        return result;
      });
      assert.equal(postedWhileOpening, 0, 'nothing repainted while the note opened');
      const shown = await eventually(
        () => snapshots(window.posted).slice(before).find((s) => s.people.find((p) => p.name === 'Ada Repaint')?.lastNote?.id === started.noteId),
        'the sidebar showing the new last 1:1',
      );
      assert.ok(shown);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(snapshots(window.posted).length - before, 1, 'one repaint for the note and the team together');
    } finally {
      window.close();
    }
  });

  it('repaints for presenting at once when it starts while a note opens: that repaint is never held', async () => {
    const folder = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-repaint-')));
    // Held far longer than the test waits: only a repaint that is never held can show.
    const repaints = new RepaintHold(120_000);
    const presenting = new PresentingMode(new MemoryMemento());
    const window = await openSidebarOn(folder, { repaints, presenting });
    try {
      assert.ok((await window.team.add({ name: 'Shown Shirley', role: 'Search', cadence: 'weekly' })).ok);
      await eventually(() => snapshots(window.posted).some((s) => s.people.some((p) => p.name === 'Shown Shirley')), 'the sidebar showing Shirley');
      const before = snapshots(window.posted).length;
      let presentingPainted: Snapshot | undefined;
      await repaints.during(async () => {
        // A note opening (held repaints), and the lead starts presenting meanwhile.
        await presenting.set(true);
        presentingPainted = await eventually(() => snapshots(window.posted).slice(before).find((s) => s.presenting), 'the presenting repaint, while the hold lasts');
      });
      assert.equal(presentingPainted!.presenting, true, 'filtered for the shared screen before the note showed');
    } finally {
      window.close();
      presenting.dispose();
    }
  });
});
