/**
 * Where the first open of the sidebar spends its time, for `npm run bench`: a short list of named
 * moments (milliseconds since the epoch, comparable with the browser's and the benchmark's clocks),
 * kept in memory only and read through the extension's API. Nothing is shown or written.
 *
 * Two bundles mark it (dist/extension.js and dist/core.js each hold a copy of this module), so the
 * list lives on `globalThis` under one key and both copies append to the same one.
 */
import { performance } from 'node:perf_hooks';

export interface StartupMark {
  readonly name: string;
  /** Epoch milliseconds, to a fraction of a millisecond. */
  readonly at: number;
}

/** Only the start matters; later marks are dropped so the list cannot grow with use. */
const MAX_MARKS = 64;
const KEY = Symbol.for('two-hats.startupTimeline');

function marks(): StartupMark[] {
  const holder = globalThis as { [KEY]?: StartupMark[] };
  return (holder[KEY] ??= []);
}

export function markStartup(name: string): void {
  const list = marks();
  if (list.length < MAX_MARKS) {
    list.push({ name, at: performance.timeOrigin + performance.now() });
  }
}

export function startupTimeline(): readonly StartupMark[] {
  return [...marks()];
}
