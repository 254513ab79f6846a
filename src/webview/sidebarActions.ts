/**
 * What each section's buttons and forms do: change the UI state, or send the host an intent.
 * The host validates every intent and runs the matching use case (see src/host/sidebar/sidebarIntents.ts).
 */
import * as l10n from '../shared/l10n';
import type { Snapshot, WebviewMessage } from '../shared/protocol';
import { draftForSaving, draftProblem } from '../shared/team';
import type { DelegationActions } from './delegationView';
import type { TeamActions } from './teamView';
import type { TodayActions } from './todayView';
import { discardNotice, EMPTY_DRAFT, type UiState } from './uiState';

/** The sidebar's page as the actions see it: its state, its last snapshot, and the way to the host. */
export interface SidebarPage {
  readonly ui: UiState;
  readonly snapshot: Snapshot | undefined;
  /** Keeps the new UI state (and the draft with the host) and repaints unless told not to. */
  update(next: UiState, render?: boolean): void;
  post(message: WebviewMessage): void;
  /** Moves the focus to the element with this `data-focus-key` once it is painted. */
  focusSoon(key: string): void;
  closePreview(): void;
  /** A fresh id for a request whose answer the form waits for. */
  nextRequestId(): number;
}

export function teamActions(sidebar: SidebarPage): TeamActions {
  return {
    startAdding() {
      if (sidebar.ui.form?.personId === undefined && sidebar.ui.form) {
        sidebar.focusSoon('add-name');
        return;
      }
      sidebar.update({ ...sidebar.ui, form: { draft: EMPTY_DRAFT }, notice: undefined });
      sidebar.focusSoon('add-name');
    },
    startEditing(person) {
      sidebar.update({
        ...sidebar.ui,
        form: { personId: person.id, draft: { name: person.name, role: person.role, cadence: person.cadence } },
        notice: undefined,
      });
      sidebar.focusSoon(`edit-${person.id}-name`);
    },
    changeDraft(draft) {
      if (sidebar.ui.form) {
        // Saved on every keystroke so a half-typed entry survives hiding the view or a reload;
        // no re-render, so the caret stays where the user is typing.
        sidebar.update({ ...sidebar.ui, form: { ...sidebar.ui.form, draft } }, false);
      }
    },
    submitForm() {
      const form = sidebar.ui.form;
      if (!form || !sidebar.snapshot || form.pendingRequest !== undefined) {
        return;
      }
      const problem = draftProblem(form.draft, sidebar.snapshot.people, form.personId);
      if (problem) {
        sidebar.update({ ...sidebar.ui, form: { ...form, error: problem } });
        sidebar.focusSoon(form.personId ? `edit-${form.personId}-name` : 'add-name');
        return;
      }
      const requestId = sidebar.nextRequestId();
      sidebar.update({ ...sidebar.ui, form: { ...form, error: undefined, pendingRequest: requestId } });
      const draft = draftForSaving(form.draft);
      if (form.personId) {
        sidebar.post({ type: 'updatePerson', requestId, id: form.personId, draft });
      } else {
        sidebar.post({ type: 'addPerson', requestId, draft });
      }
    },
    cancelForm() {
      const form = sidebar.ui.form;
      if (!form) {
        return;
      }
      const saved = form.personId ? sidebar.snapshot?.people.find((person) => person.id === form.personId) : undefined;
      const notice = form.personId && !saved ? undefined : discardNotice(form, saved);
      sidebar.update({ ...sidebar.ui, form: undefined, notice: notice ?? sidebar.ui.notice });
      sidebar.focusSoon(notice ? 'undo' : form.personId ? `edit-${form.personId}` : 'add-person');
    },
    undoDiscard(form) {
      sidebar.update({ ...sidebar.ui, form, notice: undefined });
      sidebar.focusSoon(form.personId ? `edit-${form.personId}-name` : 'add-name');
    },
    setArchived(person, archived) {
      const requestId = sidebar.nextRequestId();
      sidebar.post({ type: 'setArchived', requestId, id: person.id, archived });
      sidebar.update({
        ...sidebar.ui,
        notice: archived
          ? { text: l10n.t('Archived {0}. Their notes are kept.', person.name), undoArchiveOf: person.id }
          : { text: l10n.t('{0} is back on your team.', person.name) },
      });
      sidebar.focusSoon(archived ? 'undo' : 'toggle-archived');
    },
    toggleArchived() {
      sidebar.update({ ...sidebar.ui, showArchived: !sidebar.ui.showArchived });
    },
    undoArchive(personId) {
      sidebar.post({ type: 'setArchived', requestId: sidebar.nextRequestId(), id: personId, archived: false });
      sidebar.update({ ...sidebar.ui, notice: undefined });
      sidebar.focusSoon(`edit-${personId}`);
    },
    dismissNotice() {
      sidebar.update({ ...sidebar.ui, notice: undefined });
    },
    startOneOnOne(person) {
      sidebar.post({ type: 'startOneOnOne', personId: person.id });
    },
    prepareOneOnOne(person) {
      sidebar.post({ type: 'prepareOneOnOne', personId: person.id });
    },
    addGoal(person) {
      sidebar.post({ type: 'addGoal', personId: person.id });
    },
    markGoalReached(person, goalId) {
      sidebar.post({ type: 'markGoalReached', personId: person.id, goalId });
    },
    queueTalkingPoint(person) {
      sidebar.post({ type: 'queueTalkingPoint', personId: person.id });
    },
    openNote(noteId) {
      sidebar.post({ type: 'openNote', noteId });
    },
    toggleHistory(person) {
      const historyOf = sidebar.ui.historyOf === person.id ? undefined : person.id;
      sidebar.update({ ...sidebar.ui, historyOf });
      sidebar.post({ type: 'showHistory', ...(historyOf ? { personId: historyOf } : {}) });
    },
    previewNote(noteId) {
      sidebar.post({ type: 'previewNote', noteId });
    },
    closePreview() {
      sidebar.closePreview();
    },
    tickItem(item, done) {
      sidebar.post({ type: 'tickActionItem', noteId: item.noteId, line: item.line, text: item.text, done });
    },
  };
}

export function delegationActions(sidebar: SidebarPage): DelegationActions {
  return {
    send(intent) {
      if (intent.kind === 'restore') {
        sidebar.update({ ...sidebar.ui, undoDelete: undefined });
        sidebar.focusSoon(`item-${intent.itemId}`);
      }
      sidebar.post({ type: 'delegation', intent });
    },
    setFilter(filter) {
      sidebar.update({ ...sidebar.ui, delegationFilter: filter });
    },
    toggleItem(itemId) {
      sidebar.update({ ...sidebar.ui, openDelegationItem: sidebar.ui.openDelegationItem === itemId ? undefined : itemId });
    },
    dismissUndo() {
      sidebar.update({ ...sidebar.ui, undoDelete: undefined });
      sidebar.focusSoon('delegation-add');
    },
  };
}

export function todayActions(sidebar: SidebarPage): TodayActions {
  return {
    switchHat: () => sidebar.post({ type: 'switchHat' }),
    openPrinciple: (id) => sidebar.post({ type: 'openPrinciple', id }),
  };
}
