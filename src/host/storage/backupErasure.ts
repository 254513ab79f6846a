/**
 * Erasing a person from every backup on this machine. Backups never copy deletions (so a mistake
 * cannot empty them), which is why erasing someone must reach into each copy: their note files
 * go, and the copies of the team and delegation files are rewritten without them.
 *
 * Each backup folder is handled in its own form (backupForms.ts): plain, or encrypted with this
 * window's key. One encrypted with another key cannot be read, so it cannot be cleaned: the
 * person's notes known by id are deleted from it all the same, and it is reported, never passed
 * over in silence.
 */
import * as vscode from 'vscode';
import { parseBackupManifest, serializeBackupManifest } from '../../shared/backups';
import { withoutPerson } from '../../shared/delegation/forgetPerson';
import { parseDelegationFile, serializeDelegationFile } from '../../shared/delegation/storedDelegation';
import { parseNoteHeader } from '../../shared/oneOnOnes/noteIndex';
import { BACKUP_MANIFEST_FILE, DELEGATION_FILE, noteHeaderName, noteIdOfHeader, noteIdPrefixOf, TEAM_FILE } from '../../shared/storageLayout';
import { parseTeamFile, serializeTeamFile } from '../../shared/storedTeam';
import { eraseFromLeftovers, readBackupCopy } from './leftoverErasure';
import { readBackupFile, writeBackupFile } from './backupForms';
import { notesFolder } from './layout';
import { readBackupManifest } from './backupFolders';
import { notePackCode, removeAbandonedPacks } from './notePackCode';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Entries = [string, vscode.FileType][];

export interface BackupErasure {
  /** How many backups held something of the person, and were cleaned. */
  readonly touched: number;
  /**
   * Backups that could not be read (encrypted with another passphrase, or damaged): they may
   * still hold the person's name or notes. Deleting them is the way to be sure.
   */
  readonly notCleaned: readonly vscode.Uri[];
  /** Files of theirs in the backups that could not be deleted (held by another program, no permission): the erasure is not finished. */
  readonly notDeleted: number;
  /**
   * Backups another window held the data lock of for the whole wait (encrypting, or backing up a
   * great many notes): readable, only busy. Their pack may still hold the person's notes, so the
   * erasure is not finished and must run again; never offered for deletion.
   */
  readonly inUse: readonly vscode.Uri[];
  /**
   * Packs whose bytes were damaged (a hash failed), removed: they could not be cleaned, and may
   * have held the person's notes. Only in backups whose data folder is on this machine, so only a
   * copy goes: the data folder keeps the notes, and the backup's next pass copies them again. A
   * damaged pack in any other backup is kept, and that backup is in `notCleaned`.
   */
  readonly damagedPacksRemoved: number;
}

/** The backup folder this window writes, and the data folder it is written from. */
export interface OwnBackup {
  readonly backup: vscode.Uri;
  readonly data: vscode.Uri;
}

/** Marks the backup folder being cleaned as not cleaned when one of its files does not read. */
interface Unreadable {
  found: boolean;
}

/** Counts the files of the person that could not be deleted, over every backup folder. */
interface NotDeleted {
  count: number;
}

/**
 * `own`: the backup this window writes and its data folder. Its manifest is written only at the
 * end of the first pass (after the pack), so until then only this window knows whose it is: its
 * pack is removed under the data lock all the same. `log`: why a pack could not be cleaned, by
 * error code alone.
 */
export async function erasePersonFromBackups(root: vscode.Uri, personId: string, name: string, noteIds: readonly string[], own?: OwnBackup, log?: vscode.LogOutputChannel): Promise<BackupErasure> {
  const folders = (await vscode.workspace.fs.readDirectory(root).then(undefined, () => [] as Entries)).filter(([, type]) => type === vscode.FileType.Directory);
  let touched = 0;
  let damagedPacksRemoved = 0;
  const notCleaned: vscode.Uri[] = [];
  const inUse: vscode.Uri[] = [];
  const notDeleted: NotDeleted = { count: 0 };
  for (const [folderName] of folders) {
    const folder = vscode.Uri.joinPath(root, folderName);
    const unreadable: Unreadable = { found: false };
    // Notes in a pack are unpacked into single files first, so the pack never keeps theirs.
    // The pack is removed under the lock of the data folder this backup is written from: a window
    // of that workspace renames a new pack into place under that lock, after checking the old
    // one is still there, and must never put back notes unpacked here and deleted below.
    const pack = await notePackCode().cleanBackupPack(folder, () => itsDataFolder(folder, own), new Set(noteIds), log);
    if (pack === 'busy') {
      inUse.push(folder);
    } else if (pack === 'unreadable') {
      unreadable.found = true;
    } else if (pack === 'damaged removed') {
      damagedPacksRemoved++;
    }
    // A pack a crash left half written may hold their notes too.
    await removeAbandonedPacks(folder);
    const notes = await eraseNotes(notesFolder(folder), personId, new Set(noteIds), unreadable, notDeleted);
    const people = await rewrite(unreadable, vscode.Uri.joinPath(folder, TEAM_FILE), (text) => {
      const parsed = parseTeamFile(text);
      return parsed.ok ? serializeTeamFile(parsed.file.people.filter((person) => person.id !== personId)) : undefined;
    });
    const items = await rewrite(unreadable, vscode.Uri.joinPath(folder, DELEGATION_FILE), (text) => {
      const parsed = parseDelegationFile(text);
      return parsed.ok ? serializeDelegationFile(withoutPerson(parsed.value, personId, name)) : undefined;
    });
    // Copies kept beside the backup's files (from before a set-aside) are copies of them too,
    // each in its own form (the open folder's codec knows only the open folder's).
    const { touched: leftovers, unreadable: leftoverUnreadable, notDeleted: leftoversNotDeleted } = await eraseFromLeftovers(folder, { id: personId, name, noteIds }, readBackupCopy);
    unreadable.found ||= leftoverUnreadable;
    notDeleted.count += leftoversNotDeleted;
    if (notes + people + items + leftovers > 0) {
      await recount(folder, notes, people);
    }
    // A backup in use is not unreadable: it is cleaned when the erasure runs again.
    if (unreadable.found && pack !== 'busy') {
      notCleaned.push(folder);
    } else if (pack !== 'busy' && notes + people + items + leftovers > 0) {
      // Not while in use: its pack may still hold them.
      touched++;
    }
  }
  return { touched, notCleaned, notDeleted: notDeleted.count, inUse, damagedPacksRemoved };
}

/**
 * The data folder the backup `folder` is written from, when it is on this machine: this window's
 * own for its own backup, else the one its manifest names (read in its own form). The backup's
 * pack is removed under that folder's data lock. Undefined otherwise (no window writes a backup
 * whose data folder is gone: it needs no lock, but its pack may be the only copy left).
 */
async function itsDataFolder(folder: vscode.Uri, own: OwnBackup | undefined): Promise<vscode.Uri | undefined> {
  if (own && own.backup.toString() === folder.toString()) {
    return own.data;
  }
  const manifest = await readBackupManifest(folder);
  const dataFolder = manifest ? vscode.Uri.file(manifest.storagePath) : undefined;
  const exists = dataFolder !== undefined && (await vscode.workspace.fs.stat(dataFolder).then(() => true, () => false));
  return exists ? dataFolder : undefined;
}

/**
 * Deletes the person's notes from one backup, found by their headers or their ids. A note's header
 * goes last, and only once its other files went: it is what finds the note again at the next try,
 * when the note is no longer in the data folder to give its id.
 */
async function eraseNotes(dir: vscode.Uri, personId: string, noteIds: ReadonlySet<string>, unreadable: Unreadable, notDeleted: NotDeleted): Promise<number> {
  const names = (await vscode.workspace.fs.readDirectory(dir).then(undefined, () => [] as Entries)).map(([name]) => name);
  const theirs = new Set<string>();
  for (const name of names) {
    const id = noteIdOfHeader(name);
    if (id === undefined) {
      continue;
    }
    if (noteIds.has(id)) {
      theirs.add(id);
      continue;
    }
    const read = await readBackupFile(vscode.Uri.joinPath(dir, name)).catch(() => undefined);
    if (read && !('plain' in read)) {
      // Whose note this is cannot be told without its key.
      unreadable.found = true;
      continue;
    }
    const header = read ? parseNoteHeader(decoder.decode(read.plain)) : undefined;
    if (header?.ok && header.value.personId === personId) {
      theirs.add(id);
    }
  }
  // A body whose header is missing is still theirs when its id is one of their notes.
  for (const name of names) {
    const id = noteIdPrefixOf(name);
    if (id !== undefined && noteIds.has(id)) {
      theirs.add(id);
    }
  }
  for (const id of theirs) {
    const header = noteHeaderName(id);
    let othersGone = true;
    for (const name of names.filter((n) => noteIdPrefixOf(n) === id && n !== header)) {
      othersGone = (await deleteFile(vscode.Uri.joinPath(dir, name), notDeleted)) && othersGone;
    }
    if (othersGone && names.includes(header)) {
      await deleteFile(vscode.Uri.joinPath(dir, header), notDeleted);
    } else if (names.includes(header)) {
      notDeleted.count++;
    }
  }
  return theirs.size;
}

/** True once the file is gone (also when it was already); counted when it could not be deleted. */
function deleteFile(file: vscode.Uri, notDeleted: NotDeleted): Thenable<boolean> {
  return vscode.workspace.fs.delete(file, { useTrash: false }).then(
    () => true,
    (error: unknown) => {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
        return true;
      }
      notDeleted.count++;
      return false;
    },
  );
}

/** Rewrites a copied file, in its own form, when `change` gives a different text; 1 if it did. */
async function rewrite(unreadable: Unreadable, file: vscode.Uri, change: (text: string) => string | undefined): Promise<number> {
  const read = await readBackupFile(file).catch(() => undefined);
  if (!read) {
    return 0;
  }
  if (!('plain' in read)) {
    unreadable.found = true;
    return 0;
  }
  const before = decoder.decode(read.plain);
  const after = change(before);
  if (after === undefined) {
    // Not a file this version can parse: the name may be in it, untouched.
    unreadable.found = true;
    return 0;
  }
  if (after === before) {
    return 0;
  }
  try {
    await writeBackupFile(file, encoder.encode(after), read.form);
  } catch {
    unreadable.found = true;
    return 0;
  }
  return 1;
}

/** Keeps the manifest's counts true, so the restore offer describes what is really there. */
async function recount(folder: vscode.Uri, notes: number, people: number): Promise<void> {
  const file = vscode.Uri.joinPath(folder, BACKUP_MANIFEST_FILE);
  const read = await readBackupFile(file).catch(() => undefined);
  const parsed = read && 'plain' in read ? parseBackupManifest(decoder.decode(read.plain)) : undefined;
  if (read && 'plain' in read && parsed?.ok) {
    const manifest = parsed.value;
    const counted = serializeBackupManifest({ ...manifest, people: Math.max(0, manifest.people - people), notes: Math.max(0, manifest.notes - notes) });
    await writeBackupFile(file, encoder.encode(counted), read.form).catch(() => undefined);
  }
}
