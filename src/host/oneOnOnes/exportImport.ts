/**
 * Export every note to a Markdown folder the user picks (import is noteImport.ts). Exported notes
 * leave the private storage, so the user is told it holds personal data, private sections are
 * included only when asked, and while the notes are encrypted the export can be too.
 */
import * as vscode from 'vscode';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import { ExportNames, exportedNote } from '../../shared/oneOnOnes/exportFormat';
import { headerOf } from '../../shared/oneOnOnes/noteIndex';
import type { NoteStore } from '../storage/noteStore';
import type { TeamStore } from '../storage/teamStore';
import { firstFew, freshFolder, pickFolder, writeNewFile } from './exportFiles';
import { importNotes } from './noteImport';
import { HOW_TO_OPEN, HOW_TO_OPEN_NAME, SEALED_KEYFILE_NAME, SEALED_SUFFIX, sealedForms, type ExportKey, type ExportSealing } from './sealedExport';
import { safeFileReason, shownPlace } from '../shownErrors';

const encoder = new TextEncoder();

export interface ExportResult {
  readonly folder: vscode.Uri;
  /** Notes written. */
  readonly notes: number;
  /** Notes not written, each with why. */
  readonly failed: readonly string[];
  /** Whether the notes were sealed with the data key (importable with the passphrase). */
  readonly encrypted: boolean;
}

export type { ImportResult } from './noteImport';

export function exportImportCommands(team: TeamStore, notes: NoteStore, sealing: ExportSealing): SomeCommandHandlers<'exportNotes' | 'importNotes'> {
  return {
    exportNotes: (args) => exportNotes(team, notes, sealing, args),
    importNotes: (args) => importNotes(team, notes, sealing, args),
  };
}

function insideWorkspace(folder: vscode.Uri): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((w) => folder.path === w.uri.path || folder.path.startsWith(`${w.uri.path}/`));
}

/**
 * While the notes are encrypted, whether to export them sealed (the key stays the passphrase's)
 * or as plain Markdown; undefined when the user cancelled. Plain notes export plain.
 */
async function exportForm(sealing: ExportSealing, args: CommandArgs<'exportNotes'>): Promise<{ key: ExportKey | undefined } | undefined> {
  const key = await sealing.exportKey();
  if (!key) {
    return { key: undefined };
  }
  // The copy of the key is wiped on every path that does not hand it on (plain, cancelled).
  const unused = <T>(result: T): T => {
    key.dataKey.fill(0);
    return result;
  };
  if (args.encrypted === false) {
    return unused({ key: undefined });
  }
  if (args.encrypted === true) {
    return { key };
  }
  const sealed = vscode.l10n.t('Export Encrypted');
  const plain = vscode.l10n.t('Export as Plain Markdown');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Your notes are encrypted. Export them encrypted, to import with your passphrase, or as plain Markdown files anyone who finds them can read?'),
    { modal: true },
    sealed,
    plain,
  );
  if (answer === sealed) {
    return { key };
  }
  return unused(answer === undefined ? undefined : { key: undefined });
}

async function exportNotes(team: TeamStore, notes: NoteStore, sealing: ExportSealing, args: CommandArgs<'exportNotes'>): Promise<ExportResult | undefined> {
  if (!notes.ready || notes.all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no 1:1 notes to export yet.'));
    return undefined;
  }
  const form = await exportForm(sealing, args);
  if (!form) {
    return undefined;
  }
  const { key } = form;
  try {
    return await exportWith(team, notes, key, args);
  } finally {
    key?.dataKey.fill(0);
  }
}

async function exportWith(team: TeamStore, notes: NoteStore, key: ExportKey | undefined, args: CommandArgs<'exportNotes'>): Promise<ExportResult | undefined> {
  let includePrivate = typeof args.includePrivate === 'boolean' ? args.includePrivate : undefined;
  if (includePrivate === undefined) {
    const shareable = vscode.l10n.t('Export Without Private Sections');
    const everything = vscode.l10n.t('Export Everything, Private Sections Included');
    const answer = await vscode.window.showWarningMessage(
      key
        ? vscode.l10n.t('Export {0} 1:1 notes encrypted? Only your passphrase opens them: keep it, or the export cannot be read.', notes.all.length)
        : vscode.l10n.t(
            'Export {0} 1:1 notes as Markdown files? They hold personal notes about your people and will sit outside Two Hats’ private storage: keep them somewhere only you can read.',
            notes.all.length,
          ),
      { modal: true },
      shareable,
      everything,
    );
    if (!answer) {
      return undefined;
    }
    includePrivate = answer === everything;
  }
  const parent = typeof args.folder === 'string' ? vscode.Uri.file(args.folder) : await pickFolder(vscode.l10n.t('Two Hats: Export 1:1 notes to…'), vscode.l10n.t('Export Here'));
  if (!parent) {
    return undefined;
  }
  if (typeof args.folder !== 'string' && insideWorkspace(parent)) {
    const go = vscode.l10n.t('Export Into the Workspace');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('That folder is inside your workspace, so the notes could end up committed to the repository. Export there anyway?'),
      { modal: true },
      go,
    );
    if (answer !== go) {
      return undefined;
    }
  }
  const folder = await freshFolder(parent, `two-hats-notes-${new Date().toISOString().slice(0, 10)}`);
  const people = new Map(team.all.map((p) => [p.id, p.name]));
  const names = new ExportNames();
  const failed: string[] = [];
  if (key) {
    // The key file first: a sealed note without it could never be opened.
    await writeNewFile(folder, names, SEALED_KEYFILE_NAME, encoder.encode(key.keyfileText));
    await writeNewFile(folder, names, HOW_TO_OPEN_NAME, encoder.encode(HOW_TO_OPEN));
  }
  let count = 0;
  for (const meta of notes.all) {
    const person = people.get(meta.personId) ?? 'Unknown person';
    try {
      const file = exportedNote(headerOf(meta), person, await notes.read(meta.id), includePrivate);
      if (key) {
        // Numbered names: a person's name or a date in a file name would say what the sealed bytes hide.
        await writeNewFile(folder, names, `notes/${String(count + 1).padStart(5, '0')}.md${SEALED_SUFFIX}`, sealedForms().sealNote(key, file.text));
      } else {
        await writeNewFile(folder, names, file.path, encoder.encode(file.text));
      }
      count++;
    } catch (error) {
      failed.push(`${person}, ${meta.date} (${meta.title}): ${safeFileReason(error)}`);
    }
  }
  if (typeof args.folder !== 'string') {
    const reveal = vscode.l10n.t('Reveal in File Explorer');
    const written = key
      ? includePrivate
        ? vscode.l10n.t('{0} notes, encrypted, private sections included, to {1}', count, shownPlace(folder))
        : vscode.l10n.t('{0} notes, encrypted, without private sections, to {1}', count, shownPlace(folder))
      : includePrivate
        ? vscode.l10n.t('{0} notes, private sections included, to {1}', count, shownPlace(folder))
        : vscode.l10n.t('{0} notes, without private sections, to {1}', count, shownPlace(folder));
    const shown =
      failed.length === 0
        ? vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', written), reveal)
        : vscode.window.showWarningMessage(vscode.l10n.t('Exported only {0}. {1} could not be written: {2}', written, failed.length, firstFew(failed)), reveal);
    void shown.then((choice) => (choice === reveal ? vscode.commands.executeCommand('revealFileInOS', folder) : undefined));
  }
  return { folder, notes: count, failed, encrypted: key !== undefined };
}
