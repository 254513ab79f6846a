/**
 * Growth goals' use cases: add a goal for a person, mark an open one reached. No prompts and no
 * notifications: the sidebar and the palette commands gather the answers, call these, and report
 * the typed result each in its own way.
 */
import * as l10n from '../../shared/l10n';
import type { Goal, Person } from '../../shared/team';
import type { MutationResult, TeamStore } from '../storage/teamStore';

export interface GoalToAdd {
  readonly personId: string;
  /** As typed: trimmed here; refused when empty, too long, a duplicate, or one goal too many. */
  readonly text: string;
}

/** Adds the goal to the person's open goals; the store says why not (see `goalProblem`). */
export function addGoal(team: TeamStore, { personId, text }: GoalToAdd): Promise<MutationResult> {
  return team.addGoal(personId, text);
}

export interface GoalToMarkReached {
  readonly personId: string;
  readonly goalId: string;
}

export type ReachedGoal = { ok: true; person: Person; goal: Goal } | { ok: false; error: string };

/** Marks an open goal reached today; a goal already reached or gone is refused, and nothing is written. */
export async function markGoalReached(team: TeamStore, { personId, goalId }: GoalToMarkReached): Promise<ReachedGoal> {
  // The store checks the goal is still open on the fresh file, under its lock.
  const result = await team.markGoalReached(personId, goalId);
  if (!result.ok) {
    return result;
  }
  const goal = result.person.goals?.find((g) => g.id === goalId);
  return goal ? { ok: true, person: result.person, goal } : { ok: false, error: l10n.t('That goal is no longer open.') };
}

/** What to tell the lead once a goal is reached, whichever surface reached it. */
export function goalReachedMessage({ person, goal }: { readonly person: Person; readonly goal: Goal }): string {
  return l10n.t('Marked “{0}” reached. Tell {1} what you saw.', goal.text, person.name);
}
