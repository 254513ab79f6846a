/**
 * Import of a folder Two Hats exported (plain or encrypted): every file read, size-checked and
 * parsed before anything changes, and a note never written over one that is already here.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { CommandArgs } from '../commands/commandArgs';
import { IMPORT_FILE_MAX_BYTES, IMPORT_MAX_FILES, importProblem } from '../../shared/fileLimits';
import { parseExportedNote, type ExportedNote } from '../../shared/oneOnOnes/exportFormat';
import { shareableAgenda } from '../../shared/oneOnOnes/privacy';
import { normalizeName, type Person } from '../../shared/team';
import { readBounded, TooLargeToRead } from '../storage/boundedRead';
import type { NoteStore } from '../storage/noteStore';
import { notReadyMessage, type TeamStore } from '../storage/teamStore';
import { firstFew, markdownFilesUpTo, pickFolder } from './exportFiles';
import { isSealedName, SEALED_OVERHEAD_BYTES, SEALED_SUFFIX, sealedForms, type ExportSealing } from './sealedExport';
import { safeFileReason } from '../shownErrors';

const decoder = new TextDecoder('utf-8', { fatal: true });

export interface ImportResult {
  readonly imported: number;
  readonly alreadyHere: number;
  readonly peopleAdded: number;
  readonly skipped: readonly string[];
  /** Why the import as a whole was refused, with nothing changed. */
  readonly refused?: string;
}

/** A file that parsed as an exported note, its body dropped until it is imported. */
interface ImportCandidate {
  readonly uri: vscode.Uri;
  readonly name: string;
  readonly person: string;
  readonly personId: string;
}

/** Reads and parses one file of an import, its size checked first; a sentence when it is not a note. */
async function readExport(uri: vscode.Uri, sealedWith: Buffer | undefined): Promise<ExportedNote | string> {
  const sealed = isSealedName(uri.path);
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readBounded(uri, IMPORT_FILE_MAX_BYTES + (sealed ? SEALED_OVERHEAD_BYTES : 0));
  } catch (error) {
    return error instanceof TooLargeToRead ? vscode.l10n.t('not read: {0}.', error.problem) : vscode.l10n.t('not readable ({0})', safeFileReason(error));
  }
  if (bytes === undefined) {
    return vscode.l10n.t('gone before it could be read');
  }
  if (sealed) {
    const opened = sealedWith && sealedForms().openSealedNote(sealedWith, bytes);
    if (!opened) {
      return vscode.l10n.t('encrypted, and damaged or sealed with another key');
    }
    bytes = opened;
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

export async function importNotes(team: TeamStore, notes: NoteStore, sealing: ExportSealing, args: CommandArgs<'importNotes'>): Promise<ImportResult | undefined> {
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
  // Everything is read and counted before anything changes: a refused import changes nothing.
  const listing = await markdownFilesUpTo(folder, IMPORT_MAX_FILES, ['.md', `.md${SEALED_SUFFIX}`]);
  // Encrypted notes need their key before anything is weighed: a wrong passphrase imports nothing.
  let sealedWith: Buffer | undefined;
  if (listing.files.some((uri) => isSealedName(uri.path))) {
    const key = await sealedForms().openExportKey(folder, sealing, typeof args.passphrase === 'string' ? args.passphrase : undefined);
    if (!key.ok) {
      const refused = vscode.l10n.t('Nothing was imported: {0}.', key.reason);
      if (typeof args.folder !== 'string' && !key.cancelled) {
        void vscode.window.showErrorMessage(refused);
      }
      return { imported: 0, alreadyHere: 0, peopleAdded: 0, skipped: [], refused };
    }
    sealedWith = key.dataKey;
  }
  try {
    return await importWith(team, notes, listing, sealedWith, args);
  } finally {
    sealedWith?.fill(0);
  }
}

async function importWith(
  team: TeamStore,
  notes: NoteStore,
  listing: { files: vscode.Uri[]; overCap: boolean },
  sealedWith: Buffer | undefined,
  args: CommandArgs<'importNotes'>,
): Promise<ImportResult> {
  const skipped: string[] = [];
  let imported = 0;
  let alreadyHere = 0;
  let peopleAdded = 0;
  const candidates: ImportCandidate[] = [];
  for (const uri of listing.files) {
    const name = vscode.workspace.asRelativePath(uri, false);
    const read = await readExport(uri, sealedWith);
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
    const note = await readExport(uri, sealedWith);
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
