/**
 * Delegation's use cases: add what the lead still holds, hand it over, move its level or status,
 * record a relapse, tick or note a step of its checklist, delete it, bring it back.
 * No prompts and no notifications: the sidebar and the palette commands gather the answers, call
 * these, and report the typed result each in its own way.
 */
import * as l10n from '../../shared/l10n';
import { findStep } from '../../shared/delegation/checklist';
import {
  assign,
  recordRelapse,
  setStatus,
  STEP_NOTE_MAX_LENGTH,
  tickStep,
  titleProblem,
  withLevel,
  type RelapseKind,
  type Status,
} from '../../shared/delegation/items';
import type { Level } from '../../shared/delegation/levels';
import type { CodeReference } from '../../shared/oneOnOnes/talkingPoints';
import { localToday } from '../../shared/team';
import type { DelegationStore, ItemResult } from '../storage/delegationStore';
import type { TeamStore } from '../storage/teamStore';

/** Work the lead still does; `source` when it was made from a selection of code. */
export interface WorkToHold {
  readonly title: string;
  readonly source?: CodeReference | undefined;
}

/** Adds an item the lead still holds; says why not when the title is empty, too long or unprintable. */
export async function addDelegationItem(delegation: DelegationStore, { title, source }: WorkToHold): Promise<ItemResult> {
  const problem = titleProblem(title);
  return problem ? { ok: false, error: problem } : delegation.add(title, source);
}

/** Who takes the work on, who decides today, and where the decisions should end up. */
export interface HandOver {
  readonly itemId: string;
  readonly personId: string;
  readonly level: Level;
  readonly targetLevel: Level;
}

/** Makes the person the one accountable owner; check-ins then go into their 1:1s. */
export async function handOverWork(delegation: DelegationStore, team: TeamStore, { itemId, personId, level, targetLevel }: HandOver): Promise<ItemResult> {
  const person = team.find(personId);
  if (!person) {
    return { ok: false, error: l10n.t('That person is no longer on your team.') };
  }
  if (person.archived) {
    return { ok: false, error: l10n.t('{0} is archived. Unarchive them before handing work over.', person.name) };
  }
  return delegation.update(itemId, (current) => assign(current, personId, level, targetLevel, localToday()));
}

/** Moves who decides today; the change joins the item's level history. Work no one owns has no level. */
export function changeDelegationLevel(delegation: DelegationStore, { itemId, level }: { readonly itemId: string; readonly level: Level }): Promise<ItemResult> {
  return delegation.update(itemId, (item) => (item.ownerId ? withLevel(item, level, localToday()) : chooseOwnerFirst()));
}

function chooseOwnerFirst(): string {
  return l10n.t('Choose who owns it first.');
}

/** Statuses that say someone else has the work, and so need an owner. */
function needsOwner(status: Status): boolean {
  return status !== 'holding' && status !== 'takenBack';
}

/** Says where the work stands; work no one owns can only be held or taken back. */
export function setDelegationStatus(delegation: DelegationStore, { itemId, status }: { readonly itemId: string; readonly status: Status }): Promise<ItemResult> {
  return delegation.update(itemId, (item) => (needsOwner(status) && !item.ownerId ? chooseOwnerFirst() : setStatus(item, status)));
}

/** Records the lead taking the work back in some form; taking it back outright changes the status. Only owned work relapses. */
export function recordDelegationRelapse(delegation: DelegationStore, { itemId, kind }: { readonly itemId: string; readonly kind: RelapseKind }): Promise<ItemResult> {
  return delegation.update(itemId, (item) => (item.ownerId ? recordRelapse(item, kind, localToday()) : chooseOwnerFirst()));
}

export interface StepNote {
  readonly itemId: string;
  readonly stepId: string;
  /** Kept with the step, which it ticks; an empty note keeps the step's earlier note. */
  readonly note: string;
}

/** Notes a step of the hand-over checklist and ticks it; an unknown step or an over-long note is refused. */
export async function noteDelegationStep(delegation: DelegationStore, { itemId, stepId, note }: StepNote): Promise<ItemResult> {
  if (!findStep(stepId)) {
    return { ok: false, error: l10n.t('That step is not on the hand-over checklist.') };
  }
  if (note.length > STEP_NOTE_MAX_LENGTH) {
    return { ok: false, error: l10n.t('Keep it under {0} characters.', STEP_NOTE_MAX_LENGTH) };
  }
  return delegation.update(itemId, (item) => tickStep(item, stepId, true, localToday(), note));
}

/** Ticks or unticks one step of an item's hand-over checklist; an unknown step is refused. */
export async function tickDelegationStep(delegation: DelegationStore, input: { readonly itemId: string; readonly stepId: string; readonly done: boolean }): Promise<ItemResult> {
  if (!findStep(input.stepId)) {
    return { ok: false, error: l10n.t('That step is not on the hand-over checklist.') };
  }
  return delegation.update(input.itemId, (item) => tickStep(item, input.stepId, input.done, localToday()));
}

/** Deletes an item; the result is the item, which `restoreDelegationItem` can put back in this session. */
export function deleteDelegationItem(delegation: DelegationStore, itemId: string): Promise<ItemResult> {
  return delegation.remove(itemId);
}

/** Puts an item deleted in this session back where it was. */
export function restoreDelegationItem(delegation: DelegationStore, itemId: string): Promise<ItemResult> {
  return delegation.restore(itemId);
}
