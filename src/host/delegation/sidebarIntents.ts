/** What the sidebar's delegation section asks the host to do, after the protocol validated it. */
import * as vscode from 'vscode';
import { assertNever } from '../../shared/assertNever';
import { tickStep, type DelegationItem } from '../../shared/delegation/items';
import type { DelegationIntent } from '../../shared/protocol';
import { localToday } from '../../shared/team';
import { COMMANDS } from '../constants';
import type { DelegationStore } from '../storage/delegationStore';
import type { SelfCheckState } from './reflectionCommands';

/** Runs the intent; returns the item when it was deleted, so the sidebar can offer Undo. */
export async function handleDelegationIntent(
  intent: DelegationIntent,
  delegation: DelegationStore,
  selfChecks: SelfCheckState,
): Promise<DelegationItem | undefined> {
  switch (intent.kind) {
    case 'add':
      await vscode.commands.executeCommand(COMMANDS.addDelegationItem);
      return undefined;
    case 'findBottlenecks':
      await vscode.commands.executeCommand(COMMANDS.findBottlenecks);
      return undefined;
    case 'assign':
      await vscode.commands.executeCommand(COMMANDS.assignDelegation, { itemId: intent.itemId });
      return undefined;
    case 'changeLevel':
      await vscode.commands.executeCommand(COMMANDS.changeDelegationLevel, { itemId: intent.itemId });
      return undefined;
    case 'setStatus':
      await vscode.commands.executeCommand(COMMANDS.setDelegationStatus, { itemId: intent.itemId });
      return undefined;
    case 'relapse':
      await vscode.commands.executeCommand(COMMANDS.recordRelapse, { itemId: intent.itemId });
      return undefined;
    case 'noteStep':
      await vscode.commands.executeCommand(COMMANDS.noteDelegationStep, { itemId: intent.itemId, stepId: intent.stepId });
      return undefined;
    case 'openSource': {
      const source = delegation.find(intent.itemId)?.source;
      if (source) {
        await openCodeReference(source.uri, source.startLine, source.endLine);
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

/** Opens a remembered code place, refusing anything but a file the user could open themselves. */
async function openCodeReference(uriText: string, startLine: number, endLine: number): Promise<void> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(uriText, true);
  } catch {
    return;
  }
  if (uri.scheme === 'command') {
    return;
  }
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(startLine - 1, 0, endLine, 0), preview: true }).then(undefined, () =>
    vscode.window.showErrorMessage(`Could not open ${uri.fsPath}; it may have moved since.`),
  );
}
