/**
 * Starting a 1:1, the use case: compose the note from the chosen template, write it, take the
 * queued talking points and due check-ins into it, and remember the template for next time. No
 * prompts and no editor: the command asks for the person and template and opens the note.
 */
import type * as vscode from 'vscode';
import * as l10n from '../../shared/l10n';
import { checkInAgendaLines, checkInHeld, checkInsDue } from '../../shared/delegation/items';
import { levelLabel } from '../../shared/delegation/levels';
import { goalAgendaLine } from '../../shared/oneOnOnes/checkIns';
import { composeFromMarkdown, noteTitle } from '../../shared/oneOnOnes/compose';
import { takeForAgenda, talkingPointAsMarkdown } from '../../shared/oneOnOnes/talkingPoints';
import { MEMENTO_KEYS } from '../../shared/storageLayout';
import { localToday } from '../../shared/team';
import { noteUri } from '../oneOnOnes/noteFileSystem';
import type { DelegationStore } from '../storage/delegationStore';
import type { NoteStore } from '../storage/noteStore';
import { notReadyMessage, type TeamStore } from '../storage/teamStore';

const LAST_TEMPLATE_KEY = MEMENTO_KEYS.lastTemplate;

/** What starting a 1:1 reads and writes. */
export interface OneOnOneStores {
  readonly team: TeamStore;
  readonly notes: NoteStore;
  readonly delegation: DelegationStore;
  /** Where the template last used with each person is remembered. */
  readonly memento: vscode.Memento;
}

/** A template already chosen: built-in or the user's own, as Markdown with `{{variables}}`. */
export interface ChosenTemplate {
  readonly id: string;
  readonly title: string;
  readonly markdown: string;
}

export interface OneOnOneToStart {
  readonly personId: string;
  readonly template: ChosenTemplate;
}

/**
 * Once the note is written the 1:1 has started; `warnings` say what could not follow it (the due
 * date, the queue, the check-ins), so the user is told instead of trusting a date that did not move.
 */
export type StartedOneOnOneResult = { ok: true; noteId: string; uri: vscode.Uri; warnings: readonly string[] } | { ok: false; error: string };

/** The template each person's last 1:1 started from, by person id. */
export function lastTemplates(memento: vscode.Memento): Readonly<Record<string, string>> {
  return memento.get<Record<string, string>>(LAST_TEMPLATE_KEY, {});
}

/** Drops the template remembered for a person who is being erased. */
export async function forgetLastTemplate(memento: vscode.Memento, personId: string): Promise<void> {
  const remembered = lastTemplates(memento);
  if (personId in remembered) {
    const rest = Object.fromEntries(Object.entries(remembered).filter(([id]) => id !== personId));
    await memento.update(LAST_TEMPLATE_KEY, rest);
  }
}

/** Says why a 1:1 cannot be started now, or undefined when it can. */
export function startProblem({ team, notes }: Pick<OneOnOneStores, 'team' | 'notes'>): string | undefined {
  if (team.state.kind === 'ready' && notes.ready) {
    return undefined;
  }
  return team.state.kind === 'noFolder' || team.state.kind === 'ready'
    ? l10n.t('Open a folder first: Two Hats keeps 1:1 notes in that workspace’s private storage.')
    : notReadyMessage(team.state);
}

/** Writes the 1:1's note; the person's queue and next due date and the check-ins follow it. */
export async function startOneOnOne(stores: OneOnOneStores, { personId, template }: OneOnOneToStart): Promise<StartedOneOnOneResult> {
  const { team, notes, delegation, memento } = stores;
  const problem = startProblem(stores);
  if (problem) {
    return { ok: false, error: problem };
  }
  const person = team.find(personId);
  if (!person) {
    return { ok: false, error: l10n.t('That person is no longer on your team.') };
  }
  const date = localToday();
  const previous = notes.latest(person.id);
  // Read, not yet removed: the queue gives them up only once the note is safely on disk.
  const talkingPoints = takeForAgenda(person.talkingPoints ?? []).agenda;
  const checkIns = checkInsDue(delegation.all, person.id, date);
  const content = composeFromMarkdown(template.markdown, {
    person: person.name,
    date,
    carriedItems: previous ? previous.openItems.map((item) => ({ ...item, done: false })) : [],
    talkingPoints: talkingPoints.map(talkingPointAsMarkdown),
    delegationCheckIns: checkInAgendaLines(checkIns, levelLabel),
    goals: (person.goals ?? []).filter((goal) => !goal.reachedOn).map((goal) => goalAgendaLine(goal.text)),
  });
  const meta = await notes.create({ personId: person.id, date, templateId: template.id, title: noteTitle(person.name, date, template), content });
  await memento.update(LAST_TEMPLATE_KEY, { ...lastTemplates(memento), [person.id]: template.id });
  const warnings: string[] = [];
  const recorded = await team.recordOneOnOne(person.id, date, talkingPoints);
  if (!recorded.ok) {
    warnings.push(l10n.t('The note is written, but the next due date and the talking points could not be updated: {0}', recorded.error));
  }
  if (checkIns.length > 0) {
    const held = await delegation.updateMany(
      checkIns.map((item) => item.id),
      (item) => checkInHeld(item, date),
    );
    if (!held.ok) {
      warnings.push(l10n.t('The note is written, but the check-ins could not be marked as held: {0}', held.error));
    }
  }
  return { ok: true, noteId: meta.id, uri: noteUri(meta.id, meta.title), warnings };
}
