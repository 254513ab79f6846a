/** The top of the sidebar: which hat you are wearing, and the principle of the day. */
import type { PrincipleCard, Snapshot } from '../shared/protocol';
import * as l10n from '../shared/l10n';
import type { Codicon } from './codicons';
import { h, icon } from './dom';

export interface TodayActions {
  switchHat(): void;
  openPrinciple(id: string): void;
}

/** A function, not a table: read at render time, after the translator is installed. */
function hatText(hat: Snapshot['hat']): { label: string; icon: Codicon; focus: string; switchTo: string } {
  return hat === 'leader'
    ? { label: l10n.t('Leader hat'), icon: 'compass', focus: l10n.t('attend to direction, alignment, motivation, repetition'), switchTo: l10n.t('Switch to the manager hat') }
    : { label: l10n.t('Manager hat'), icon: 'checklist', focus: l10n.t('attend to plans, staffing, measures, problems'), switchTo: l10n.t('Switch to the leader hat') };
}

export function renderToday(snapshot: Snapshot, actions: TodayActions): HTMLElement {
  const hat = hatText(snapshot.hat);
  const switchButton = h(
    'button',
    { type: 'button', class: 'icon-button', 'aria-label': hat.switchTo, title: hat.switchTo, 'data-focus-key': 'switch-hat' },
    icon('arrow-swap'),
  );
  switchButton.addEventListener('click', actions.switchHat);
  return h(
    'section',
    { class: 'today', 'aria-labelledby': 'today-heading' },
    h('header', { class: 'section-header' }, h('h2', { id: 'today-heading' }, l10n.t('Today'))),
    h(
      'div',
      { class: 'hat', 'data-hat': snapshot.hat },
      icon(hat.icon),
      h('span', { class: 'hat-text' }, h('strong', {}, hat.label), ` · ${hat.focus}`),
      switchButton,
    ),
    // Counted from the notes, which a cached first paint does not have yet.
    snapshot.fromCache ? null : renderBalance(snapshot),
    renderCard(snapshot.hatPrompt, l10n.t('Ask'), 'hat-prompt', actions, 'prompt'),
    renderCard(snapshot.principleOfTheDay, l10n.t('Principle of the day'), 'principle-of-the-day', actions, 'summary'),
  );
}

function renderBalance(snapshot: Snapshot): HTMLElement {
  const { leadership, management, label } = snapshot.balance;
  const total = leadership + management;
  return h(
    'div',
    { class: 'balance' },
    h('span', { class: 'balance-title', id: 'balance-title' }, l10n.t('This week’s balance')),
    total > 0
      ? h('meter', {
          min: '0',
          max: String(total),
          value: String(leadership),
          'aria-labelledby': 'balance-title',
          'aria-valuetext': label,
          title: label,
        })
      : null,
    h('span', { class: 'balance-text' }, label),
  );
}

function renderCard(card: PrincipleCard, kind: string, key: string, actions: TodayActions, text: 'prompt' | 'summary'): HTMLElement {
  const open = h(
    'button',
    { type: 'button', class: 'link-button card-title', 'data-focus-key': `open-${key}`, title: l10n.t('Open “{0}”', card.title) },
    card.title,
  );
  open.addEventListener('click', () => actions.openPrinciple(card.id));
  return h(
    'article',
    { class: 'principle-card', 'aria-label': l10n.t('{0}: {1}', kind, card.title) },
    h('span', { class: 'card-kind' }, kind),
    open,
    h('p', { class: 'card-text' }, card[text]),
    h('span', { class: 'card-source' }, l10n.t('From “{0}”', card.source)),
  );
}
