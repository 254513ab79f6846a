/** The banner shown while presenting: says what is hidden, and stops presenting in one click. */
import * as l10n from '../shared/l10n';
import { button, h } from './dom';

export function renderPresentingBanner(stop: () => void): HTMLElement {
  return h(
    'div',
    { class: 'presenting-banner', role: 'status' },
    h('span', {}, l10n.t('Presenting: private details hidden')),
    button(l10n.t('Stop'), 'eye', stop, { class: 'secondary', 'data-focus-key': 'stop-presenting', 'aria-label': l10n.t('Stop presenting') }, true),
  );
}
