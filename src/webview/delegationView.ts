/**
 * The delegation section: what the lead still holds, who it is going to, the checklist per item,
 * relapses shown plainly, and the weekly self-check. Data comes from the host; only the filter,
 * which item is open and the Undo offer are kept here.
 */
import { matchesFilter, type Filter } from '../shared/delegation/items';
import type { DelegationIntent, DelegationItemView, DelegationView } from '../shared/protocol';
import { button, h, icon } from './dom';
import type { UiState } from './uiState';

export interface DelegationActions {
  send(intent: DelegationIntent): void;
  setFilter(filter: Filter): void;
  toggleItem(itemId: string): void;
  dismissUndo(): void;
}

const FILTER_LABELS: Record<Filter, string> = {
  all: 'All',
  holding: 'Holding',
  handingOver: 'Handing over',
  delegated: 'Delegated',
};

const STATUS_ICONS: Record<DelegationItemView['status'], string> = {
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
    h('h2', { id: 'delegation-heading' }, 'Delegation'),
    h('span', { class: 'count' }, `${view.counts.holding} held`),
    button('Add work you still hold', 'add', () => actions.send({ kind: 'add' }), { class: 'icon-button', 'data-focus-key': 'delegation-add' }),
    button('Find where you are still the bottleneck (local git history)', 'git-commit', () => actions.send({ kind: 'findBottlenecks' }), {
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
        { class: 'self-check', role: 'note', 'aria-label': 'Weekly self-check' },
        h('p', {}, h('strong', {}, 'Weekly self-check. '), check.sentence, ' Which of these could someone else own?'),
        button('Done for this week', 'check', () => actions.send({ kind: 'selfCheckDone', week: check.week }), { class: 'secondary', 'data-focus-key': 'self-check-done' }, true),
      ),
    );
  }
  if (ui.undoDelete) {
    const undo = ui.undoDelete;
    section.append(
      h(
        'div',
        { class: 'notice', role: 'status' },
        h('span', {}, `Deleted “${undo.title}”.`),
        button('Undo', undefined, () => actions.send({ kind: 'restore', itemId: undo.itemId }), { class: 'link-button', 'data-focus-key': 'delegation-undo' }, true),
        button('Dismiss', 'close', actions.dismissUndo, { class: 'icon-button', 'data-focus-key': 'delegation-dismiss' }),
      ),
    );
  }
  if (view.items.length === 0) {
    section.append(
      h(
        'div',
        { class: 'empty-state' },
        h('p', {}, 'What technical work do you still do yourself? Reviews, architecture calls, estimates, the system only you know. List it here and hand it over, one piece at a time.'),
        button('Add Work You Still Hold', 'add', () => actions.send({ kind: 'add' }), { class: 'primary', 'data-focus-key': 'delegation-add-empty' }, true),
      ),
    );
    return section;
  }
  section.append(
    h(
      'div',
      { class: 'filters', role: 'group', 'aria-label': 'Show' },
      ...(Object.keys(FILTER_LABELS) as Filter[]).map((f) =>
        button(`${FILTER_LABELS[f]} (${view.counts[f]})`, undefined, () => actions.setFilter(f), { class: 'chip', 'aria-pressed': f === filter ? 'true' : 'false', 'data-focus-key': `filter-${f}` }, true),
      ),
    ),
  );
  const shown = view.items.filter((item) => matchesFilter(item, filter));
  if (shown.length === 0) {
    section.append(h('p', { class: 'muted' }, `Nothing here is ${FILTER_LABELS[filter].toLowerCase()}.`));
    return section;
  }
  const list = h('ul', { class: 'delegation-items', 'aria-label': `Delegation items: ${FILTER_LABELS[filter]}` }, ...shown.map((item) => renderItem(item, ui.openDelegationItem === item.id, actions)));
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
    ? `${item.ownerName} · level ${item.levelLabel ?? '?'}${item.targetLabel ? ` → ${item.targetLabel}` : ''}`
    : 'No owner yet';
  const meta = h(
    'div',
    { class: `item-meta status-${item.status}` },
    icon(STATUS_ICONS[item.status]),
    h('span', {}, `${item.statusLabel} · ${owner} · checklist ${item.progress.done}/${item.progress.total}`),
  );
  const details: (HTMLElement | null)[] = [
    item.status === 'holding' || item.status === 'takenBack'
      ? h('div', { class: 'item-detail' }, `Held for ${item.heldDays === 1 ? '1 day' : `${item.heldDays} days`}`)
      : null,
    item.nextCheckInOn ? h('div', { class: 'item-detail' }, icon('calendar'), `Next check-in ${item.nextCheckInOn}`) : null,
    item.levelTrend.length > 1 ? h('div', { class: 'item-detail' }, `Levels so far: ${item.levelTrend.join(' → ')}`) : null,
    item.relapses > 0
      ? h('div', { class: 'item-detail relapse' }, icon('history'), `Taken back ${item.relapses === 1 ? 'once' : `${item.relapses} times`}; last: ${item.lastRelapse ?? ''}. Worth a word in your next 1:1.`)
      : null,
  ];
  const id = item.id;
  const buttons = h(
    'div',
    { class: 'item-actions' },
    button(item.ownerName ? `Change who owns “${item.title}”` : `Choose who owns “${item.title}”`, 'person', () => send({ kind: 'assign', itemId: id }), { class: 'icon-button', 'data-focus-key': `assign-${id}` }),
    item.ownerName ? button(`Change the delegation level of “${item.title}”`, 'settings', () => send({ kind: 'changeLevel', itemId: id }), { class: 'icon-button', 'data-focus-key': `level-${id}` }) : null,
    button(`Change the status of “${item.title}”`, 'check', () => send({ kind: 'setStatus', itemId: id }), { class: 'icon-button', 'data-focus-key': `status-${id}` }),
    item.ownerName ? button(`I took “${item.title}” back…`, 'history', () => send({ kind: 'relapse', itemId: id }), { class: 'icon-button', 'data-focus-key': `relapse-${id}` }) : null,
    item.sourceLabel ? button(`Open ${item.sourceLabel}`, 'go-to-file', () => send({ kind: 'openSource', itemId: id }), { class: 'icon-button', 'data-focus-key': `source-${id}` }) : null,
    button(`Delete “${item.title}”`, 'trash', () => send({ kind: 'delete', itemId: id }), { class: 'icon-button', 'data-focus-key': `delete-${id}` }),
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
    { class: 'checklist', role: 'group', 'aria-label': `Checklist for ${item.title}` },
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
              h('label', { for: checkboxId, title: `From “${step.source}”` }, step.text),
              button(`Add a note to “${step.text}”`, 'note', () => send({ kind: 'noteStep', itemId: item.id, stepId: step.id }), { class: 'icon-button', 'data-focus-key': `note-${checkboxId}` }),
              step.note ? h('p', { class: 'step-note' }, step.note) : null,
            );
          }),
        ),
      ),
    ),
  );
}
