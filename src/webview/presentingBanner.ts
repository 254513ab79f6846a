/** The banner shown while presenting: says what is hidden, and stops presenting in one click. */
import { button, h } from './dom';

export function renderPresentingBanner(stop: () => void): HTMLElement {
  return h(
    'div',
    { class: 'presenting-banner', role: 'status' },
    h('span', {}, 'Presenting: private details hidden'),
    button('Stop', 'eye', stop, { class: 'secondary', 'data-focus-key': 'stop-presenting', 'aria-label': 'Stop presenting' }, true),
  );
}
