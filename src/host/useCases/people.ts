/**
 * The team's use cases: add a person, change one, archive or bring one back. No prompts and no
 * notifications: the sidebar's form and the palette's input boxes gather the draft, call these,
 * and report the typed result each in its own way.
 */
import type { PersonDraft } from '../../shared/team';
import type { MutationResult, TeamStore } from '../storage/teamStore';

/** Adds someone who reports to the lead; the store checks the draft (name taken, too long…). */
export function addPerson(team: TeamStore, draft: PersonDraft): Promise<MutationResult> {
  return team.add(draft);
}

/** Replaces a person's name, role and cadence. */
export function updatePerson(team: TeamStore, input: { readonly personId: string; readonly draft: PersonDraft }): Promise<MutationResult> {
  return team.update(input.personId, input.draft);
}

/** Hides a person from the team (their notes are kept), or brings them back. */
export function setPersonArchived(team: TeamStore, input: { readonly personId: string; readonly archived: boolean }): Promise<MutationResult> {
  return team.setArchived(input.personId, input.archived);
}
