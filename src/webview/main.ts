/** The sidebar's entry point: keeps UI state, talks to the host, renders. */
import { assertNever } from '../shared/assertNever';
import type { HostMessage, Snapshot } from '../shared/protocol';
import * as l10n from '../shared/l10n';
import { FIRST_PAINT_ROWS, PAGE_DATA } from '../shared/pageData';
import { replaceKeepingFocus } from './dom';
import { LazyMarkdown } from './lazyMarkdown';
import { renderPresentingBanner } from './presentingBanner';
import { renderDelegation } from './delegationView';
import { delegationActions, teamActions, todayActions, type SidebarPage } from './sidebarActions';
import { renderPeopleRows, renderTeam, type NotePreview } from './teamView';
import { renderToday } from './todayView';
import { renderStorageState } from './storageStateView';
import { INITIAL_STATE, restoreState, typedPart, type UiState } from './uiState';
import { connect } from './vscodeApi';

// For `npm run bench`, which reads the page's performance timeline: when this script began.
performance.mark('twoHats:script');
// The workbench shows this page at its load event (or 200 ms after it was written): when that came.
window.addEventListener('load', () => performance.mark('twoHats:load'), { once: true });
const vscode = connect<UiState>();
const app = document.getElementById('app')!;
// Every script the page adds must carry the nonce its own script came with (the page's CSP).
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
const markdown = new LazyMarkdown(app.dataset['markdown'], nonce, () => {
  // Only the preview shown as plain text meanwhile is drawn again: focus and selection stay put.
  const body = app.querySelector<HTMLElement>('.note-preview .preview-body');
  if (preview && body) {
    markdown.renderInto(body, preview.markdown);
  }
});
/** After the first frame: a preview asked for later then renders at once, not as plain text first. */
const MARKDOWN_PRELOAD_MS = 1500;
// The host hands over the bundle for VS Code's display language with the page; nothing is drawn before this.
l10n.setTranslator(l10n.bundleTranslator(readBundle(pageData(PAGE_DATA.translations))));

let ui: UiState = restoreState(vscode.getState());
// Re-save what was restored at once, so the workbench holds it for this new document too and a
// reload right after re-opening the view cannot lose a draft.
vscode.setState(ui);
let snapshot: Snapshot | undefined;
let preview: NotePreview | undefined;
let nextRequestId = 1;

function update(next: UiState, render = true): void {
  if (next.form !== ui.form) {
    vscode.postMessage({ type: 'keepDraft', ...(next.form ? { form: typedPart(next.form) } : {}) });
  }
  ui = next;
  vscode.setState(ui);
  if (render) {
    paint();
  }
}

const page: SidebarPage = {
  get ui() {
    return ui;
  },
  get snapshot() {
    return snapshot;
  },
  update,
  post: (message) => vscode.postMessage(message),
  focusSoon,
  closePreview() {
    preview = undefined;
    paint();
  },
  nextRequestId: () => nextRequestId++,
};
const actions = teamActions(page);
const delegation = delegationActions(page);
const today = todayActions(page);

function focusSoon(key: string): void {
  requestAnimationFrame(() => app.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus());
}

/**
 * A long team's first paint shows the rows that fit on screen (FIRST_PAINT_ROWS; a fresh window's
 * first page carries only those, and the host's next snapshot the rest), and the rest after the
 * page has loaded, a few rows per task: building and laying out two hundred rows at once delayed
 * the first sight of the team by a tenth of a second, and then held the page deaf to a click for
 * as long. Rows are only added below those shown, so scrolling and focus never jump; later paints
 * are whole.
 */
const ROWS_PER_STEP = 25;
const GROW_ROWS_AFTER_LOAD_MS = 300;
let painted = false;
let partlyPainted = false;

/** Adds the next rows of a team painted in part, then schedules the step after; a whole paint stops it. */
function growRows(shown: number): void {
  const list = app.querySelector<HTMLElement>('ul.people:not(.archived)');
  if (!partlyPainted || !snapshot || !list) {
    return;
  }
  const { rows, rest } = renderPeopleRows(snapshot, ui, actions, preview, markdown.renderInto, shown, shown + ROWS_PER_STEP);
  list.append(...rows);
  if (rest > 0) {
    setTimeout(() => growRows(shown + ROWS_PER_STEP), 0);
  } else {
    partlyPainted = false;
    list.removeAttribute('aria-busy');
  }
}

/**
 * For `npm run bench`: the first few snapshots and paints, named by what they showed, and the
 * frame each paint reached the screen in. A handful of entries in the page's own timeline.
 */
let earlyMarks = 0;
function markEarly(name: string): void {
  if (snapshot && earlyMarks++ < 12) {
    const shown = `${name}:${snapshot.fromCache ? 'cache' : snapshot.storage.kind}:${snapshot.people.length}`;
    performance.mark(shown);
    if (name === 'twoHats:paint') {
      requestAnimationFrame(() => setTimeout(() => performance.mark(shown.replace('paint', 'frame')), 0));
    }
  }
}

function afterLoad(then: () => void): void {
  if (document.readyState === 'complete') {
    then();
  } else {
    window.addEventListener('load', then, { once: true });
  }
}

function paint(): void {
  if (!snapshot) {
    return;
  }
  // The cached team is shown while the data loads: still busy, and nothing drawn from the data yet.
  app.setAttribute('aria-busy', snapshot.fromCache ? 'true' : 'false');
  const ready = snapshot.storage.kind === 'ready';
  const showDelegation = ready && !snapshot.fromCache;
  // An open form or history may be further down, and takes the focus: those paint whole at once.
  partlyPainted = !painted && !ui.form && !ui.historyOf && snapshot.people.length > FIRST_PAINT_ROWS;
  if (partlyPainted) {
    // For the e2e test of a long team: this page's first paint held the first rows only (the rest
    // come by growRows, or by a whole paint of a newer snapshot if that arrives first).
    performance.mark('twoHats:firstRowsOnly');
    // After the page's load event: the workbench shows the page at that event, and painting every
    // row first held it back (the event waits for the task that paints them). And a moment after
    // it: the rows added are out of sight below, and adding them kept the page busy just as the
    // workbench was showing it (`npm run bench`: 70 to 200 ms from the page's first frame to the
    // outside stopwatch seeing it, against the one-paragraph floor's 40).
    afterLoad(() => setTimeout(() => growRows(FIRST_PAINT_ROWS), GROW_ROWS_AFTER_LOAD_MS));
  }
  if (snapshot.presenting) {
    // A preview opened before presenting began is whole note text: gone with the rest.
    preview = undefined;
  }
  markEarly('twoHats:paint');
  replaceKeepingFocus(app, [
    ...(snapshot.presenting ? [renderPresentingBanner(() => vscode.postMessage({ type: 'stopPresenting' }))] : []),
    renderBody(snapshot, partlyPainted ? FIRST_PAINT_ROWS : undefined),
    ...(showDelegation ? [renderDelegation(snapshot.delegation, ui, delegation)] : []),
    renderToday(snapshot, today),
  ]);
  if (!painted && snapshot.leftOut) {
    // For the e2e test of a long team's reload and `npm run bench`: a fresh window's first page
    // carried the first rows only, and what its first paint showed.
    const rows = app.querySelectorAll('ul.people:not(.archived) > li').length;
    performance.mark('twoHats:firstPageRowsOnly', { detail: { rows, count: app.querySelector('.team .count')?.textContent ?? '' } });
  }
  if (!painted) {
    painted = true;
    resumeDraft();
    // The first frame on screen with the data in it, for `npm run bench`.
    requestAnimationFrame(() => setTimeout(() => performance.mark('firstFrame'), 0));
    setTimeout(() => markdown.load(), MARKDOWN_PRELOAD_MS);
  } else if (resumeDraftWhenShown && snapshot.people.some((person) => person.id === ui.form?.personId)) {
    resumeDraftWhenShown = false;
    resumeDraft();
  }
}

/** A draft's form whose person a first page left out: focused once a paint shows them. */
let resumeDraftWhenShown = false;

/**
 * A form restored after hiding or a reload takes the focus, caret after what was typed, but only
 * once the view has the focus: after a reload the workbench restores the sidebar on its own, and
 * taking the focus then would pull it out of the command palette or an editor mid-keystroke.
 */
function resumeDraft(): void {
  if (!ui.form) {
    return;
  }
  const personId = ui.form.personId;
  if (personId && !snapshot?.people.some((person) => person.id === personId)) {
    resumeDraftWhenShown = true;
    return;
  }
  if (document.hasFocus()) {
    focusDraftInput();
    return;
  }
  window.addEventListener(
    'focus',
    // After the click or command that brought the focus here has put it where it wanted.
    () => setTimeout(() => document.activeElement === document.body && focusDraftInput(), 0),
    { once: true },
  );
}

function focusDraftInput(): void {
  const form = ui.form;
  const input = form && app.querySelector<HTMLInputElement>(form.personId ? `#edit-${CSS.escape(form.personId)}-name` : '#add-name');
  if (input) {
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }
}

function renderBody(current: Snapshot, rowLimit?: number): HTMLElement {
  return current.storage.kind === 'ready'
    ? renderTeam(current, ui, actions, preview, markdown.renderInto, rowLimit)
    : renderStorageState(current.storage, (message) => vscode.postMessage(message));
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'didChangeSnapshot':
      if (sameCachedTeam(snapshot, message.snapshot)) {
        // The host's answer to `ready` while the data loads is the cached team this page already
        // shows: painting 200 rows again kept the page busy just as it was being shown.
        return;
      }
      if (restOfFirstRows(snapshot, message.snapshot)) {
        // The whole cached team the page carried the first rows of: the rest are added below
        // them a few rows per task, as a long team's first paint does, not in one whole paint.
        const shownRows = snapshot!.people.filter((person) => !person.archived).length;
        snapshot = message.snapshot;
        partlyPainted = true;
        growRows(shownRows);
        return;
      }
      snapshot = message.snapshot;
      markEarly('twoHats:snapshot');
      paint();
      return;
    case 'didLoadNotePreview':
      preview = { noteId: message.noteId, title: message.title, markdown: message.markdown };
      paint();
      focusSoon('close-preview');
      return;
    case 'didRestoreDraft':
      // Only when this content came back without it: what is typed here now wins.
      if (!ui.form) {
        update({ ...ui, form: message.form });
        resumeDraft();
      }
      return;
    case 'didDeleteAllData':
      preview = undefined;
      update(INITIAL_STATE);
      return;
    case 'didDeleteDelegationItem':
      update({ ...ui, undoDelete: { itemId: message.itemId, title: message.title } });
      focusSoon('delegation-undo');
      return;
    case 'didCompleteRequest':
      if (ui.form?.pendingRequest !== message.requestId) {
        return;
      }
      if (message.error) {
        update({ ...ui, form: { ...ui.form, pendingRequest: undefined, error: message.error } });
      } else {
        // The draft is dropped only now that the host has saved it: nothing typed is lost.
        const wasAdding = ui.form.personId === undefined;
        update({ ...ui, form: undefined });
        focusSoon(wasAdding ? 'add-person' : `edit-${message.personId ?? ''}`);
      }
      return;
    default:
      assertNever(message);
  }
});

function sayReady(): void {
  vscode.postMessage({ type: 'ready', ...(ui.historyOf ? { historyOf: ui.historyOf } : {}) });
}

/**
 * The host posts a snapshot as this content opens, but in a fresh window a post made before this
 * script ran is dropped, and the host takes that post as its answer to `ready`: `npm run bench`
 * saw the sidebar wait the whole retry, two seconds, for its first paint. So ask again soon, then
 * less often; each ask that finds the host's answer already on its way costs one snapshot.
 */
const READY_RETRIES_MS = [250, 500, 1000, 2000];

function sayReadyUntilAnswered(attempt = 0): void {
  sayReady();
  const delay = READY_RETRIES_MS[attempt];
  if (delay !== undefined) {
    setTimeout(() => snapshot === undefined && sayReadyUntilAnswered(attempt + 1), delay);
  }
}

// A fresh window's cached team comes in the page: painted now, before any message arrives.
snapshot = readOpeningSnapshot(pageData(PAGE_DATA.openingSnapshot));
if (snapshot) {
  // For the e2e test of a reload and for `npm run bench`: this page painted the team it carried.
  performance.mark('twoHats:paintedFromPage');
  markEarly('twoHats:snapshot');
  paint();
  // The host loads Two Hats' core when it hears from this page (FirstPage.whenPainted): with the
  // team already painted, it hears once that paint is on screen, not while it is being drawn.
  requestAnimationFrame(() => setTimeout(sayReadyUntilAnswered, 0));
} else {
  sayReadyUntilAnswered();
}

function sameCachedTeam(shown: Snapshot | undefined, next: Snapshot): boolean {
  return shown?.fromCache === true && next.fromCache === true && JSON.stringify(shown) === JSON.stringify(next);
}

/**
 * Whether `next` is the cached team whose first rows `shown` holds (a first page's), and nothing
 * else changed. Not while a form, a history or the archived list is open: those paint whole.
 */
function restOfFirstRows(shown: Snapshot | undefined, next: Snapshot): boolean {
  if (!shown?.leftOut || shown.fromCache !== true || next.fromCache !== true || next.leftOut || ui.form || ui.historyOf || ui.showArchived) {
    return false;
  }
  const { people: shownPeople, leftOut, ...shownRest } = shown;
  const { people: nextPeople, ...nextRest } = next;
  return (
    nextPeople.length === shownPeople.length + leftOut.active + leftOut.archived &&
    JSON.stringify(shownRest) === JSON.stringify(nextRest) &&
    JSON.stringify(shownPeople) === JSON.stringify(nextPeople.slice(0, shownPeople.length))
  );
}

/** The text of one of the page's data blocks (JSON the host put in the page, never run). */
function pageData(id: string): string | undefined {
  return document.getElementById(id)?.textContent ?? undefined;
}

/** The snapshot the host put in the page, if any; only a cached team's is, and it is never run. */
function readOpeningSnapshot(json: string | undefined): Snapshot | undefined {
  try {
    const parsed: unknown = json ? JSON.parse(json) : undefined;
    return typeof parsed === 'object' && parsed !== null && (parsed as Snapshot).fromCache === true ? (parsed as Snapshot) : undefined;
  } catch {
    return undefined;
  }
}

/** The page's translations (message → translation); English when absent or unreadable. */
function readBundle(json: string | undefined): Record<string, string> | undefined {
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}
