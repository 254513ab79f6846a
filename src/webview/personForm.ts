/** The add-person and edit-person form of the team section: name, role and 1:1 cadence. */
import type { PersonView } from '../shared/protocol';
import { CADENCE_LABELS, CADENCES, type Cadence, type PersonDraft } from '../shared/team';
import * as l10n from '../shared/l10n';
import { h, icon } from './dom';
import type { PersonForm } from './uiState';

/** What the form asks of the sidebar: every keystroke kept as a draft, then submit or cancel. */
export interface PersonFormActions {
  changeDraft(draft: PersonDraft): void;
  submitForm(): void;
  cancelForm(): void;
}

export function renderPersonForm(form: PersonForm, actions: PersonFormActions, person?: PersonView): HTMLElement {
  const prefix = person ? `edit-${person.id}` : 'add';
  const errorId = `${prefix}-error`;
  const readDraft = (): PersonDraft => ({
    name: nameInput.value,
    role: roleInput.value,
    cadence: cadenceSelect.value as Cadence,
  });
  const nameInput = h('input', {
    id: `${prefix}-name`,
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-invalid': form.error ? 'true' : undefined,
    'aria-describedby': form.error ? errorId : undefined,
    'data-focus-key': `${prefix}-name`,
  });
  nameInput.value = form.draft.name;
  const roleInput = h('input', {
    id: `${prefix}-role`,
    type: 'text',
    autocomplete: 'off',
    placeholder: l10n.t('e.g. Backend engineer, Payments'),
    'data-focus-key': `${prefix}-role`,
  });
  roleInput.value = form.draft.role;
  const cadenceSelect = h(
    'select',
    { id: `${prefix}-cadence`, 'data-focus-key': `${prefix}-cadence` },
    ...CADENCES.map((c) => h('option', { value: c, selected: c === form.draft.cadence }, CADENCE_LABELS[c])),
  );
  const pending = form.pendingRequest !== undefined;
  const element = h(
    'form',
    { class: 'person-form', 'aria-label': person ? l10n.t('Edit {0}', person.name) : l10n.t('Add a person'), novalidate: true },
    field(l10n.t('Name'), nameInput),
    field(l10n.t('Role or team'), roleInput),
    field(l10n.t('1:1 cadence'), cadenceSelect),
    form.error ? h('p', { class: 'form-error', id: errorId, role: 'alert' }, icon('error'), form.error) : null,
    h(
      'div',
      { class: 'form-buttons' },
      h('button', { type: 'submit', class: 'primary', disabled: pending, 'data-focus-key': `${prefix}-submit` }, person ? l10n.t('Save') : l10n.t('Add')),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel', 'data-focus-key': `${prefix}-cancel` }, l10n.t('Cancel')),
    ),
  );
  element.addEventListener('input', () => actions.changeDraft(readDraft()));
  element.addEventListener('change', () => actions.changeDraft(readDraft()));
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.changeDraft(readDraft());
    actions.submitForm();
  });
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      actions.cancelForm();
    }
  });
  element.querySelector('[data-action="cancel"]')?.addEventListener('click', () => actions.cancelForm());
  return element;
}

function field(label: string, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}
