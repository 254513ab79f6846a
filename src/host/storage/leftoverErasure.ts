/**
 * Erasing a person from the copies Two Hats keeps beside its files: files set aside as damaged or
 * as written by a newer version, backup copies kept from before a set-aside, the original bytes of
 * a note that was not UTF-8, and temporary files an interrupted write left behind. The stores and
 * the backups know only their live files; without this, a copy kept for the user's recovery would
 * keep the person too.
 *
 * The data folder's copies are read through its codec (a plain one in an encrypted folder is
 * deleted); a backup folder's in their own form
 * (backupForms.ts), which may not be the open folder's: a plain copy in an older backup of a
 * folder encrypted since is still read, and one sealed with a key this window lacks is reported.
 */
import * as vscode from 'vscode';
import { withoutPerson } from '../../shared/delegation/forgetPerson';
import { parseDelegationFile, serializeDelegationFile } from '../../shared/delegation/storedDelegation';
import { parseTeamFile, serializeTeamFile } from '../../shared/storedTeam';
import { isAbandonedTemp, isTempName } from './atomicFile';
import { isEnvelope } from '../encryption/envelope';
import { readBackupFile, writeBackupFile } from './backupForms';
import { readDataFile, readStoredCopy, writeDataFile } from './dataFiles';

export interface ErasedPerson {
  readonly id: string;
  readonly name: string;
  readonly noteIds: readonly string[];
}

/** What `setAside`, the backups' `keepGoodCopy` and the note store's UTF-8 guard name their copies. */
const SET_ASIDE_NAME = /\.(?:(?:corrupt|newer|before-set-aside)-\d{4}-\d\d-\d\dT[\d-]+Z|not-utf8-\d+)(?:\.\w+)?$/;
/** The data folder holds `notes/`, a backup folder holds `notes/`: nothing deeper is Two Hats'. */
const MAX_DEPTH = 3;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

type Entries = [string, vscode.FileType][];

/** A copy as read: its text and how to write it back in its own form; `unreadable` when it cannot be told what it holds. */
export type ReadCopy = (file: vscode.Uri) => Promise<{ plain: Uint8Array; writeBack(plain: Uint8Array): Promise<void> } | 'unreadable' | undefined>;

/**
 * The open data folder's copies, through its codec. One that does not decode is read as stored: not
 * sealed, it is plain (a temp from before the folder was encrypted, an old plain file set aside),
 * and can only be deleted, since writing it back plain would keep others in clear; sealed, it
 * cannot be told what it holds. A copy that cannot be read at all (locked) may still hold them.
 */
export const readDataFolderCopy: ReadCopy = async (file) => {
  const decoded = await readDataFile(file).then(
    (plain) => ({ plain }),
    () => undefined,
  );
  if (decoded) {
    const plain = decoded.plain;
    return plain && { plain, writeBack: (cleaned) => writeDataFile(file, cleaned) };
  }
  const stored = await readStoredCopy(file).catch(() => 'unreadable' as const);
  if (stored === undefined || stored === 'unreadable') {
    return stored;
  }
  if (isEnvelope(stored)) {
    return 'unreadable';
  }
  return { plain: stored, writeBack: () => Promise.reject(new Error('a plain copy in an encrypted folder is deleted, not rewritten')) };
};

/** A backup folder's copies, each in its own form: plain, or encrypted with this window's key. */
export const readBackupCopy: ReadCopy = async (file) => {
  const read = await readBackupFile(file).catch(() => 'unreadable' as const);
  if (read === undefined || read === 'unreadable') {
    return read;
  }
  if (!('plain' in read)) {
    return 'unreadable';
  }
  return { plain: read.plain, writeBack: (cleaned) => writeBackupFile(file, cleaned, read.form) };
};

/**
 * Rewrites each such copy under `folder` without the person when it can be read as what it is (a
 * team or delegation file), and deletes it when it still mentions them: a damaged copy that names
 * them cannot be cleaned with certainty, and the person's erasure comes before its recovery.
 * Returns how many copies were changed or deleted, whether one could not be read (sealed with
 * another key, or damaged): it may still name them, and how many that had to go could not be
 * deleted (held by another program, no permission): they still do.
 */
export async function eraseFromLeftovers(
  folder: vscode.Uri,
  person: ErasedPerson,
  readCopy: ReadCopy = readDataFolderCopy,
): Promise<{ touched: number; unreadable: boolean; notDeleted: number }> {
  let touched = 0;
  let unreadable = false;
  let notDeleted = 0;
  for (const file of await leftoverCopies(folder, MAX_DEPTH)) {
    const copy = await readCopy(file);
    if (copy === 'unreadable') {
      unreadable = true;
      continue;
    }
    const text = copy ? decoder.decode(copy.plain) : '';
    if (!copy || !holdsPerson(file, text, person)) {
      continue;
    }
    const cleaned = cleanedCopy(file, text, person);
    // A copy that cannot be rewritten without them goes: their erasure comes before its recovery.
    const rewritten = cleaned !== undefined && !holdsId(cleaned, person) && (await copy.writeBack(encoder.encode(cleaned)).then(() => true, () => false));
    const gone =
      rewritten ||
      (await vscode.workspace.fs.delete(file, { useTrash: false }).then(
        () => true,
        (error: unknown) => error instanceof vscode.FileSystemError && error.code === 'FileNotFound',
      ));
    if (gone) {
      touched++;
    } else {
      notDeleted++;
    }
  }
  return { touched, unreadable, notDeleted };
}

/**
 * Whether a copy holds the person: their id or a note's, a copy of one of their notes, or (a team
 * or delegation copy) their full name. Not a part of their name: a copy of the whole team holds
 * others who may share a first name, and deleting it would lose their recovery copy.
 */
function holdsPerson(file: vscode.Uri, text: string, person: ErasedPerson): boolean {
  const kind = kindOf(file);
  return (
    holdsId(text, person) ||
    person.noteIds.includes(kind) ||
    ((kind === 'team' || kind === 'delegation') && person.name.length > 0 && text.toLocaleLowerCase().includes(person.name.toLocaleLowerCase()))
  );
}

/** Cleaned of the person once no id of theirs is left, as the backups' live files are. */
function holdsId(text: string, person: ErasedPerson): boolean {
  return [person.id, ...person.noteIds].some((id) => text.includes(id));
}

/** What a copy is a copy of: `team`, `delegation`, or a note's id (the name before its first dot). */
function kindOf(file: vscode.Uri): string {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  return name.slice(0, name.indexOf('.'));
}

/** The copy without the person, when it reads as the file it was a copy of. */
function cleanedCopy(file: vscode.Uri, text: string, person: ErasedPerson): string | undefined {
  const kind = kindOf(file);
  if (kind === 'team') {
    const parsed = parseTeamFile(text);
    return parsed.ok ? serializeTeamFile(parsed.file.people.filter((p) => p.id !== person.id)) : undefined;
  }
  if (kind === 'delegation') {
    const parsed = parseDelegationFile(text);
    return parsed.ok ? serializeDelegationFile(withoutPerson(parsed.value, person.id, person.name)) : undefined;
  }
  return undefined;
}

async function leftoverCopies(folder: vscode.Uri, depth: number): Promise<vscode.Uri[]> {
  const entries = await vscode.workspace.fs.readDirectory(folder).then(undefined, () => [] as Entries);
  const found: vscode.Uri[] = [];
  for (const [name, type] of entries) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type === vscode.FileType.Directory && depth > 1) {
      found.push(...(await leftoverCopies(uri, depth - 1)));
    } else if (type === vscode.FileType.File && (SET_ASIDE_NAME.test(name) || (isTempName(name) && (await isAbandonedTemp(uri))))) {
      found.push(uri);
    }
  }
  return found;
}
