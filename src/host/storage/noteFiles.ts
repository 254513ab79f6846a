/**
 * A note's files in `notes/`: its Markdown body and a header written once at creation (who,
 * when, which template). Reads and writes only; what the notes say is the index's business.
 */
import * as vscode from 'vscode';
import { NOTE_MAX_BYTES } from '../../shared/fileLimits';
import { serializeNoteHeader, type NoteHeader } from '../../shared/oneOnOnes/noteIndex';
import { isFileOfNote, undecodableOriginalName } from '../../shared/storageLayout';
import { readDataFile, readDataFileBounded, writeDataFile } from './dataFiles';
import { noteBodyUri, noteHeaderUri, notesFolder } from './layout';

const encoder = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true });

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
 * Deletes every file of these notes for good: body, header and any original kept beside them.
 * Answers the notes a file of which could not be deleted (held by another program, no
 * permission): the user must never be told a person's notes are gone while a file of them is
 * left. A file already gone counts as deleted.
 */
export async function deleteNoteFiles(folder: vscode.Uri, ids: readonly string[]): Promise<string[]> {
  const names = [...(await vscode.workspace.fs.readDirectory(notesFolder(folder)).then(undefined, () => [] as Entries))].map(([name]) => name);
  const left = new Set<string>();
  for (const id of ids) {
    for (const name of names.filter((n) => isFileOfNote(n, id))) {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(notesFolder(folder), name), { useTrash: false }).then(undefined, (error: unknown) => {
        if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) {
          left.add(id);
        }
      });
    }
  }
  return [...left];
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
