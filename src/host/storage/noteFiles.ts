/**
 * A note's files in `notes/`: its Markdown body and a header written once at creation (who,
 * when, which template). Reads and writes only; what the notes say is the index's business.
 */
import * as vscode from 'vscode';
import { NOTE_MAX_BYTES } from '../../shared/fileLimits';
import { parseNoteHeader, serializeNoteHeader, type NoteHeader } from '../../shared/oneOnOnes/noteIndex';
import { isFileOfNote, isStoredId, noteBodyName, noteHeaderName, noteIdOfHeader, noteIdOfUndecodableOriginal, undecodableOriginalName } from '../../shared/storageLayout';
import { readDataFile, readDataFileBounded, writeDataFile } from './dataFiles';
import { noteBodyUri, noteHeaderUri, notesFolder } from './layout';

const encoder = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

type Entries = [string, vscode.FileType][];

/** The names of the files in a data folder's notes folder; none when it cannot be listed. */
export async function listNoteFolder(folder: vscode.Uri): Promise<Set<string>> {
  const entries = await vscode.workspace.fs.readDirectory(notesFolder(folder)).then(undefined, () => [] as Entries);
  return new Set(entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name));
}

/**
 * A note body's bytes, undefined when there is none. A body grown past `NOTE_MAX_BYTES` outside
 * Two Hats is refused before it is read (`TooLargeToRead`).
 */
export function readNoteBody(folder: vscode.Uri, id: string): Promise<Uint8Array | undefined> {
  return readDataFileBounded(noteBodyUri(folder, id), NOTE_MAX_BYTES);
}

export function readNoteHeader(folder: vscode.Uri, id: string): Promise<Uint8Array | undefined> {
  return readDataFile(noteHeaderUri(folder, id));
}

export function writeNoteBody(folder: vscode.Uri, id: string, content: string): Promise<void> {
  return writeDataFile(noteBodyUri(folder, id), encoder.encode(content));
}

export function writeNoteHeader(folder: vscode.Uri, header: NoteHeader): Promise<void> {
  return writeDataFile(noteHeaderUri(folder, header.id), encoder.encode(serializeNoteHeader(header)));
}

/** Body and header of a new note; body first, so a header never names a note that is not there. */
export async function writeNewNote(folder: vscode.Uri, header: NoteHeader, content: string): Promise<void> {
  await writeNoteBody(folder, header.id, content);
  await writeNoteHeader(folder, header);
}

/** When the body last changed on disk, or undefined when there is none. */
/** A note body as last seen on disk: enough to tell Two Hats' own write from another program's. */
export interface BodyStamp {
  readonly mtime: number;
  readonly size: number;
}

export async function bodyStamp(folder: vscode.Uri, id: string): Promise<BodyStamp | undefined> {
  const stat = await vscode.workspace.fs.stat(noteBodyUri(folder, id)).then(undefined, () => undefined);
  return stat && { mtime: stat.mtime, size: stat.size };
}

/**
 * Deletes every file of these notes for good: any original kept beside them and the header, then
 * the body, last and only once all the others went. While the body is there the note stays
 * listed (the index drops a note whose body is gone), so a file that could not be deleted (held
 * by another program, no permission) is found again by the next Delete Person: the user must
 * never be told a person's notes are gone while a file of them is left. Answers those notes. A
 * file already gone counts as deleted.
 */
export async function deleteNoteFiles(folder: vscode.Uri, ids: readonly string[]): Promise<string[]> {
  const names = await noteFolderEntries(folder);
  const left: string[] = [];
  for (const id of ids) {
    const body = noteBodyName(id);
    let othersGone = true;
    for (const name of names.filter((n) => isFileOfNote(n, id) && n !== body)) {
      othersGone = (await deleteNoteFile(folder, name)) && othersGone;
    }
    if (!othersGone || !(await deleteNoteFile(folder, body))) {
      left.push(id);
    }
  }
  return left;
}

/**
 * The note files of a person that no listed note owns: a header naming them whose note is not in
 * the index (its body gone, or not picked up yet), and a kept original of a note that is neither
 * listed nor there any more, whoever's it was (an earlier version deleted the body before it).
 * `listed` says whether a note id is in the index. Deleted like a listed note's; answers the ids
 * of their notes deleted (by header), and the ids a file of which is left.
 */
export async function deleteUnlistedNoteFiles(folder: vscode.Uri, personId: string, listed: (id: string) => boolean): Promise<{ theirs: string[]; left: string[] }> {
  const names = await noteFolderEntries(folder);
  const present = new Set(names);
  const theirs: string[] = [];
  for (const name of names) {
    const id = noteIdOfHeader(name);
    if (id === undefined || !isStoredId(id) || listed(id)) {
      continue;
    }
    // A header sealed with another key, or damaged, cannot say whose it is: left alone.
    const bytes = await readNoteHeader(folder, id).catch(() => undefined);
    const header = bytes ? parseNoteHeader(lenient.decode(bytes)) : undefined;
    if (header?.ok && header.value.personId === personId) {
      theirs.push(id);
    }
  }
  const orphans = new Set<string>();
  for (const name of names) {
    const id = noteIdOfUndecodableOriginal(name);
    if (id !== undefined && !listed(id) && !present.has(noteBodyName(id)) && !present.has(noteHeaderName(id))) {
      orphans.add(id);
    }
  }
  const left = await deleteNoteFiles(folder, [...theirs, ...orphans]);
  return { theirs: theirs.filter((id) => !left.includes(id)), left };
}

async function noteFolderEntries(folder: vscode.Uri): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(notesFolder(folder)).then(undefined, () => [] as Entries)).map(([name]) => name);
}

/** True once the file is gone, also when it was gone already. */
function deleteNoteFile(folder: vscode.Uri, name: string): Thenable<boolean> {
  return vscode.workspace.fs.delete(vscode.Uri.joinPath(notesFolder(folder), name), { useTrash: false }).then(
    () => true,
    (error: unknown) => error instanceof vscode.FileSystemError && error.code === 'FileNotFound',
  );
}

/**
 * A note that is not valid UTF-8 (written by another program) cannot be shown exactly; before
 * the editor's version replaces it, the original bytes are kept beside it. `ownWrite` is the
 * stamp of Two Hats' last write of it, if it knows.
 */
export async function keepUndecodableOriginal(folder: vscode.Uri, id: string, ownWrite: BodyStamp | undefined): Promise<void> {
  // A file with the very stamp of Two Hats' own last write holds that write, which is UTF-8: a
  // stat, not a read of the whole note, on the save path. The same time and size, not "no newer":
  // a file system that keeps times to two seconds (FAT, exFAT) gives another program's write of
  // a moment later the same time as Two Hats' own.
  const now = await bodyStamp(folder, id);
  if (now === undefined || (ownWrite !== undefined && now.mtime === ownWrite.mtime && now.size === ownWrite.size)) {
    return;
  }
  const bytes = await readDataFile(noteBodyUri(folder, id));
  if (!bytes) {
    return;
  }
  try {
    strict.decode(bytes);
  } catch {
    await writeDataFile(vscode.Uri.joinPath(notesFolder(folder), undecodableOriginalName(id, Date.now())), bytes);
  }
}
