/**
 * The team's data on disk: the people, their cadences and queued talking points, kept in one
 * JSON file by `JsonFileStore`. This module adds the rules for changing a person.
 */
import { randomUUID } from 'node:crypto';
import * as l10n from '../../shared/l10n';
import type { TalkingPoint } from '../../shared/oneOnOnes/talkingPoints';
import { parseTeamFile, serializeTeamFile } from '../../shared/storedTeam';
import { TEAM_FILE } from '../../shared/storageLayout';
import { draftProblem, goalProblem, localToday, normalizeName, type Person, type PersonDraft } from '../../shared/team';
import { JsonFileStore, type JsonFileStoreOptions } from './jsonFileStore';

export { notReadyMessage } from './jsonFileStore';

export type MutationResult = { ok: true; person: Person } | { ok: false; error: string };

export class TeamStore extends JsonFileStore<readonly Person[]> {
  constructor(options: JsonFileStoreOptions = {}) {
    super({
      fileName: TEAM_FILE,
      empty: [],
      parse: (text) => {
        const result = parseTeamFile(text);
        return result.ok ? { ok: true, value: result.file.people } : result;
      },
      serialize: serializeTeamFile,
    }, options);
  }

  get all(): readonly Person[] {
    return this.value;
  }

  find(id: string): Person | undefined {
    return this.value.find((p) => p.id === id);
  }

  add(draft: PersonDraft): Promise<MutationResult> {
    return this.mutate((people) => {
      const problem = draftProblem(draft, people);
      if (problem) {
        return problem;
      }
      const person: Person = {
        id: randomUUID(),
        name: normalizeName(draft.name),
        role: draft.role.trim(),
        cadence: draft.cadence,
        archived: false,
        addedOn: localToday(),
      };
      return { people: [...people, person], person };
    });
  }

  update(id: string, draft: PersonDraft): Promise<MutationResult> {
    return this.changePerson(id, (current, people) => {
      const problem = draftProblem(draft, people, id);
      return problem ?? { ...current, name: normalizeName(draft.name), role: draft.role.trim(), cadence: draft.cadence };
    });
  }

  setArchived(id: string, archived: boolean): Promise<MutationResult> {
    return this.changePerson(id, (current) => ({ ...current, archived }));
  }

  /** Adds a talking point to a person's queue for their next 1:1. */
  queueTalkingPoint(id: string, point: TalkingPoint): Promise<MutationResult> {
    return this.changePerson(id, (current) => ({ ...current, talkingPoints: [...(current.talkingPoints ?? []), point] }));
  }

  addGoal(id: string, text: string): Promise<MutationResult> {
    return this.changePerson(id, (current) => {
      const goals = current.goals ?? [];
      const problem = goalProblem(text, goals);
      return problem ?? { ...current, goals: [...goals, { id: randomUUID(), text: text.trim(), addedOn: localToday() }] };
    });
  }

  /**
   * Marks an open goal reached today. Whether it is still open is decided on the file as it is
   * under the lock, so a double click or another window's earlier "reached" is refused, not overwritten.
   */
  markGoalReached(id: string, goalId: string): Promise<MutationResult> {
    return this.changePerson(id, (current) =>
      (current.goals ?? []).some((goal) => goal.id === goalId && !goal.reachedOn)
        ? { ...current, goals: (current.goals ?? []).map((goal) => (goal.id === goalId ? { ...goal, reachedOn: localToday() } : goal)) }
        : l10n.t('That goal is no longer open.'),
    );
  }

  /**
   * Records a 1:1 held on `isoDay`, in one save: the person's next due date moves, and the
   * talking points the agenda took leave the queue, except standing points, which come back.
   */
  recordOneOnOne(id: string, isoDay: string, inAgenda: readonly TalkingPoint[]): Promise<MutationResult> {
    const taken = new Set(inAgenda.filter((p) => !p.standing).map((p) => p.id));
    return this.changePerson(id, (current) => ({
      ...current,
      talkingPoints: (current.talkingPoints ?? []).filter((p) => !taken.has(p.id)),
      lastOneOnOneOn: current.lastOneOnOneOn && current.lastOneOnOneOn > isoDay ? current.lastOneOnOneOn : isoDay,
    }));
  }

  /** Takes a person off the team for good, with their goals and queued talking points. */
  remove(id: string): Promise<MutationResult> {
    return this.mutate((people) => {
      const person = people.find((p) => p.id === id);
      return person ? { people: people.filter((p) => p.id !== id), person } : l10n.t('That person is no longer on your team.');
    });
  }

  /** Changes one person; `change` returns the new version, or a sentence saying why not. */
  private changePerson(id: string, change: (current: Person, people: readonly Person[]) => Person | string): Promise<MutationResult> {
    return this.mutate((people) => {
      const current = people.find((p) => p.id === id);
      if (!current) {
        return l10n.t('That person is no longer on your team.');
      }
      const person = change(current, people);
      return typeof person === 'string' ? person : { people: people.map((p) => (p.id === id ? person : p)), person };
    });
  }

  private async mutate(change: (people: readonly Person[]) => string | { people: Person[]; person: Person }): Promise<MutationResult> {
    const outcome = await this.change((people) => {
      const next = change(people);
      return typeof next === 'string' ? next : { value: next.people, result: next.person };
    });
    return outcome.ok ? { ok: true, person: outcome.result } : outcome;
  }
}
