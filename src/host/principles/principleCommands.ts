/** The palette of principles: browse, insert a prompt, principle of the day, and the two hats. */
import * as vscode from 'vscode';
import { findPrinciple, PRINCIPLES, SIDE_LABELS, type Principle, type Side } from '../../shared/principles/catalogue';
import { principleOfTheDay } from '../../shared/principles/daily';
import { principleAsMarkdown, principlePickerText, promptForNote } from '../../shared/principles/format';
import { HAT_DESCRIPTIONS, SITUATIONS } from '../../shared/principles/hats';
import { SOURCES } from '../../shared/principles/sources';
import { localToday } from '../../shared/team';
import { executeOwnCommand, type SomeCommandHandlers } from '../commands/commandTable';
import type { HatState } from './hatState';
import type { LastNoteEditor } from './noteInsertion';
import { showPrinciple } from './principleViewer';

type PrincipleItem = vscode.QuickPickItem & { principle?: Principle };

type PrincipleCommand = 'browsePrinciples' | 'insertPrinciplePrompt' | 'principleOfTheDay' | 'openPrinciple' | 'switchHat' | 'whichHat';

export function principleCommands(hats: HatState, notes: LastNoteEditor): SomeCommandHandlers<PrincipleCommand> {
  return {
    browsePrinciples: () => browsePrinciples(hats, notes),
    insertPrinciplePrompt: () => insertPrinciplePrompt(notes),
    principleOfTheDay: () => openWithActions(principleOfTheDay(localToday()), notes),
    openPrinciple: ({ principleId }) => openPrinciple(notes, principleId),
    switchHat: () => hats.switch(),
    whichHat: () => whichHat(hats, notes),
  };
}

/** Shows a principle with what to do with it; an id that names none (a stale link) is said so. */
export function openPrinciple(notes: LastNoteEditor, principleId: string | undefined) {
  const principle = principleId === undefined ? undefined : findPrinciple(principleId);
  if (!principle && principleId !== undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('There is no principle {0}.', principleId));
  }
  return principle ? openWithActions(principle, notes) : undefined;
}

/** Sides in the order the current hat leans: its own side first, relationship skills last. */
function sidesFor(hats: HatState): Side[] {
  return HAT_DESCRIPTIONS[hats.current].side === 'leadership'
    ? ['leadership', 'management', 'relationship']
    : ['management', 'leadership', 'relationship'];
}

async function browsePrinciples(hats: HatState, notes: LastNoteEditor): Promise<void> {
  const items: PrincipleItem[] = [];
  for (const side of sidesFor(hats)) {
    items.push({ label: SIDE_LABELS[side], kind: vscode.QuickPickItemKind.Separator });
    for (const principle of PRINCIPLES.filter((p) => p.side === side)) {
      items.push({ ...principlePickerText(principle), principle });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Two Hats: Principles'),
    placeHolder: vscode.l10n.t('Type a word: a situation, a skill, a text…'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked?.principle) {
    await openWithActions(picked.principle, notes);
  }
}

/** Opens a principle, rendered and read-only, then offers what to do with it. */
async function openWithActions(principle: Principle, notes: LastNoteEditor): Promise<void> {
  await showPrinciple(principle);
  const insert = { label: `$(insert) ${vscode.l10n.t('Insert a question into the current note')}`, action: 'insert' as const };
  const queue = { label: `$(comment-discussion) ${vscode.l10n.t('Queue a question as a talking point for…')}`, action: 'queue' as const };
  const copy = { label: `$(copy) ${vscode.l10n.t('Copy as Markdown')}`, action: 'copy' as const };
  const choice = await vscode.window.showQuickPick([insert, queue, copy], {
    title: principle.title,
    placeHolder: vscode.l10n.t('Use this principle, or press Escape to just read it'),
  });
  if (choice?.action === 'insert') {
    const prompt = await pickPrompt(principle);
    if (prompt) {
      await notes.insert(promptForNote(principle, prompt));
    }
  } else if (choice?.action === 'queue') {
    const prompt = await pickPrompt(principle);
    if (prompt) {
      await executeOwnCommand('queueTalkingPoint', { text: promptForNote(principle, prompt) });
    }
  } else if (choice?.action === 'copy') {
    await vscode.env.clipboard.writeText(principleAsMarkdown(principle));
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied “{0}”.', principle.title));
  }
}

async function pickPrompt(principle: Principle): Promise<string | undefined> {
  return principle.prompts.length === 1
    ? principle.prompts[0]
    : vscode.window.showQuickPick(principle.prompts, { title: principle.title, placeHolder: vscode.l10n.t('Which question?') });
}

async function insertPrinciplePrompt(notes: LastNoteEditor): Promise<void> {
  const items = PRINCIPLES.flatMap((principle) =>
    principle.prompts.map((prompt) => ({ label: prompt, description: principle.title, detail: SOURCES[principle.source].short, principle, prompt })),
  );
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Two Hats: Insert Principle Prompt'),
    placeHolder: vscode.l10n.t('Type a word to find a question to ask'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked) {
    await notes.insert(promptForNote(picked.principle, picked.prompt));
  }
}

async function whichHat(hats: HatState, notes: LastNoteEditor): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    SITUATIONS.map((situation) => ({ label: situation.label, situation })),
    { title: vscode.l10n.t('Two Hats: Which Hat Does This Need?'), placeHolder: vscode.l10n.t('What is the situation?') },
  );
  if (!picked) {
    return;
  }
  const { situation } = picked;
  const principle = findPrinciple(situation.principleId)!;
  const leader = situation.hat === 'leader';
  const wear = leader ? vscode.l10n.t('Wear the Leader Hat') : vscode.l10n.t('Wear the Manager Hat');
  const read = vscode.l10n.t('Read the Principle');
  const actions = hats.current === situation.hat ? [read] : [wear, read];
  const choice = await vscode.window.showInformationMessage(
    leader
      ? vscode.l10n.t("{0}: the leader's hat. {1} ({2})", situation.label, situation.why, principle.title)
      : vscode.l10n.t("{0}: the manager's hat. {1} ({2})", situation.label, situation.why, principle.title),
    ...actions,
  );
  if (choice === wear) {
    await hats.wear(situation.hat);
  } else if (choice === read) {
    await openWithActions(principle, notes);
  }
}
