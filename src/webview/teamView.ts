/** Renders the team section: the list, the add and edit form, the archive, the empty state. */
import type { OpenItemView, PersonView, Snapshot } from '../shared/protocol';
import { CADENCE_LABELS } from '../shared/team';
import { sparkline } from '../shared/oneOnOnes/checkIns';
import * as l10n from '../shared/l10n';
import { button, codiconClass, h, icon } from './dom';
import { renderPersonForm, type PersonFormActions } from './personForm';
import type { PersonForm, UiState } from './uiState';

export interface TeamActions extends PersonFormActions {
  startAdding(): void;
  startEditing(person: PersonView): void;
  setArchived(person: PersonView, archived: boolean): void;
  toggleArchived(): void;
  undoArchive(personId: string): void;
  undoDiscard(form: PersonForm): void;
  dismissNotice(): void;
  startOneOnOne(person: PersonView): void;
  prepareOneOnOne(person: PersonView): void;
  queueTalkingPoint(person: PersonView): void;
  addGoal(person: PersonView): void;
  markGoalReached(person: PersonView, goalId: string): void;
  openNote(noteId: string): void;
  tickItem(item: OpenItemView, done: boolean): void;
  toggleHistory(person: PersonView): void;
  previewNote(noteId: string): void;
  closePreview(): void;
}

/** A note being previewed in the sidebar, rendered by `renderPreview`. */
export interface NotePreview {
  readonly noteId: string;
  readonly title: string;
  readonly markdown: string;
}

export function renderTeam(
  snapshot: Snapshot,
  ui: UiState,
  actions: TeamActions,
  preview: NotePreview | undefined,
  renderPreview: (container: HTMLElement, markdown: string) => void,
  rowLimit = Number.POSITIVE_INFINITY,
): HTMLElement {
  const context: RowContext = { ui, actions, preview, renderPreview };
  const active = snapshot.people.filter((p) => !p.archived);
  const archived = snapshot.people.filter((p) => p.archived);
  // A fresh window's first page carries the first rows only: the counts are the whole team's.
  const activeCount = active.length + (snapshot.leftOut?.active ?? 0);
  const archivedCount = archived.length + (snapshot.leftOut?.archived ?? 0);
  const addingNew = ui.form !== undefined && ui.form.personId === undefined;

  const header = h(
    'header',
    { class: 'section-header' },
    h('h2', { id: 'team-heading' }, l10n.t('Team')),
    h('span', { class: 'count' }, activeCount === 1 ? l10n.t('1 person') : l10n.t('{0} people', activeCount)),
  );
  if (activeCount > 0 || archivedCount > 0) {
    const add = button(l10n.t('Add person'), 'person-add', actions.startAdding, { 'data-focus-key': 'add-person', class: 'icon-button' });
    header.append(add);
  }

  const section = h('section', { class: 'team', 'aria-labelledby': 'team-heading' }, header);
  if (ui.notice) {
    section.append(renderNotice(ui, actions));
  }
  if (addingNew && ui.form) {
    section.append(renderPersonForm(ui.form, actions));
  }
  if (activeCount === 0 && !addingNew) {
    section.append(
      h(
        'div',
        { class: 'empty-state' },
        h('p', {}, l10n.t('Add the people who report to you, and Two Hats will keep their 1:1s on track.')),
        button(l10n.t('Add Person'), 'person-add', actions.startAdding, { class: 'primary', 'data-focus-key': 'add-person' }, true),
      ),
    );
  }
  if (active.length > 0) {
    section.append(
      h(
        'ul',
        {
          class: 'people',
          'aria-label': l10n.t('People who report to you'),
          'aria-busy': active.length > rowLimit || activeCount > active.length ? 'true' : undefined,
        },
        ...active.slice(0, rowLimit).map((p) => renderPerson(p, context)),
      ),
    );
  }
  if (archivedCount > 0) {
    section.append(
      button(
        ui.showArchived ? l10n.t('Hide archived ({0})', archivedCount) : l10n.t('Show archived ({0})', archivedCount),
        ui.showArchived ? 'chevron-down' : 'chevron-right',
        actions.toggleArchived,
        { class: 'link-button', 'aria-expanded': ui.showArchived ? 'true' : 'false', 'data-focus-key': 'toggle-archived' },
        true,
      ),
    );
    if (ui.showArchived && archived.length > 0) {
      section.append(
        h('ul', { class: 'people archived', 'aria-label': l10n.t('Archived people') }, ...archived.map((p) => renderPerson(p, context))),
      );
    }
  }
  return section;
}

/**
 * The rows of active people from `from` up to `to`, as `renderTeam` builds them: for a list
 * painted in part, grown a few rows at a time (main.ts).
 */
export function renderPeopleRows(
  snapshot: Snapshot,
  ui: UiState,
  actions: TeamActions,
  preview: NotePreview | undefined,
  renderPreview: (container: HTMLElement, markdown: string) => void,
  from: number,
  to: number,
): { rows: HTMLElement[]; rest: number } {
  const active = snapshot.people.filter((p) => !p.archived);
  return { rows: active.slice(from, to).map((p) => renderPerson(p, { ui, actions, preview, renderPreview })), rest: Math.max(0, active.length - to) };
}

interface RowContext {
  readonly ui: UiState;
  readonly actions: TeamActions;
  readonly preview: NotePreview | undefined;
  readonly renderPreview: (container: HTMLElement, markdown: string) => void;
}

function renderPerson(person: PersonView, context: RowContext): HTMLElement {
  const { ui, actions } = context;
  if (ui.form?.personId === person.id) {
    return h('li', { class: 'person editing' }, renderPersonForm(ui.form, actions, person));
  }
  const meta = person.archived
    ? h('span', { class: 'person-meta' }, l10n.t('Archived'))
    : h(
        'span',
        { class: `person-meta${person.overdue ? ' overdue' : ''}`, title: l10n.t('Due {0}', person.dueOn) },
        icon(person.overdue ? 'warning' : 'calendar'),
        `${CADENCE_LABELS[person.cadence]} · ${person.dueLabel}`,
      );
  const buttons = person.archived
    ? [button(l10n.t('Unarchive {0}', person.name), 'discard', () => actions.setArchived(person, false), { 'data-focus-key': `unarchive-${person.id}`, class: 'icon-button' })]
    : [
        button(l10n.t('Prepare for 1:1 with {0}', person.name), 'checklist', () => actions.prepareOneOnOne(person), { 'data-focus-key': `prepare-${person.id}`, class: 'icon-button' }),
        button(l10n.t('Start 1:1 with {0}', person.name), 'comment-discussion', () => actions.startOneOnOne(person), { 'data-focus-key': `start-${person.id}`, class: 'icon-button' }),
        button(l10n.t('Queue a talking point for {0}', person.name), 'add', () => actions.queueTalkingPoint(person), { 'data-focus-key': `queue-${person.id}`, class: 'icon-button' }),
        button(l10n.t('Add a growth goal for {0}', person.name), 'target', () => actions.addGoal(person), { 'data-focus-key': `goal-${person.id}`, class: 'icon-button' }),
        button(l10n.t('Edit {0}', person.name), 'edit', () => actions.startEditing(person), { 'data-focus-key': `edit-${person.id}`, class: 'icon-button' }),
        button(l10n.t('Archive {0}', person.name), 'archive', () => actions.setArchived(person, true), { 'data-focus-key': `archive-${person.id}`, class: 'icon-button' }),
      ];
  return h(
    'li',
    { class: `person${person.overdue ? ' is-overdue' : ''}`, 'data-person-id': person.id },
    h(
      'div',
      { class: 'person-text' },
      h('span', { class: 'person-name' }, person.name),
      person.role ? h('span', { class: 'person-role' }, person.role) : null,
      meta,
      person.archived ? null : renderMood(person),
      person.archived ? null : renderGoals(person, actions),
      person.archived ? null : renderTalkingPoints(person),
      person.archived ? null : renderOpenItems(person, actions),
      person.lastNote && !person.archived ? renderLastNote(person.lastNote, actions) : null,
      person.historyCount > 0 && !person.archived ? renderHistory(person, context) : null,
    ),
    h('div', { class: 'person-actions' }, ...buttons),
  );
}

function renderOpenItems(person: PersonView, actions: TeamActions): HTMLElement | null {
  if (person.openItems.length === 0) {
    return null;
  }
  return h(
    'ul',
    { class: 'open-items', 'aria-label': l10n.t('Open action items for {0}', person.name) },
    ...person.openItems.map((item) => {
      const id = `item-${item.noteId}-${item.line}`;
      const checkbox = h('input', { type: 'checkbox', id, 'data-focus-key': id });
      checkbox.addEventListener('change', () => actions.tickItem(item, checkbox.checked));
      // A private item is still the lead's own to-do; the lock says it stays out of the shared agenda.
      const lock = item.private ? h('span', { class: `${codiconClass('lock')} private-item`, role: 'img', 'aria-label': l10n.t('private'), title: l10n.t('Private: stays out of the shared agenda') }) : null;
      return h('li', item.private ? { class: 'private' } : {}, checkbox, h('label', { for: id }, item.text, lock ? ' ' : '', lock));
    }),
  );
}

function renderMood(person: PersonView): HTMLElement | null {
  const scores = person.moodTrend;
  if (scores.length === 0) {
    return null;
  }
  return h(
    'div',
    { class: 'trend', role: 'img', 'aria-label': scores.length === 1 ? l10n.t('Check-in over the last 1:1: {0} out of 10', scores.join(', ')) : l10n.t('Check-in over the last {0} 1:1s: {1} out of 10', scores.length, scores.join(', ')) },
    icon('pulse'),
    h('span', { 'aria-hidden': 'true' }, l10n.t('Feeling {0} {1}/10', sparkline(scores), scores.at(-1) ?? '')),
  );
}

function renderGoals(person: PersonView, actions: TeamActions): HTMLElement | null {
  const goals = person.goalViews.filter((goal) => !goal.reachedOn);
  const reached = person.goalViews.filter((goal) => goal.reachedOn).slice(-2);
  if (goals.length === 0 && reached.length === 0) {
    return null;
  }
  return h(
    'ul',
    { class: 'goals', 'aria-label': l10n.t('Growth goals for {0}', person.name) },
    ...goals.map((goal) =>
      h(
        'li',
        {},
        icon('target'),
        h('span', { class: 'goal-text' }, goal.text),
        goal.trend.length > 0
          ? h('span', { class: 'goal-trend', role: 'img', 'aria-label': l10n.t('progress {0} out of 10', goal.trend.join(', ')) }, `${sparkline(goal.trend)} ${goal.trend.at(-1)}/10`)
          : h('span', { class: 'goal-trend' }, l10n.t('not scored yet')),
        button(l10n.t('Mark “{0}” reached', goal.text), 'pass', () => actions.markGoalReached(person, goal.id), { class: 'icon-button', 'data-focus-key': `reached-${goal.id}` }),
      ),
    ),
    ...reached.map((goal) => h('li', { class: 'reached' }, icon('pass-filled'), h('span', { class: 'goal-text' }, l10n.t('{0} (reached {1})', goal.text, goal.reachedOn ?? '')))),
  );
}

function renderTalkingPoints(person: PersonView): HTMLElement | null {
  const points = person.talkingPoints;
  if (points.length === 0) {
    return null;
  }
  return h(
    'ul',
    { class: 'talking-points', 'aria-label': l10n.t('Talking points queued for {0}', person.name) },
    ...points.map((point) =>
      h('li', {}, icon(point.fromCode ? 'code' : 'comment'), h('span', {}, point.text), point.standing ? h('span', { class: 'standing' }, l10n.t('every 1:1')) : null),
    ),
  );
}

function renderHistory(person: PersonView, context: RowContext): HTMLElement {
  const open = context.ui.historyOf === person.id;
  const toggle = h(
    'button',
    { type: 'button', class: 'link-button', 'aria-expanded': open ? 'true' : 'false', 'data-focus-key': `history-${person.id}` },
    icon(open ? 'chevron-down' : 'chevron-right'),
    h('span', {}, l10n.t('1:1 history ({0})', person.historyCount)),
  );
  toggle.addEventListener('click', () => context.actions.toggleHistory(person));
  const wrapper = h('div', { class: 'history' }, toggle);
  // The host sends a history once asked for it: a moment after opening, the list arrives.
  const history = person.history;
  if (!open || !history) {
    return wrapper;
  }
  const list = h(
    'ul',
    { class: 'history-list', 'aria-label': l10n.t('1:1 history with {0}', person.name) },
    ...history.map((entry) => {
      const label = [
        entry.date,
        entry.template,
        ...(entry.openItems > 0 ? [l10n.t('{0} open', entry.openItems)] : []),
        ...(entry.mood !== undefined ? [l10n.t('feeling {0}/10', entry.mood)] : []),
      ].join(' · ');
      const openButton = h('button', { type: 'button', class: 'link-button', 'data-focus-key': `open-note-${entry.id}` }, label);
      openButton.addEventListener('click', () => context.actions.openNote(entry.id));
      const previewButton = h(
        'button',
        { type: 'button', class: 'icon-button', 'aria-label': l10n.t('Preview the 1:1 of {0}', entry.date), title: l10n.t('Preview here'), 'data-focus-key': `preview-${entry.id}` },
        icon('eye'),
      );
      previewButton.addEventListener('click', () => context.actions.previewNote(entry.id));
      return h('li', {}, openButton, previewButton);
    }),
  );
  wrapper.append(list);
  const preview = context.preview;
  if (preview && history.some((entry) => entry.id === preview.noteId)) {
    const body = h('div', { class: 'preview-body' });
    context.renderPreview(body, preview.markdown);
    const close = h('button', { type: 'button', class: 'icon-button', 'aria-label': l10n.t('Close the preview'), title: l10n.t('Close the preview'), 'data-focus-key': 'close-preview' }, icon('close'));
    close.addEventListener('click', () => context.actions.closePreview());
    wrapper.append(h('section', { class: 'note-preview', 'aria-label': l10n.t('Preview: {0}', preview.title) }, h('div', { class: 'preview-header' }, h('span', {}, preview.title), close), body));
  }
  return wrapper;
}

function renderLastNote(note: { id: string; label: string }, actions: TeamActions): HTMLElement {
  const open = h('button', { type: 'button', class: 'link-button last-note', 'data-focus-key': `note-${note.id}` }, icon('note'), h('span', {}, note.label));
  open.addEventListener('click', () => actions.openNote(note.id));
  return open;
}

function renderNotice(ui: UiState, actions: TeamActions): HTMLElement {
  const notice = ui.notice!;
  return h(
    'div',
    { class: 'notice', role: 'status' },
    h('span', {}, notice.text),
    notice.undoArchiveOf || notice.undoDiscard
      ? button(
          l10n.t('Undo'),
          undefined,
          () => (notice.undoDiscard ? actions.undoDiscard(notice.undoDiscard) : actions.undoArchive(notice.undoArchiveOf!)),
          { class: 'link-button', 'data-focus-key': 'undo' },
          true,
        )
      : null,
    button(l10n.t('Dismiss'), 'close', actions.dismissNotice, { class: 'icon-button', 'data-focus-key': 'dismiss-notice' }),
  );
}
