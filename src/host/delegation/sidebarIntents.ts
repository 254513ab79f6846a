/** What the sidebar's delegation section asks the host to do, after the protocol validated it. */
import * as vscode from 'vscode';
import { assertNever } from '../../shared/assertNever';
import type { DelegationItem } from '../../shared/delegation/items';
import type { DelegationIntent } from '../../shared/protocol';
import { openCodeReference } from '../codeSelection';
import type { CommandHandlers } from '../commands/commandTable';
import type { DelegationStore } from '../storage/delegationStore';
import { deleteDelegationItem, restoreDelegationItem, tickDelegationStep } from '../useCases/delegation';
import type { SelfCheckState } from './selfCheckState';

/** What the delegation section acts on: the store, the self-check, and the palette's own actions. */
export interface DelegationIntentTargets {
  readonly delegation: DelegationStore;
  readonly selfChecks: SelfCheckState;
  readonly commands: CommandHandlers;
}

/** Runs the intent; returns the item when it was deleted, so the sidebar can offer Undo. */
export async function handleDelegationIntent(
  intent: DelegationIntent,
  { delegation, selfChecks, commands }: DelegationIntentTargets,
): Promise<DelegationItem | undefined> {
  switch (intent.kind) {
    // The palette's commands, with the ids the sidebar already knows; they ask for the rest.
    case 'add':
      await commands.addDelegationItem({});
      return undefined;
    case 'findBottlenecks':
      await commands.findBottlenecks({});
      return undefined;
    case 'assign':
      await commands.assignDelegation({ itemId: intent.itemId });
      return undefined;
    case 'changeLevel':
      await commands.changeDelegationLevel({ itemId: intent.itemId });
      return undefined;
    case 'setStatus':
      await commands.setDelegationStatus({ itemId: intent.itemId });
      return undefined;
    case 'relapse':
      await commands.recordRelapse({ itemId: intent.itemId });
      return undefined;
    case 'noteStep':
      await commands.noteDelegationStep({ itemId: intent.itemId, stepId: intent.stepId });
      return undefined;
    case 'openSource': {
      const source = delegation.find(intent.itemId)?.source;
      if (source) {
        await openCodeReference(source);
      }
      return undefined;
    }
    case 'tickStep': {
      const result = await tickDelegationStep(delegation, intent);
      if (!result.ok) {
        void vscode.window.showErrorMessage(result.error);
      }
      return undefined;
    }
    case 'delete': {
      const result = await deleteDelegationItem(delegation, intent.itemId);
      if (!result.ok) {
        void vscode.window.showErrorMessage(result.error);
        return undefined;
      }
      return result.result;
    }
    case 'restore': {
      const result = await restoreDelegationItem(delegation, intent.itemId);
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
