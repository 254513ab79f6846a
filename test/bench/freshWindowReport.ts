/** Prints the fresh-window figures: the outside stopwatch, its floor, and Two Hats' steps between. */
import type { Opening } from './freshWindow';

export interface FreshWindow {
  readonly order: readonly string[];
  readonly ours: Opening;
  readonly floor: Opening;
  /** Two Hats' own marks in the extension host, epoch milliseconds, first of each name. */
  readonly host: ReadonlyMap<string, number>;
  /** The floor's marks of the same host steps (activate, sidebar.resolve, sidebar.resolved). */
  readonly floorHost: ReadonlyMap<string, number>;
}

/** The middle value; of an even count (the windows are), the mean of the two middle ones. */
function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return NaN;
  }
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '—');

function figure(name: string, values: readonly number[]): string {
  return `  ${name.padEnd(44)} ${ms(median(values)).padStart(9)}   single windows: ${values.map(ms).join(', ')}`;
}

/** Every moment of one view's opening in one window, in milliseconds after the click on its icon. */
function steps(opening: Opening, host: ReadonlyMap<string, number> = new Map()): Map<string, number> {
  const since = (at: number) => at - opening.clickedAt;
  const result = new Map<string, number>();
  for (const [name, at] of host) {
    result.set(`host     ${name}`, since(at));
  }
  for (const [name, at] of opening.page) {
    result.set(`webview  ${name}`, since(at));
  }
  result.set(`outside  first button visible`, since(opening.firstReadyAt));
  if (opening.usableAt !== opening.firstReadyAt) {
    result.set(`outside  team's first button visible`, since(opening.usableAt));
  }
  return result;
}

export function printFreshWindows(store: string, windows: readonly FreshWindow[], settleMs: number): void {
  const ours = windows.map((w) => w.ours.firstReadyAt - w.ours.clickedAt);
  const usable = windows.map((w) => w.ours.usableAt - w.ours.clickedAt);
  const floor = windows.map((w) => w.floor.firstReadyAt - w.floor.clickedAt);
  console.log(
    `\nClick to painted sidebar, fresh window, ${store}: outside stopwatch (this process's clock, from sending the click on the activity-bar icon\n` +
      `to the element being visible, polled every 10 ms), each window reloaded with the Explorer showing, clicked ${settleMs / 1000} s after the workbench showed and once the machine was quiet;\n` +
      `medians of ${windows.length} windows after a warm-up window, order alternated (${windows.map((w) => w.order.join(' then ')).join('; ')}):\n`,
  );
  console.log(figure('Two Hats, first button', ours));
  console.log(`    first button said: ${[...new Set(windows.map((w) => JSON.stringify(w.ours.firstButton)))].join(' / ')}`);
  console.log(figure("Two Hats, the team's first button", usable));
  console.log(figure('one-paragraph webview, #floor-ready', floor));
  const percent = (share: number) => (Number.isFinite(share) ? `${Math.round(share * 100)}%` : '—');
  console.log(
    `  before each click, the share of the cores busy, then the wait for a quiet machine (≤ 25% over 250 ms):\n` +
      `    Two Hats: ${windows.map((w) => `${percent(w.ours.quiet.busyBefore)} ${w.ours.quiet.waitedMs.toFixed(0)} ms`).join(', ')}\n` +
      `    floor:    ${windows.map((w) => `${percent(w.floor.quiet.busyBefore)} ${w.floor.quiet.waitedMs.toFixed(0)} ms`).join(', ')}`,
  );
  console.log(`  ratio, first button:        ${(median(ours) / median(floor)).toFixed(2)}×   (target ≤ 1.3×)`);
  console.log(`  ratio, team's first button: ${(median(usable) / median(floor)).toFixed(2)}×`);
  // Both clicks of a window share its conditions (the machine, the new extension host): the
  // median of the windows' own ratios leaves out what moved a whole window.
  const paired = windows.map((w) => (w.ours.firstReadyAt - w.ours.clickedAt) / (w.floor.firstReadyAt - w.floor.clickedAt));
  console.log(`  median of each window's own ratio, first button: ${median(paired).toFixed(2)}×   (single windows: ${paired.map((r) => r.toFixed(2)).join(', ')})`);
  // The first click of a window also waits for the extension host to start, so the two
  // positions are shown apart; the second click compares the views themselves.
  const position = (first: boolean, label: string, opening: (w: FreshWindow) => Opening, at: (o: Opening) => number = (o) => o.firstReadyAt) =>
    median(windows.filter((w) => (w.order[0] === label) === first).map((w) => at(opening(w)) - opening(w).clickedAt));
  for (const first of [true, false]) {
    const oursThere = position(first, 'Two Hats', (w) => w.ours);
    const floorThere = position(first, 'Floor', (w) => w.floor);
    const teamThere = position(first, 'Two Hats', (w) => w.ours, (o) => o.usableAt);
    console.log(
      `  clicked ${first ? 'first' : 'second'} in its window: Two Hats ${ms(oursThere)} (team's first button ${ms(teamThere)}), floor ${ms(floorThere)}: ` +
        `${(oursThere / floorThere).toFixed(2)}× (team ${(teamThere / floorThere).toFixed(2)}×)`,
    );
  }

  const perWindow = windows.map((w) => steps(w.ours, w.host));
  // The floor's webview goes through the same steps of the workbench (its frame, the content
  // message, the inner document), and its host marks the same moments (activation, the view's
  // resolve, its page set): side by side, the step where Two Hats falls behind shows.
  const floorSteps = windows.map((w) => steps(w.floor, w.floorHost));
  const names = [...new Set(perWindow.flatMap((s) => [...s.keys()]))];
  const rows = names
    .map((name) => ({ name, values: perWindow.map((s) => s.get(name) ?? NaN), floor: median(floorSteps.map((s) => s.get(name) ?? NaN)) }))
    .map((row) => ({ ...row, median: median(row.values) }));
  rows.sort((a, b) => a.median - b.median);
  console.log(`\n  Where Two Hats' time went: milliseconds after the click, medians and single windows; "+" is the gap from the row above; "floor" the same step of the one-paragraph webview.\n`);
  const width = Math.max(...rows.map((r) => r.name.length));
  let previous = 0;
  for (const row of rows) {
    const gap = Number.isFinite(row.median) ? `+${(row.median - previous).toFixed(0)}` : '';
    const floor = Number.isFinite(row.floor) ? `floor ${row.floor.toFixed(0)}` : '';
    console.log(`    ${row.name.padEnd(width)}  ${row.median.toFixed(0).padStart(6)}  ${gap.padStart(6)}  ${floor.padStart(10)}   ${row.values.map((v) => (Number.isFinite(v) ? v.toFixed(0) : '—')).join(', ')}`);
    if (Number.isFinite(row.median)) {
      previous = row.median;
    }
  }
}
