/**
 * A value built ahead for one later use, while it is still fresh: the sidebar's first page builds
 * the cached team in the idle moment between activation and the workbench's request for the view
 * (firstPage.ts: prepareFirstPage). Pure, no `vscode`.
 */

/**
 * How long a value built ahead may wait for its use. The workbench asks for the view 10 to 30 ms
 * after activation; a view opened later (activation by a command, then the view a minute on)
 * builds its page anew from what is cached then.
 */
export const PREPARED_AHEAD_FRESH_MS = 1000;

export class PreparedAhead<T> {
  private kept: { readonly value: T; readonly at: number; readonly day: string } | undefined;

  /** Keeps `value`, built at `at` (milliseconds on any steady clock) on the local day `day`. */
  put(value: T, at: number, day: string): void {
    this.kept = { value, at, day };
  }

  /**
   * The kept value when it was built less than PREPARED_AHEAD_FRESH_MS before `now` and on the
   * same day (a due label says "today" of the day it was built); the kept value is given once.
   */
  take(now: number, day: string): { readonly value: T } | undefined {
    const kept = this.kept;
    this.kept = undefined;
    return kept && now >= kept.at && now - kept.at < PREPARED_AHEAD_FRESH_MS && kept.day === day ? { value: kept.value } : undefined;
  }
}
