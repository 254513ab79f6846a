import * as assert from 'node:assert/strict';
import { RepaintHold } from '../../src/host/sidebar/repaintHold';

describe('the sidebar held while a 1:1 note opens', () => {
  it('repaints at once when nothing is opening', () => {
    let repaints = 0;
    new RepaintHold().whenFree(() => repaints++);
    assert.equal(repaints, 1);
  });

  it('repaints once, after the note shows, however many changes came meanwhile', async () => {
    const hold = new RepaintHold();
    const repaint = () => events.push('repaint');
    const events: string[] = [];
    await hold.during(async () => {
      hold.whenFree(repaint);
      await Promise.resolve();
      hold.whenFree(repaint);
      events.push('note shown');
    });
    assert.deepEqual(events, ['note shown', 'repaint']);
  });

  it('still repaints when the start fails', async () => {
    const hold = new RepaintHold();
    let repaints = 0;
    await assert.rejects(
      hold.during(() => {
        hold.whenFree(() => repaints++);
        return Promise.reject(new Error('the disk is full'));
      }),
    );
    assert.equal(repaints, 1);
    assert.equal(hold.held, false);
  });

  it('does not keep the sidebar waiting on an editor that never opens', async () => {
    const hold = new RepaintHold(20);
    let repaints = 0;
    let finish = () => undefined as void;
    const stuck = hold.during(() => new Promise<void>((resolve) => (finish = resolve)));
    hold.whenFree(() => repaints++);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(repaints, 1);
    hold.whenFree(() => repaints++);
    assert.equal(repaints, 2, 'once let go, later changes repaint at once');
    finish();
    await stuck;
    assert.equal(repaints, 2);
  });

  it('waits for the last of two starts under way', async () => {
    const hold = new RepaintHold();
    let repaints = 0;
    let finishFirst = () => undefined as void;
    const first = hold.during(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    await hold.during(() => {
      hold.whenFree(() => repaints++);
      return Promise.resolve();
    });
    assert.equal(repaints, 0);
    finishFirst();
    await first;
    assert.equal(repaints, 1);
  });
});
