/** What the sidebar's delegation section asks the host to do, after the protocol validated it. */
import * as vscode from 'vscode';
import { assertNever } from '../../shared/assertNever';
import { tickStep, type DelegationItem } from '../../shared/delegation/items';
import type { DelegationIntent } from '../../shared/protocol';
import { localToday } from '../../shared/team';
import { openCodeReference } from '../codeSelection';
import { COMMANDS } from '../constants';
import type { DelegationStore } from '../storage/delegationStore';
import type { SelfCheckState } from './reflectionCommands';

/** Intents that are a palette command with the ids the sidebar already knows. */
const FORWARDED = {
  add: COMMANDS.addDelegationItem,
  findBottlenecks: COMMANDS.findBottlenecks,
  assign: COMMANDS.assignDelegation,
  changeLevel: COMMANDS.changeDelegationLevel,
  setStatus: COMMANDS.setDelegationStatus,
  relapse: COMMANDS.recordRelapse,
  noteStep: COMMANDS.noteDelegationStep,
} as const;

type ForwardedIntent = Extract<DelegationIntent, { kind: keyof typeof FORWARDED }>;

function isForwarded(intent: DelegationIntent): intent is ForwardedIntent {
  return intent.kind in FORWARDED;
}

/** Runs the intent; returns the item when it was deleted, so the sidebar can offer Undo. */
export async function handleDelegationIntent(
  intent: DelegationIntent,
  delegation: DelegationStore,
  selfChecks: SelfCheckState,
): Promise<DelegationItem | undefined> {
  if (isForwarded(intent)) {
    const { kind, ...args } = intent;
    await vscode.commands.executeCommand(FORWARDED[kind], ...(Object.keys(args).length > 0 ? [args] : []));
    return undefined;
  }
  switch (intent.kind) {
    case 'openSource': {
      const source = delegation.find(intent.itemId)?.source;
      if (source) {
        await openCodeReference(source);
      }
      return undefined;
    }
    case 'tickStep': {
      const result = await delegation.update(intent.itemId, (item) => tickStep(item, intent.stepId, intent.done, localToday()));
      if (!result.ok) {
        void vscode.window.showErrorMessage(result.error);
      }
      return undefined;
    }
    case 'delete': {
      const result = await delegation.remove(intent.itemId);
      if (!result.ok) {
        void vscode.window.showErrorMessage(result.error);
        return undefined;
      }
      return result.result;
    }
    case 'restore': {
      const result = await delegation.restore(intent.itemId);
      if (!result.ok) {
        void vscode.window.showErrorMessage(result.error);
      }
      return undefined;
    }
    case 'selfCheckDone':
      await selfChecks.markDone(intent.week);
      return undefined;
    default:
      return assertNever(intent);
  }
}
