/**
 * The delegation section: what the lead still holds, who it is going to, the checklist per item,
 * relapses shown plainly, and the weekly self-check. Data comes from the host; only the filter,
 * which item is open and the Undo offer are kept here.
 */
import { matchesFilter, type Filter } from '../shared/delegation/items';
import type { DelegationIntent, DelegationItemView, DelegationView } from '../shared/protocol';
import * as l10n from '../shared/l10n';
import type { Codicon } from './codicons';
import { button, h, icon } from './dom';
import type { UiState } from './uiState';

export interface DelegationActions {
  send(intent: DelegationIntent): void;
  setFilter(filter: Filter): void;
  toggleItem(itemId: string): void;
  dismissUndo(): void;
}

const FILTERS: readonly Filter[] = ['all', 'holding', 'handingOver', 'delegated'];

/** Read at render time, after the translator is installed. */
function filterLabel(filter: Filter): string {
  switch (filter) {
    case 'all':
      return l10n.t('All');
    case 'holding':
      return l10n.t('Holding');
    case 'handingOver':
      return l10n.t('Handing over');
    case 'delegated':
      return l10n.t('Delegated');
  }
}

function nothingShown(filter: Filter): string {
  switch (filter) {
    case 'all':
      return l10n.t('Nothing here is all.');
    case 'holding':
      return l10n.t('Nothing here is holding.');
    case 'handingOver':
      return l10n.t('Nothing here is handing over.');
    case 'delegated':
      return l10n.t('Nothing here is delegated.');
  }
}

const STATUS_ICONS: Record<DelegationItemView['status'], Codicon> = {
  holding: 'circle-large-outline',
  handingOver: 'arrow-right',
  delegated: 'pass',
  takenBack: 'history',
};

export function renderDelegation(view: DelegationView, ui: UiState, actions: DelegationActions): HTMLElement {
  const filter = ui.delegationFilter ?? 'all';
  const header = h(
    'header',
    { class: 'section-header' },
    h('h2', { id: 'delegation-heading' }, l10n.t('Delegation')),
    h('span', { class: 'count' }, l10n.t('{0} held', view.counts.holding)),
    button(l10n.t('Add work you still hold'), 'add', () => actions.send({ kind: 'add' }), { class: 'icon-button', 'data-focus-key': 'delegation-add' }),
    button(l10n.t('Find where you are still the bottleneck (local git history)'), 'git-commit', () => actions.send({ kind: 'findBottlenecks' }), {
      class: 'icon-button',
      'data-focus-key': 'delegation-git',
    }),
  );
  const section = h('section', { class: 'delegation', 'aria-labelledby': 'delegation-heading' }, header);
  if (view.selfCheck) {
    const check = view.selfCheck;
    section.append(
      h(
        'div',
        { class: 'self-check', role: 'note', 'aria-label': l10n.t('Weekly self-check') },
        h('p', {}, h('strong', {}, l10n.t('Weekly self-check.')), ' ', check.sentence, ' ', l10n.t('Which of these could someone else own?')),
        button(l10n.t('Done for this week'), 'check', () => actions.send({ kind: 'selfCheckDone', week: check.week }), { class: 'secondary', 'data-focus-key': 'self-check-done' }, true),
      ),
    );
  }
  if (ui.undoDelete) {
    const undo = ui.undoDelete;
    section.append(
      h(
        'div',
        { class: 'notice', role: 'status' },
        h('span', {}, l10n.t('Deleted “{0}”.', undo.title)),
        button(l10n.t('Undo'), undefined, () => actions.send({ kind: 'restore', itemId: undo.itemId }), { class: 'link-button', 'data-focus-key': 'delegation-undo' }, true),
        button(l10n.t('Dismiss'), 'close', actions.dismissUndo, { class: 'icon-button', 'data-focus-key': 'delegation-dismiss' }),
      ),
    );
  }
  if (view.items.length === 0) {
    section.append(
      h(
        'div',
        { class: 'empty-state' },
        h('p', {}, l10n.t('What technical work do you still do yourself? Reviews, architecture calls, estimates, the system only you know. List it here and hand it over, one piece at a time.')),
        button(l10n.t('Add Work You Still Hold'), 'add', () => actions.send({ kind: 'add' }), { class: 'primary', 'data-focus-key': 'delegation-add-empty' }, true),
      ),
    );
    return section;
  }
  section.append(
    h(
      'div',
      { class: 'filters', role: 'group', 'aria-label': l10n.t('Show') },
      ...FILTERS.map((f) =>
        button(l10n.t('{0} ({1})', filterLabel(f), view.counts[f]), undefined, () => actions.setFilter(f), { class: 'chip', 'aria-pressed': f === filter ? 'true' : 'false', 'data-focus-key': `filter-${f}` }, true),
      ),
    ),
  );
  const shown = view.items.filter((item) => matchesFilter(item, filter));
  if (shown.length === 0) {
    section.append(h('p', { class: 'muted' }, nothingShown(filter)));
    return section;
  }
  const list = h('ul', { class: 'delegation-items', 'aria-label': l10n.t('Delegation items: {0}', filterLabel(filter)) }, ...shown.map((item) => renderItem(item, ui.openDelegationItem === item.id, actions)));
  list.addEventListener('keydown', (event) => moveBetweenTitles(list, event));
  section.append(list);
  return section;
}

/** Up and down arrows move between item titles, so a long list is quick to walk by keyboard. */
function moveBetweenTitles(list: HTMLElement, event: KeyboardEvent): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
    return;
  }
  const titles = [...list.querySelectorAll<HTMLElement>('.item-title')];
  const at = titles.indexOf(document.activeElement as HTMLElement);
  if (at < 0) {
    return;
  }
  event.preventDefault();
  titles[Math.min(titles.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

function renderItem(item: DelegationItemView, open: boolean, actions: DelegationActions): HTMLElement {
  const send = (intent: DelegationIntent) => actions.send(intent);
  const title = h(
    'button',
    { type: 'button', class: 'link-button item-title', 'aria-expanded': open ? 'true' : 'false', 'data-focus-key': `item-${item.id}` },
    icon(open ? 'chevron-down' : 'chevron-right'),
    h('span', {}, item.title),
  );
  title.addEventListener('click', () => actions.toggleItem(item.id));
  const owner = item.ownerName
    ? item.targetLabel
      ? l10n.t('{0} · level {1} → {2}', item.ownerName, item.levelLabel ?? '?', item.targetLabel)
      : l10n.t('{0} · level {1}', item.ownerName, item.levelLabel ?? '?')
    : l10n.t('No owner yet');
  const meta = h(
    'div',
    { class: `item-meta status-${item.status}` },
    icon(STATUS_ICONS[item.status]),
    h('span', {}, l10n.t('{0} · {1} · checklist {2}/{3}', item.statusLabel, owner, item.progress.done, item.progress.total)),
  );
  const details: (HTMLElement | null)[] = [
    item.status === 'holding' || item.status === 'takenBack'
      ? h('div', { class: 'item-detail' }, item.heldDays === 1 ? l10n.t('Held for 1 day') : l10n.t('Held for {0} days', item.heldDays))
      : null,
    item.nextCheckInOn ? h('div', { class: 'item-detail' }, icon('calendar'), l10n.t('Next check-in {0}', item.nextCheckInOn)) : null,
    item.levelTrend.length > 1 ? h('div', { class: 'item-detail' }, l10n.t('Levels so far: {0}', item.levelTrend.join(' → '))) : null,
    item.relapses > 0
      ? h('div', { class: 'item-detail relapse' }, icon('history'), item.relapses === 1
            ? l10n.t('Taken back once; last: {0}. Worth a word in your next 1:1.', item.lastRelapse ?? '')
            : l10n.t('Taken back {0} times; last: {1}. Worth a word in your next 1:1.', item.relapses, item.lastRelapse ?? ''))
      : null,
  ];
  const id = item.id;
  const buttons = h(
    'div',
    { class: 'item-actions' },
    button(item.ownerName ? l10n.t('Change who owns “{0}”', item.title) : l10n.t('Choose who owns “{0}”', item.title), 'person', () => send({ kind: 'assign', itemId: id }), { class: 'icon-button', 'data-focus-key': `assign-${id}` }),
    item.ownerName ? button(l10n.t('Change the delegation level of “{0}”', item.title), 'settings', () => send({ kind: 'changeLevel', itemId: id }), { class: 'icon-button', 'data-focus-key': `level-${id}` }) : null,
    button(l10n.t('Change the status of “{0}”', item.title), 'check', () => send({ kind: 'setStatus', itemId: id }), { class: 'icon-button', 'data-focus-key': `status-${id}` }),
    item.ownerName ? button(l10n.t('I took “{0}” back…', item.title), 'history', () => send({ kind: 'relapse', itemId: id }), { class: 'icon-button', 'data-focus-key': `relapse-${id}` }) : null,
    item.sourceLabel ? button(l10n.t('Open {0}', item.sourceLabel), 'go-to-file', () => send({ kind: 'openSource', itemId: id }), { class: 'icon-button', 'data-focus-key': `source-${id}` }) : null,
    button(l10n.t('Delete “{0}”', item.title), 'trash', () => send({ kind: 'delete', itemId: id }), { class: 'icon-button', 'data-focus-key': `delete-${id}` }),
  );
  return h(
    'li',
    { class: 'delegation-item', 'data-item-id': id },
    h('div', { class: 'item-head' }, title, buttons),
    meta,
    ...details,
    open ? renderChecklist(item, send) : null,
  );
}

function renderChecklist(item: DelegationItemView, send: (intent: DelegationIntent) => void): HTMLElement {
  return h(
    'div',
    { class: 'checklist', role: 'group', 'aria-label': l10n.t('Checklist for {0}', item.title) },
    ...item.phases.map((phase) =>
      h(
        'div',
        { class: 'phase' },
        h('h3', {}, phase.title),
        h(
          'ul',
          {},
          ...phase.steps.map((step) => {
            const checkboxId = `step-${item.id}-${step.id}`;
            const checkbox = h('input', { type: 'checkbox', id: checkboxId, checked: step.done, 'data-focus-key': checkboxId });
            checkbox.addEventListener('change', () => send({ kind: 'tickStep', itemId: item.id, stepId: step.id, done: checkbox.checked }));
            return h(
              'li',
              { class: 'step' },
              checkbox,
              h('label', { for: checkboxId, title: l10n.t('From “{0}”', step.source) }, step.text),
              button(l10n.t('Add a note to “{0}”', step.text), 'note', () => send({ kind: 'noteStep', itemId: item.id, stepId: step.id }), { class: 'icon-button', 'data-focus-key': `note-${checkboxId}` }),
              step.note ? h('p', { class: 'step-note' }, step.note) : null,
            );
          }),
        ),
      ),
    ),
  );
}
