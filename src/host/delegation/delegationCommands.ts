/**
 * The palette side of delegation: add what the lead still holds (typed, common, or from a code
 * selection), hand it to someone at a level, record relapses, delete with undo, find candidates in
 * git history. Every command asks through quick picks for what its argument leaves out, then runs
 * the use case in `useCases/delegation.ts`; the sidebar passes what it already knows.
 */
import * as vscode from 'vscode';
import { commonHoldings, RELAPSE_KINDS, RELAPSE_LABELS, STATUSES, STATUS_LABELS, STEP_NOTE_MAX_LENGTH, titleProblem, type DelegationItem, type RelapseKind, type Status } from '../../shared/delegation/items';
import { findStep } from '../../shared/delegation/checklist';
import { LEVEL_CREDIT, LEVEL_INFO, LEVELS, levelLabel, type Level } from '../../shared/delegation/levels';
import { summarizeSelection } from '../../shared/oneOnOnes/talkingPoints';
import { DELEGATION_TITLE_MAX_LENGTH } from '../../shared/storageLayout';
import { selectedCode } from '../codeSelection';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import type { DelegationStore, ItemResult } from '../storage/delegationStore';
import type { TeamStore } from '../storage/teamStore';
import { pickActivePerson } from '../team/pickPerson';
import {
  addDelegationItem,
  changeDelegationLevel,
  deleteDelegationItem,
  handOverWork,
  noteDelegationStep,
  recordDelegationRelapse,
  restoreDelegationItem,
  setDelegationStatus,
} from '../useCases/delegation';

type DelegationCommand =
  | 'addDelegationItem'
  | 'delegateThis'
  | 'assignDelegation'
  | 'changeDelegationLevel'
  | 'setDelegationStatus'
  | 'recordRelapse'
  | 'noteDelegationStep'
  | 'deleteDelegationItem'
  | 'undoDeleteDelegationItem';

export function delegationCommands(delegation: DelegationStore, team: TeamStore): SomeCommandHandlers<DelegationCommand> {
  return {
    addDelegationItem: (args) => addItem(delegation, args),
    delegateThis: (args) => delegateSelection(delegation, team, args),
    assignDelegation: (args) => assignItem(delegation, team, args),
    changeDelegationLevel: (args) => changeLevel(delegation, args),
    setDelegationStatus: (args) => changeStatus(delegation, args),
    recordRelapse: (args) => relapse(delegation, args),
    noteDelegationStep: (args) => noteStep(delegation, args),
    deleteDelegationItem: (args) => deleteItem(delegation, args),
    undoDeleteDelegationItem: (args) => undoDelete(delegation, args),
  };
}

/** Brings a deleted item back. */
async function undoDelete(delegation: DelegationStore, args: CommandArgs<'undoDeleteDelegationItem'>): Promise<ItemResult | undefined> {
  return args.itemId !== undefined ? report(await restoreDelegationItem(delegation, args.itemId)) : undefined;
}

function report(result: ItemResult): ItemResult {
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.error);
  }
  return result;
}

async function promptTitle(value = ''): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Two Hats: What are you still holding?'),
    prompt: vscode.l10n.t('The technical work you still do yourself, to hand over'),
    value,
    ignoreFocusOut: true,
    validateInput: titleProblem,
  });
}

async function addItem(delegation: DelegationStore, args: CommandArgs<'addDelegationItem'>): Promise<ItemResult | undefined> {
  let title = args.title;
  if (title === undefined) {
    const other = vscode.l10n.t('Something else…');
    const picked = await vscode.window.showQuickPick([...commonHoldings(), other], {
      title: vscode.l10n.t('Two Hats: What are you still holding?'),
      placeHolder: vscode.l10n.t('Pick what leads often keep doing, or describe your own'),
    });
    if (!picked) {
      return undefined;
    }
    title = picked === other ? await promptTitle() : picked;
  }
  return title === undefined ? undefined : report(await addDelegationItem(delegation, { title }));
}

/** `Delegate This…`: the selected code becomes an item that remembers file, lines and commit. */
async function delegateSelection(delegation: DelegationStore, team: TeamStore, args: CommandArgs<'delegateThis'>): Promise<ItemResult | undefined> {
  const selected = await selectedCode();
  if (!selected) {
    return addItem(delegation, args);
  }
  const suggested = `${selected.source.path}:${selected.source.startLine}: ${summarizeSelection(selected.text, 60)}`;
  const title = args.title !== undefined ? args.title : await promptTitle(suggested.slice(0, DELEGATION_TITLE_MAX_LENGTH));
  if (title === undefined) {
    return undefined;
  }
  const added = report(await addDelegationItem(delegation, { title, source: selected.source }));
  if (added.ok && args.title === undefined) {
    const handOver = vscode.l10n.t('Choose Who Owns It…');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Added “{0}” to what you are still holding.', added.result.title), handOver);
    if (choice === handOver) {
      return assignItem(delegation, team, { itemId: added.result.id });
    }
  }
  return added;
}

async function resolveItem(delegation: DelegationStore, args: { readonly itemId?: string | undefined }, placeHolder: string, eligible: (item: DelegationItem) => boolean = () => true): Promise<DelegationItem | undefined> {
  if (args.itemId !== undefined) {
    const item = delegation.find(args.itemId);
    if (!item) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That item is no longer in your delegation list.'));
    }
    return item;
  }
  const candidates = delegation.all.filter(eligible);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Your delegation list has nothing to choose from yet.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((item) => ({ label: item.title, description: STATUS_LABELS[item.status], item })),
    { title: vscode.l10n.t('Two Hats: Delegation'), placeHolder, matchOnDescription: true },
  );
  return picked?.item;
}

async function pickLevel(title: string, placeHolder: string, current?: Level, atLeast: Level = 1): Promise<Level | undefined> {
  const picked = await vscode.window.showQuickPick(
    LEVELS.filter((level) => level >= atLeast).map((level) => ({
      label: levelLabel(level),
      description: level === current ? vscode.l10n.t('now') : undefined,
      detail: LEVEL_INFO[level].meaning,
      level,
    })),
    { title, placeHolder: vscode.l10n.t('{0} (levels from {1})', placeHolder, LEVEL_CREDIT), matchOnDetail: true },
  );
  return picked?.level;
}

/** Hands work over: asks for the item, the owner and both levels `args` leaves out, then runs the use case. */
async function assignItem(delegation: DelegationStore, team: TeamStore, args: CommandArgs<'assignDelegation'>): Promise<ItemResult | undefined> {
  const item = await resolveItem(delegation, args, vscode.l10n.t('Which work are you handing over?'));
  if (!item) {
    return undefined;
  }
  const person =
    args.personId !== undefined
      ? team.find(args.personId)
      : await pickActivePerson(team, vscode.l10n.t('Two Hats: Who will own “{0}”?', item.title), vscode.l10n.t('One accountable owner'));
  if (!person) {
    // A stale sidebar click names someone who has left; a cancelled pick needs no message.
    if (args.personId !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That person is no longer on your team.'));
    }
    return undefined;
  }
  const level = args.level !== undefined ? args.level : await pickLevel(vscode.l10n.t('Two Hats: {0} and “{1}”', person.name, item.title), vscode.l10n.t('Who decides today?'), item.level);
  if (level === undefined) {
    return undefined;
  }
  const target = args.targetLevel !== undefined
    ? args.targetLevel
    : await pickLevel(vscode.l10n.t('Two Hats: {0} and “{1}”', person.name, item.title), vscode.l10n.t('Where should it end up?'), item.targetLevel, level);
  if (target === undefined) {
    return undefined;
  }
  const result = report(await handOverWork(delegation, team, { itemId: item.id, personId: person.id, level, targetLevel: target }));
  if (result.ok && args.quiet !== true) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} owns “{1}” at level {2}. Check-ins go into your 1:1s with {0}.', person.name, item.title, levelLabel(level)),
    );
  }
  return result;
}

async function changeLevel(delegation: DelegationStore, args: CommandArgs<'changeDelegationLevel'>): Promise<ItemResult | undefined> {
  const item = await resolveItem(delegation, args, vscode.l10n.t('Whose level changes?'), (i) => i.ownerId !== undefined);
  if (!item) {
    return undefined;
  }
  const level = args.level !== undefined ? args.level : await pickLevel(vscode.l10n.t('Two Hats: “{0}”', item.title), vscode.l10n.t('Who decides now?'), item.level);
  return level === undefined ? undefined : report(await changeDelegationLevel(delegation, { itemId: item.id, level }));
}

async function changeStatus(delegation: DelegationStore, args: CommandArgs<'setDelegationStatus'>): Promise<ItemResult | undefined> {
  const item = await resolveItem(delegation, args, vscode.l10n.t('Which item?'));
  if (!item) {
    return undefined;
  }
  let status: Status | undefined = args.status;
  if (!status) {
    const picked = await vscode.window.showQuickPick(
      STATUSES.map((s) => ({ label: STATUS_LABELS[s], description: s === item.status ? vscode.l10n.t('now') : undefined, status: s })),
      { title: vscode.l10n.t('Two Hats: “{0}”', item.title), placeHolder: vscode.l10n.t('Where does this stand?') },
    );
    status = picked?.status;
  }
  return status ? report(await setDelegationStatus(delegation, { itemId: item.id, status })) : undefined;
}

async function relapse(delegation: DelegationStore, args: CommandArgs<'recordRelapse'>): Promise<ItemResult | undefined> {
  const item = await resolveItem(delegation, args, vscode.l10n.t('Which work did you take back?'), (i) => i.ownerId !== undefined);
  if (!item) {
    return undefined;
  }
  let kind: RelapseKind | undefined = args.kind;
  if (!kind) {
    const picked = await vscode.window.showQuickPick(
      RELAPSE_KINDS.map((k) => ({ label: RELAPSE_LABELS[k], relapseKind: k })),
      { title: vscode.l10n.t('Two Hats: “{0}”', item.title), placeHolder: vscode.l10n.t('It happens. What happened?') },
    );
    kind = picked?.relapseKind;
  }
  return kind ? report(await recordDelegationRelapse(delegation, { itemId: item.id, kind })) : undefined;
}

async function noteStep(delegation: DelegationStore, args: CommandArgs<'noteDelegationStep'>): Promise<ItemResult | undefined> {
  const item = await resolveItem(delegation, args, vscode.l10n.t('Which item?'));
  if (!item) {
    return undefined;
  }
  const step = args.stepId !== undefined ? findStep(args.stepId) : undefined;
  if (!step) {
    // The use case says why (no such step on the checklist); the lead sees it, not silence.
    return report(await noteDelegationStep(delegation, { itemId: item.id, stepId: args.stepId ?? '', note: args.note ?? '' }));
  }
  const existing = item.steps.find((s) => s.stepId === step.id)?.note;
  const note =
    args.note !== undefined
      ? args.note
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Two Hats: {0}', step.text),
          prompt: vscode.l10n.t('A note for this step; saving it ticks the step'),
          value: existing ?? '',
          ignoreFocusOut: true,
          validateInput: (value) => (value.length > STEP_NOTE_MAX_LENGTH ? vscode.l10n.t('Keep it under {0} characters.', STEP_NOTE_MAX_LENGTH) : undefined),
        });
  return note === undefined ? undefined : report(await noteDelegationStep(delegation, { itemId: item.id, stepId: step.id, note }));
}

async function deleteItem(delegation: DelegationStore, args: CommandArgs<'deleteDelegationItem'>): Promise<ItemResult | undefined> {
  const item = await resolveItem(delegation, args, vscode.l10n.t('Which item do you want to delete?'));
  if (!item) {
    return undefined;
  }
  const result = report(await deleteDelegationItem(delegation, item.id));
  if (result.ok && args.quiet !== true) {
    const undo = vscode.l10n.t('Undo');
    void vscode.window.showInformationMessage(vscode.l10n.t('Deleted “{0}”.', item.title), undo).then(async (choice) => {
      if (choice === undo) {
        await undoDelete(delegation, { itemId: item.id });
      }
    });
  }
  return result;
}
