/**
 * Delegation's use cases: hand work over, tick a step of its checklist, delete it, bring it back.
 * No prompts and no notifications: the sidebar and the palette commands gather the answers, call
 * these, and report the typed result each in its own way.
 */
import * as l10n from '../../shared/l10n';
import { assign, tickStep } from '../../shared/delegation/items';
import type { Level } from '../../shared/delegation/levels';
import { localToday } from '../../shared/team';
import type { DelegationStore, ItemResult } from '../storage/delegationStore';
import type { TeamStore } from '../storage/teamStore';

/** Who takes the work on, who decides today, and where the decisions should end up. */
export interface HandOver {
  readonly itemId: string;
  readonly personId: string;
  readonly level: Level;
  readonly targetLevel: Level;
}

/** Makes the person the one accountable owner; check-ins then go into their 1:1s. */
export async function handOverWork(delegation: DelegationStore, team: TeamStore, { itemId, personId, level, targetLevel }: HandOver): Promise<ItemResult> {
  if (!team.find(personId)) {
    return { ok: false, error: l10n.t('That person is no longer on your team.') };
  }
  return delegation.update(itemId, (current) => assign(current, personId, level, targetLevel, localToday()));
}

/** Ticks or unticks one step of an item's hand-over checklist. */
export function tickDelegationStep(delegation: DelegationStore, input: { readonly itemId: string; readonly stepId: string; readonly done: boolean }): Promise<ItemResult> {
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
