/**
 * Holds the sidebar's repaints while a 1:1's note is being opened. Starting a 1:1 changes the
 * notes and the team, and each change repainted the sidebar: at 200 people each repaint built
 * the snapshot and laid out every row, in the browser thread the editor needed to show the note
 * (issue #15: the start took 1.35× to 1.70× as long as on a small store). A repaint asked for
 * meanwhile happens once, when the note shows, or after `maxHoldMs` if it has not by then.
 */

/** Long enough for a slow editor to open, short enough that a stuck one never freezes the sidebar. */
const MAX_HOLD_MS = 3000;

export class RepaintHold {
  private holds = 0;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly maxHoldMs = MAX_HOLD_MS) {}

  get held(): boolean {
    return this.holds > 0;
  }

  /** Runs `task` with repaints held; those asked for meanwhile run once it settles. */
  async during<T>(task: () => Promise<T>): Promise<T> {
    this.holds++;
    let released = false;
    const release = () => {
      if (!released) {
        released = true;
        this.holds--;
        this.runWaiting();
      }
    };
    const timer = setTimeout(release, this.maxHoldMs);
    try {
      return await task();
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  /** Runs `repaint` now, or once when the hold ends (asked for twice meanwhile, it still runs once). */
  whenFree(repaint: () => void): void {
    if (this.held) {
      this.waiting.add(repaint);
    } else {
      repaint();
    }
  }

  private runWaiting(): void {
    if (this.held) {
      return;
    }
    const due = [...this.waiting];
    this.waiting.clear();
    due.forEach((repaint) => repaint());
  }
}
