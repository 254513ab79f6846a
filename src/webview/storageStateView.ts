/** What the sidebar shows instead of the team when the data cannot be used: no folder, locked, unreachable, read-only. */
import { assertNever } from '../shared/assertNever';
import * as l10n from '../shared/l10n';
import type { Snapshot, WebviewMessage } from '../shared/protocol';
import { h } from './dom';

/** Every storage state but `ready`, which shows the team. */
export type UnusableStorage = Exclude<Snapshot['storage'], { kind: 'ready' }>;

export function renderStorageState(storage: UnusableStorage, post: (message: WebviewMessage) => void): HTMLElement {
  switch (storage.kind) {
    case 'noFolder':
      return h(
        'div',
        { class: 'empty-state' },
        h('h2', {}, l10n.t('Open a folder to begin')),
        h(
          'p',
          {},
          l10n.t('Two Hats keeps your people and 1:1 notes in the private storage VS Code gives each workspace, on this machine only and never in the repository.'),
        ),
        actionButton(l10n.t('Open Folder…'), 'primary', () => post({ type: 'openFolder' })),
        actionButton(l10n.t('Use Global Storage Instead'), 'secondary', () => post({ type: 'useGlobalStorage' })),
      );
    case 'unavailable':
      if (storage.locked) {
        return h(
          'div',
          { class: 'empty-state', role: 'alert' },
          h('h2', {}, l10n.t('Locked')),
          h('p', {}, storage.message),
          actionButton(l10n.t('Unlock…'), 'primary', () => post({ type: 'unlock' })),
        );
      }
      return h(
        'div',
        { class: 'empty-state', role: 'alert' },
        h('h2', {}, l10n.t('Two Hats cannot reach its data')),
        h('p', {}, storage.message),
        actionButton(l10n.t('Show Where Data Lives'), 'secondary', () => post({ type: 'showDataLocation' })),
      );
    case 'readOnly':
      return h(
        'div',
        { class: 'empty-state', role: 'alert' },
        h('h2', {}, l10n.t('Two Hats is read-only in this window')),
        h('p', {}, storage.message),
        actionButton(l10n.t('Show Where Data Lives'), 'secondary', () => post({ type: 'showDataLocation' })),
      );
    default:
      return assertNever(storage);
  }
}

function actionButton(label: string, kind: 'primary' | 'secondary', onClick: () => void): HTMLButtonElement {
  const element = h('button', { type: 'button', class: kind }, label);
  element.addEventListener('click', onClick);
  return element;
}

