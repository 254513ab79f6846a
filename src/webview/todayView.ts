/** The top of the sidebar: which hat you are wearing, and the principle of the day. */
import type { PrincipleCard, Snapshot } from '../shared/protocol';
import { h, icon } from './dom';

export interface TodayActions {
  switchHat(): void;
  openPrinciple(id: string): void;
}

const HAT_TEXT = {
  leader: { label: 'Leader hat', icon: 'compass', focus: 'direction, alignment, motivation, repetition', other: 'manager' },
  manager: { label: 'Manager hat', icon: 'checklist', focus: 'plans, staffing, measures, problems', other: 'leader' },
} as const;

export function renderToday(snapshot: Snapshot, actions: TodayActions): HTMLElement {
  const hat = HAT_TEXT[snapshot.hat];
  const switchButton = h(
    'button',
    { type: 'button', class: 'icon-button', 'aria-label': `Switch to the ${hat.other} hat`, title: `Switch to the ${hat.other} hat`, 'data-focus-key': 'switch-hat' },
    icon('arrow-swap'),
  );
  switchButton.addEventListener('click', actions.switchHat);
  return h(
    'section',
    { class: 'today', 'aria-labelledby': 'today-heading' },
    h('header', { class: 'section-header' }, h('h2', { id: 'today-heading' }, 'Today')),
    h(
      'div',
      { class: 'hat', 'data-hat': snapshot.hat },
      icon(hat.icon),
      h('span', { class: 'hat-text' }, h('strong', {}, hat.label), ` · attend to ${hat.focus}`),
      switchButton,
    ),
    renderBalance(snapshot),
    renderCard(snapshot.hatPrompt, 'Ask', 'hat-prompt', actions),
    renderCard(snapshot.principleOfTheDay, 'Principle of the day', 'principle-of-the-day', actions),
  );
}

function renderBalance(snapshot: Snapshot): HTMLElement {
  const { leadership, management, label } = snapshot.balance;
  const total = leadership + management;
  return h(
    'div',
    { class: 'balance' },
    h('span', { class: 'balance-title', id: 'balance-title' }, 'This week’s balance'),
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

function renderCard(card: PrincipleCard, kind: string, key: string, actions: TodayActions): HTMLElement {
  const open = h(
    'button',
    { type: 'button', class: 'link-button card-title', 'data-focus-key': `open-${key}`, title: `Open “${card.title}”` },
    card.title,
  );
  open.addEventListener('click', () => actions.openPrinciple(card.id));
  return h(
    'article',
    { class: 'principle-card', 'aria-label': `${kind}: ${card.title}` },
    h('span', { class: 'card-kind' }, kind),
    open,
    h('p', { class: 'card-text' }, kind === 'Ask' ? card.prompt : card.summary),
    h('span', { class: 'card-source' }, `From “${card.source}”`),
  );
}
