/**
 * What the sidebar asks the host to do, after the protocol validated it: each intent goes to a use
 * case (when the sidebar already knows everything the action needs) or to the palette's command
 * with what the sidebar knows (when the user still has to choose: a template, a level, a text).
 */
import * as vscode from 'vscode';
import { assertNever } from '../../shared/assertNever';
import { isPrincipleId } from '../../shared/principles/catalogue';
import type { HostMessage, WebviewMessage, WebviewRequest } from '../../shared/protocol';
import { handleDelegationIntent } from '../delegation/sidebarIntents';
import { enableGlobalStorageWhenNoFolder } from '../storage/dataLocation';
import type { MutationResult } from '../storage/teamStore';
import { goalReachedMessage, markGoalReached } from '../useCases/goals';
import { addPerson, setPersonArchived, updatePerson } from '../useCases/people';
import { tickActionItem } from '../useCases/tickActionItem';
import { previewOf } from './notePreview';
import type { SidebarSources } from './sidebarProvider';

/** Every message but `ready`, which the provider answers itself. */
export type SidebarIntent = Exclude<WebviewMessage, { type: 'ready' }>;

/** What an intent can do to the sidebar itself. */
export interface SidebarSurface {
  readonly sources: SidebarSources;
  readonly log: vscode.LogOutputChannel;
  post(message: HostMessage): Promise<void>;
  /** Repaints soon, from the stores. */
  refresh(): void;
  /** Opens a person's 1:1 history in the sidebar (undefined closes it) and repaints now. */
  showHistory(personId: string | undefined): Promise<void>;
}

export async function handleSidebarIntent(message: SidebarIntent, sidebar: SidebarSurface): Promise<void> {
  const { team, notes, delegation, hats, selfChecks, drafts, presenting, commands } = sidebar.sources;
  switch (message.type) {
    case 'keepDraft':
      drafts.keep(message.form);
      return;
    case 'showHistory':
      await sidebar.showHistory(message.personId);
      return;
    case 'addPerson':
      return answer(sidebar, message, await addPerson(team, message.draft));
    case 'updatePerson':
      return answer(sidebar, message, await updatePerson(team, { personId: message.id, draft: message.draft }));
    case 'setArchived':
      return answer(sidebar, message, await setPersonArchived(team, { personId: message.id, archived: message.archived }));
    case 'openFolder':
      await vscode.commands.executeCommand('workbench.action.files.openFolder');
      return;
    case 'useGlobalStorage':
      await enableGlobalStorageWhenNoFolder();
      return;
    case 'showDataLocation':
      await commands.showDataLocation(undefined);
      return;
    case 'unlock':
      await commands.unlockNotes({});
      return;
    // The palette's commands, given the person: they ask for the template or the text.
    case 'startOneOnOne':
      await commands.startOneOnOne({ personId: message.personId });
      return;
    case 'prepareOneOnOne':
      await commands.prepareOneOnOne({ personId: message.personId });
      return;
    case 'addGoal':
      await commands.addGoal({ personId: message.personId });
      return;
    case 'markGoalReached': {
      const reached = await markGoalReached(team, message);
      if (reached.ok) {
        void vscode.window.showInformationMessage(goalReachedMessage(reached));
      } else {
        void vscode.window.showErrorMessage(reached.error);
      }
      return;
    }
    case 'queueTalkingPoint':
      await commands.queueTalkingPoint({ personId: message.personId });
      return;
    case 'previewNote': {
      const meta = presenting.on ? undefined : notes.find(message.noteId);
      if (meta) {
        void sidebar.post({ type: 'didLoadNotePreview', noteId: meta.id, title: meta.title, markdown: previewOf(await notes.read(meta.id)) });
      }
      return;
    }
    case 'openNote':
      await commands.openNote({ noteId: message.noteId });
      return;
    case 'tickActionItem': {
      const ticked = await tickActionItem(notes, message);
      if (!ticked.ok) {
        void vscode.window.showWarningMessage(ticked.error);
        sidebar.refresh();
      }
      return;
    }
    case 'switchHat':
      await hats.switch();
      return;
    case 'delegation': {
      const deleted = await handleDelegationIntent(message.intent, { delegation, selfChecks, commands });
      if (deleted) {
        void sidebar.post({ type: 'didDeleteDelegationItem', itemId: deleted.id, title: deleted.title });
      }
      return;
    }
    case 'stopPresenting':
      await presenting.set(false);
      return;
    case 'openPrinciple':
      if (isPrincipleId(message.id)) {
        await commands.openPrinciple({ principleId: message.id });
      } else {
        sidebar.log.warn(`The sidebar asked for an unknown principle: ${message.id}`);
      }
      return;
    default:
      assertNever(message);
  }
}

/** Tells the form that sent `request` how it went: the person saved, or why not. */
function answer(sidebar: SidebarSurface, request: WebviewRequest, result: MutationResult): void {
  void sidebar.post(
    result.ok
      ? { type: 'didCompleteRequest', requestId: request.requestId, personId: result.person.id }
      : { type: 'didCompleteRequest', requestId: request.requestId, error: result.error },
  );
}
