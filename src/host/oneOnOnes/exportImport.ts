/**
 * Export every note to a Markdown folder the user picks, and import such a folder back. Exported
 * notes leave the private storage, so the user is told it holds personal data, private sections
 * are included only when asked, and an import never overwrites a note that is already here.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { exportedNote, parseExportedNote, type ExportedNote } from '../../shared/oneOnOnes/exportFormat';
import { headerOf } from '../../shared/oneOnOnes/noteIndex';
import { shareableAgenda } from '../../shared/oneOnOnes/templates';
import { normalizeName, type Person } from '../../shared/team';
import { COMMANDS } from '../constants';
import { writeFileAtomic } from '../storage/atomicFile';
import { createPrivateFolder } from '../storage/permissions';
import type { NoteStore } from '../storage/noteStore';
import type { TeamStore } from '../storage/teamStore';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const MAX_IMPORT_FILES = 50_000;
const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export interface ExportResult {
  readonly folder: vscode.Uri;
  readonly notes: number;
}

export interface ImportResult {
  readonly imported: number;
  readonly alreadyHere: number;
  readonly peopleAdded: number;
  readonly skipped: readonly string[];
}

type Args = { folder?: unknown; includePrivate?: unknown };

function asArgs(arg: unknown): Args {
  return typeof arg === 'object' && arg !== null ? (arg as Args) : {};
}

export function registerExportImportCommands(team: TeamStore, notes: NoteStore): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.exportNotes, (arg?: unknown) => exportNotes(team, notes, asArgs(arg))),
    vscode.commands.registerCommand(COMMANDS.importNotes, (arg?: unknown) => importNotes(team, notes, asArgs(arg))),
  ];
}

function insideWorkspace(folder: vscode.Uri): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((w) => folder.path === w.uri.path || folder.path.startsWith(`${w.uri.path}/`));
}

async function pickFolder(title: string, openLabel: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ title, openLabel, canSelectFolders: true, canSelectFiles: false, canSelectMany: false });
  return picked?.[0];
}

async function exportNotes(team: TeamStore, notes: NoteStore, args: Args): Promise<ExportResult | undefined> {
  if (!notes.ready || notes.all.length === 0) {
    void vscode.window.showInformationMessage('There are no 1:1 notes to export yet.');
    return undefined;
  }
  let includePrivate = typeof args.includePrivate === 'boolean' ? args.includePrivate : undefined;
  if (includePrivate === undefined) {
    const shareable = 'Export Without Private Sections';
    const everything = 'Export Everything, Private Sections Included';
    const answer = await vscode.window.showWarningMessage(
      `Export ${notes.all.length} 1:1 notes as Markdown files? They hold personal notes about your people and will sit outside Two Hats’ private storage: keep them somewhere only you can read.`,
      { modal: true },
      shareable,
      everything,
    );
    if (!answer) {
      return undefined;
    }
    includePrivate = answer === everything;
  }
  const parent = typeof args.folder === 'string' ? vscode.Uri.file(args.folder) : await pickFolder('Two Hats: Export 1:1 notes to…', 'Export Here');
  if (!parent) {
    return undefined;
  }
  if (typeof args.folder !== 'string' && insideWorkspace(parent)) {
    const go = 'Export Into the Workspace';
    const answer = await vscode.window.showWarningMessage(
      'That folder is inside your workspace, so the notes could end up committed to the repository. Export there anyway?',
      { modal: true },
      go,
    );
    if (answer !== go) {
      return undefined;
    }
  }
  const folder = await freshFolder(parent, `two-hats-notes-${new Date().toISOString().slice(0, 10)}`);
  const people = new Map(team.all.map((p) => [p.id, p.name]));
  let count = 0;
  for (const meta of notes.all) {
    const content = await notes.read(meta.id).catch(() => undefined);
    if (content === undefined) {
      continue;
    }
    const file = exportedNote(headerOf(meta), people.get(meta.personId) ?? 'Unknown person', content, includePrivate);
    const target = vscode.Uri.joinPath(folder, ...file.path.split('/'));
    await createPrivateFolder(vscode.Uri.joinPath(target, '..'));
    await writeFileAtomic(target, encoder.encode(file.text));
    count++;
  }
  if (typeof args.folder !== 'string') {
    const reveal = 'Reveal in File Explorer';
    void vscode.window
      .showInformationMessage(`Exported ${count} notes${includePrivate ? ', private sections included,' : ', without private sections,'} to ${folder.fsPath}.`, reveal)
      .then((choice) => (choice === reveal ? vscode.commands.executeCommand('revealFileInOS', folder) : undefined));
  }
  return { folder, notes: count };
}

async function freshFolder(parent: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(parent, n === 1 ? name : `${name}-${n}`);
    const exists = await vscode.workspace.fs.stat(candidate).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await createPrivateFolder(candidate);
      return candidate;
    }
  }
}

async function markdownFiles(folder: vscode.Uri, depth = 0, found: vscode.Uri[] = []): Promise<vscode.Uri[]> {
  if (depth > 3 || found.length >= MAX_IMPORT_FILES) {
    return found;
  }
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type === vscode.FileType.Directory) {
      await markdownFiles(uri, depth + 1, found);
    } else if (type === vscode.FileType.File && name.toLowerCase().endsWith('.md')) {
      found.push(uri);
    }
  }
  return found;
}

async function importNotes(team: TeamStore, notes: NoteStore, args: Args): Promise<ImportResult | undefined> {
  if (team.state.kind !== 'ready' || !notes.ready) {
    void vscode.window.showErrorMessage('Open a folder first: Two Hats keeps 1:1 notes in that workspace’s private storage.');
    return undefined;
  }
  const folder = typeof args.folder === 'string' ? vscode.Uri.file(args.folder) : await pickFolder('Two Hats: Import 1:1 notes from…', 'Import');
  if (!folder) {
    return undefined;
  }
  const skipped: string[] = [];
  let imported = 0;
  let alreadyHere = 0;
  let peopleAdded = 0;
  for (const uri of await markdownFiles(folder)) {
    const name = vscode.workspace.asRelativePath(uri, false);
    let note: ExportedNote;
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.byteLength > MAX_IMPORT_BYTES) {
        skipped.push(`${name}: too large`);
        continue;
      }
      const parsed = parseExportedNote(decoder.decode(bytes));
      if (!parsed.ok) {
        skipped.push(`${name}: ${parsed.reason}`);
        continue;
      }
      note = parsed.note;
    } catch {
      skipped.push(`${name}: not readable as UTF-8 text`);
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
    const summary = `Imported ${imported} notes${peopleAdded > 0 ? ` and ${peopleAdded} people` : ''}; ${alreadyHere} were already here.`;
    if (skipped.length > 0) {
      void vscode.window.showWarningMessage(`${summary} Skipped ${skipped.length}: ${skipped.slice(0, 5).join('; ')}${skipped.length > 5 ? '; …' : ''}`);
    } else {
      void vscode.window.showInformationMessage(summary);
    }
  }
  return result;
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
