/** UI state only: what is open, half-typed text, the last notice. The data itself comes from the host. */
import type { Filter } from '../shared/delegation/items';
import * as l10n from '../shared/l10n';
import { CADENCES, type Person, type PersonDraft } from '../shared/team';

const FILTERS: readonly string[] = ['all', 'holding', 'handingOver', 'delegated'];

export interface PersonForm {
  /** The person being edited; absent when adding someone new. */
  readonly personId?: string;
  readonly draft: PersonDraft;
  readonly error?: string;
  readonly pendingRequest?: number;
}

export interface Notice {
  readonly text: string;
  /** Offered as an Undo button: bring this person back from the archive. */
  readonly undoArchiveOf?: string;
  /** Offered as an Undo button: open this form again, as it was when it was cancelled. */
  readonly undoDiscard?: PersonForm;
}

export interface UiState {
  readonly version: 1;
  readonly form?: PersonForm;
  readonly showArchived: boolean;
  readonly notice?: Notice;
  /** The person whose 1:1 history is open. */
  readonly historyOf?: string;
  readonly delegationFilter?: Filter;
  /** The delegation item whose checklist is open. */
  readonly openDelegationItem?: string;
  /** The delegation item just deleted, offered back with Undo. */
  readonly undoDelete?: { readonly itemId: string; readonly title: string };
}

export const EMPTY_DRAFT: PersonDraft = { name: '', role: '', cadence: 'weekly' };

export const INITIAL_STATE: UiState = { version: 1, showArchived: false };

/**
 * State saved by an earlier session of the webview, checked before use: an older build may have
 * saved another shape, and a draft must come back rather than break the view.
 */
export function restoreState(saved: unknown): UiState {
  if (typeof saved !== 'object' || saved === null || (saved as { version?: unknown }).version !== 1) {
    return INITIAL_STATE;
  }
  const candidate = saved as Partial<UiState>;
  const form = candidate.form;
  const draftOk =
    form &&
    typeof form.draft?.name === 'string' &&
    typeof form.draft.role === 'string' &&
    (CADENCES as readonly string[]).includes(form.draft.cadence);
  return {
    version: 1,
    showArchived: candidate.showArchived === true,
    ...(typeof candidate.historyOf === 'string' ? { historyOf: candidate.historyOf } : {}),
    ...(typeof candidate.delegationFilter === 'string' && FILTERS.includes(candidate.delegationFilter) ? { delegationFilter: candidate.delegationFilter } : {}),
    ...(typeof candidate.openDelegationItem === 'string' ? { openDelegationItem: candidate.openDelegationItem } : {}),
    // A request in flight when the view was hidden may have been answered while nobody listened.
    ...(draftOk && form ? { form: typedPart(form) } : {}),
  };
}

/**
 * What to tell someone who just closed the form without saving (Cancel, or an Escape that may
 * have been meant for something else): nothing when nothing typed is lost, otherwise a notice
 * with an Undo that opens the form again as it was.
 */
export function discardNotice(form: PersonForm, saved: Pick<Person, 'name' | 'role' | 'cadence'> | undefined): Notice | undefined {
  const { name, role, cadence } = form.draft;
  const unchanged = saved
    ? name === saved.name && role === saved.role && cadence === saved.cadence
    : name.trim() === '' && role.trim() === '';
  if (unchanged) {
    return undefined;
  }
  const text = saved
    ? l10n.t('Discarded your unsaved changes to {0}.', saved.name)
    : name.trim()
      ? l10n.t('Discarded {0}, not yet added.', name.trim())
      : l10n.t('Discarded the person you were adding.');
  return { text, undoDiscard: typedPart(form) };
}

/** What was typed into a form and for whom, without the state of a request made from it. */
export function typedPart(form: PersonForm): Pick<PersonForm, 'draft' | 'personId'> {
  return { draft: form.draft, ...(form.personId ? { personId: form.personId } : {}) };
}
