/**
 * Export every note to a Markdown folder the user picks, and import such a folder back. Exported
 * notes leave the private storage, so the user is told it holds personal data, private sections
 * are included only when asked, and an import never overwrites a note that is already here.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import { IMPORT_FILE_MAX_BYTES, IMPORT_MAX_FILES, importProblem } from '../../shared/fileLimits';
import { ExportNames, exportedNote, parseExportedNote, type ExportedNote } from '../../shared/oneOnOnes/exportFormat';
import { headerOf } from '../../shared/oneOnOnes/noteIndex';
import { shareableAgenda } from '../../shared/oneOnOnes/privacy';
import { normalizeName, type Person } from '../../shared/team';
import { readBounded, TooLargeToRead } from '../storage/boundedRead';
import type { NoteStore } from '../storage/noteStore';
import { notReadyMessage, type TeamStore } from '../storage/teamStore';
import { freshFolder, markdownFilesUpTo, writeNewFile } from './exportFiles';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export interface ExportResult {
  readonly folder: vscode.Uri;
  /** Notes written. */
  readonly notes: number;
  /** Notes not written, each with why. */
  readonly failed: readonly string[];
}

export interface ImportResult {
  readonly imported: number;
  readonly alreadyHere: number;
  readonly peopleAdded: number;
  readonly skipped: readonly string[];
  /** Why the import as a whole was refused, with nothing changed. */
  readonly refused?: string;
}

export function exportImportCommands(team: TeamStore, notes: NoteStore): SomeCommandHandlers<'exportNotes' | 'importNotes'> {
  return {
    exportNotes: (args) => exportNotes(team, notes, args),
    importNotes: (args) => importNotes(team, notes, args),
  };
}

function insideWorkspace(folder: vscode.Uri): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((w) => folder.path === w.uri.path || folder.path.startsWith(`${w.uri.path}/`));
}

async function pickFolder(title: string, openLabel: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ title, openLabel, canSelectFolders: true, canSelectFiles: false, canSelectMany: false });
  return picked?.[0];
}

async function exportNotes(team: TeamStore, notes: NoteStore, args: CommandArgs<'exportNotes'>): Promise<ExportResult | undefined> {
  if (!notes.ready || notes.all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no 1:1 notes to export yet.'));
    return undefined;
  }
  let includePrivate = typeof args.includePrivate === 'boolean' ? args.includePrivate : undefined;
  if (includePrivate === undefined) {
    const shareable = vscode.l10n.t('Export Without Private Sections');
    const everything = vscode.l10n.t('Export Everything, Private Sections Included');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t(
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
  let count = 0;
  for (const meta of notes.all) {
    const person = people.get(meta.personId) ?? 'Unknown person';
    try {
      const file = exportedNote(headerOf(meta), person, await notes.read(meta.id), includePrivate);
      await writeNewFile(folder, names, file.path, encoder.encode(file.text));
      count++;
    } catch (error) {
      failed.push(`${person}, ${meta.date} (${meta.title}): ${(error as Error).message}`);
    }
  }
  if (typeof args.folder !== 'string') {
    const reveal = vscode.l10n.t('Reveal in File Explorer');
    const written = includePrivate
      ? vscode.l10n.t('{0} notes, private sections included, to {1}', count, folder.fsPath)
      : vscode.l10n.t('{0} notes, without private sections, to {1}', count, folder.fsPath);
    const shown =
      failed.length === 0
        ? vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', written), reveal)
        : vscode.window.showWarningMessage(vscode.l10n.t('Exported only {0}. {1} could not be written: {2}', written, failed.length, firstFew(failed)), reveal);
    void shown.then((choice) => (choice === reveal ? vscode.commands.executeCommand('revealFileInOS', folder) : undefined));
  }
  return { folder, notes: count, failed };
}

/** A file that parsed as an exported note, its body dropped until it is imported. */
interface ImportCandidate {
  readonly uri: vscode.Uri;
  readonly name: string;
  readonly person: string;
  readonly personId: string;
}

/** Reads and parses one file of an import, its size checked first; a sentence when it is not a note. */
async function readExport(uri: vscode.Uri): Promise<ExportedNote | string> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readBounded(uri, IMPORT_FILE_MAX_BYTES);
  } catch (error) {
    return error instanceof TooLargeToRead ? vscode.l10n.t('not read: {0}.', error.problem) : vscode.l10n.t('not readable ({0})', (error as Error).message);
  }
  if (bytes === undefined) {
    return vscode.l10n.t('gone before it could be read');
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return vscode.l10n.t('not readable as UTF-8 text');
  }
  const parsed = parseExportedNote(text);
  return parsed.ok ? parsed.note : parsed.reason;
}

/** People the notes name who are neither on the team by id nor by name. */
function newPeopleIn(team: TeamStore, candidates: readonly ImportCandidate[]): number {
  const known = new Set(team.all.map((p) => p.name.toLocaleLowerCase()));
  const added = new Set<string>();
  for (const candidate of candidates) {
    const name = normalizeName(candidate.person).toLocaleLowerCase();
    if (!team.find(candidate.personId) && !known.has(name)) {
      added.add(name);
    }
  }
  return added.size;
}

async function importNotes(team: TeamStore, notes: NoteStore, args: CommandArgs<'importNotes'>): Promise<ImportResult | undefined> {
  if (team.state.kind !== 'ready' || !notes.ready) {
    void vscode.window.showErrorMessage(
      team.state.kind === 'noFolder' || team.state.kind === 'ready'
        ? vscode.l10n.t('Open a folder first: Two Hats keeps 1:1 notes in that workspace’s private storage.')
        : notReadyMessage(team.state),
    );
    return undefined;
  }
  const folder = typeof args.folder === 'string' ? vscode.Uri.file(args.folder) : await pickFolder(vscode.l10n.t('Two Hats: Import 1:1 notes from…'), vscode.l10n.t('Import'));
  if (!folder) {
    return undefined;
  }
  const skipped: string[] = [];
  let imported = 0;
  let alreadyHere = 0;
  let peopleAdded = 0;
  // Everything is read and counted before anything changes: a refused import changes nothing.
  const listing = await markdownFilesUpTo(folder, IMPORT_MAX_FILES);
  const candidates: ImportCandidate[] = [];
  for (const uri of listing.files) {
    const name = vscode.workspace.asRelativePath(uri, false);
    const read = await readExport(uri);
    if (typeof read === 'string') {
      skipped.push(`${name}: ${read}`);
    } else {
      // Thousands of bodies need not sit in memory while the import is weighed.
      candidates.push({ uri, name, person: read.person, personId: read.header.personId });
    }
  }
  const refused = importProblem({ files: listing.overCap ? IMPORT_MAX_FILES + 1 : listing.files.length, newPeople: newPeopleIn(team, candidates) });
  if (refused) {
    if (typeof args.folder !== 'string') {
      void vscode.window.showErrorMessage(refused);
    }
    return { imported: 0, alreadyHere: 0, peopleAdded: 0, skipped: [], refused };
  }
  for (const { uri, name } of candidates) {
    const note = await readExport(uri);
    if (typeof note === 'string') {
      skipped.push(`${name}: ${note}`);
      continue;
    }
    const person = await personFor(team, note);
    if (!person.ok) {
      skipped.push(`${name}: ${person.error}`);
      continue;
    }
    peopleAdded += person.added ? 1 : 0;
    const existing = notes.find(note.header.id);
    if (existing) {
      const current = await notes.read(existing.id).catch(() => undefined);
      if (current !== undefined && (current === note.content || (!note.privateIncluded && shareableAgenda(current) === note.content))) {
        alreadyHere++;
        continue;
      }
    }
    // A note that differs from the one here under the same id comes in beside it, never over it.
    const header = { ...note.header, personId: person.person.id, ...(existing ? { id: randomUUID() } : {}) };
    await notes.importNote(header, note.content);
    imported++;
  }
  const result = { imported, alreadyHere, peopleAdded, skipped };
  if (typeof args.folder !== 'string') {
    const summary =
      peopleAdded > 0
        ? vscode.l10n.t('Imported {0} notes and {1} people; {2} were already here.', imported, peopleAdded, alreadyHere)
        : vscode.l10n.t('Imported {0} notes; {1} were already here.', imported, alreadyHere);
    if (skipped.length > 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} Skipped {1}: {2}', summary, skipped.length, firstFew(skipped)));
    } else {
      void vscode.window.showInformationMessage(summary);
    }
  }
  return result;
}

/** The first five reasons, and an ellipsis when there are more. */
function firstFew(reasons: readonly string[]): string {
  return `${reasons.slice(0, 5).join('; ')}${reasons.length > 5 ? '; …' : ''}`;
}

/** The person a note belongs to: the same id, else the same name, else someone new. */
async function personFor(team: TeamStore, note: ExportedNote): Promise<{ ok: true; person: Person; added: boolean } | { ok: false; error: string }> {
  const byId = team.find(note.header.personId);
  if (byId) {
    return { ok: true, person: byId, added: false };
  }
  const name = normalizeName(note.person);
  const byName = team.all.find((p) => p.name.localeCompare(name, undefined, { sensitivity: 'accent' }) === 0);
  if (byName) {
    return { ok: true, person: byName, added: false };
  }
  const added = await team.add({ name, role: '', cadence: 'weekly' });
  return added.ok ? { ok: true, person: added.person, added: true } : { ok: false, error: added.error };
}
