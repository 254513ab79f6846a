/**
 * `Two Hats: Search 1:1 Notes…`: every word must begin a word of the note; results show person,
 * date and a snippet (no snippet while presenting). Searches the persisted full-text index
 * (storage/noteSearchIndexFile.ts), which the first search of a session loads.
 */
import * as vscode from 'vscode';
import type { SomeCommandHandlers } from '../commands/commandTable';
import type { SearchHit } from '../../shared/oneOnOnes/search';
import type { NoteSearchIndex } from '../../shared/oneOnOnes/searchIndex';
import { templateTitleOf } from '../../shared/oneOnOnes/templates';
import type { NoteStore } from '../storage/noteStore';
import type { TeamStore } from '../storage/teamStore';
import { noteUri } from './noteFileSystem';
import { withPrivateLinesBlanked } from '../../shared/oneOnOnes/privacy';

type HitItem = vscode.QuickPickItem & { hit: SearchHit };

export function searchCommands(team: TeamStore, notes: NoteStore, presenting: { readonly on: boolean }): SomeCommandHandlers<'searchNotes'> {
  return { searchNotes: (query) => searchNotesCommand(team, notes, query, presenting) };
}

/** Shows the search; with a `query` argument, returns the hits' note ids instead of asking. */
async function searchNotesCommand(team: TeamStore, notes: NoteStore, query: string | undefined, presenting: { readonly on: boolean }): Promise<string[] | undefined> {
  if (!notes.ready) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: Two Hats keeps 1:1 notes in that workspace’s private storage.'));
    return undefined;
  }
  if (typeof query === 'string') {
    const index = await notes.searchIndex();
    return index.find(query, { order: notes.newestFirst() }).map((hit) => hit.id);
  }
  const picker = vscode.window.createQuickPick<HitItem>();
  picker.title = vscode.l10n.t('Two Hats: Search 1:1 Notes');
  picker.placeholder = vscode.l10n.t('Words to find in any 1:1 note');
  picker.matchOnDescription = true;
  // While presenting, results are titles only: a snippet is note text on a shared screen.
  const titlesOnly = presenting.on;
  picker.matchOnDetail = !titlesOnly;
  // Open at once; the index is loaded (once per session) while the user types.
  picker.busy = true;
  let index: NoteSearchIndex | undefined;
  const order = notes.newestFirst();
  const toItem = (hit: SearchHit): HitItem | undefined => {
    const meta = notes.find(hit.id);
    if (!meta) {
      return undefined;
    }
    const person = team.find(meta.personId)?.name ?? vscode.l10n.t('Someone no longer on the team');
    return {
      label: `${person} · ${meta.date}`,
      description: templateTitleOf(meta),
      ...(titlesOnly ? {} : { detail: hit.snippet }),
      // Every term already matched the note; keep VS Code's own filter from hiding it.
      alwaysShow: true,
      hit,
    };
  };
  // While presenting, only the shareable part is searched: a hit on a private word would tell
  // the screen which notes hold it. Each note is read for its private part once per search.
  const shareable = new Map<string, string>();
  const shareableOf = (id: string, text: string): string => {
    let kept = shareable.get(id);
    if (kept === undefined) {
      kept = withPrivateLinesBlanked(text);
      shareable.set(id, kept);
    }
    return kept;
  };
  const update = () => {
    if (index) {
      picker.items = index.find(picker.value, { order, ...(titlesOnly ? { shareableOf } : {}) }).flatMap((hit) => toItem(hit) ?? []);
    }
  };
  picker.onDidChangeValue(update);
  picker.onDidAccept(async () => {
    const chosen = picker.selectedItems[0];
    picker.hide();
    const meta = chosen && notes.find(chosen.hit.id);
    if (meta) {
      const position = new vscode.Position(chosen.hit.line, 0);
      await vscode.window.showTextDocument(noteUri(meta.id, meta.title), { preview: false, selection: new vscode.Range(position, position) });
    }
  });
  picker.onDidHide(() => picker.dispose());
  picker.show();
  // A rebuild (no index yet, or a damaged one) reads every note: search what it holds as it goes.
  const searchIn = (soFar: NoteSearchIndex) => {
    index = soFar;
    update();
  };
  void notes.searchIndex(searchIn).then(searchIn, () => undefined).finally(() => {
    picker.busy = false;
  });
  return undefined;
}
