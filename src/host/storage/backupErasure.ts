/**
 * Erasing a person from every backup on this machine. Backups never copy deletions (so a mistake
 * cannot empty them), which is why erasing someone must reach into each copy: their note files
 * go, and the copies of the team and delegation files are rewritten without them.
 */
import * as vscode from 'vscode';
import { parseBackupManifest, serializeBackupManifest } from '../../shared/backups';
import { withoutPerson } from '../../shared/delegation/forgetPerson';
import { parseDelegationFile, serializeDelegationFile } from '../../shared/delegation/storedDelegation';
import { parseNoteHeader } from '../../shared/oneOnOnes/noteIndex';
import { BACKUP_MANIFEST_FILE, DELEGATION_FILE, noteIdOfHeader, noteIdPrefixOf, TEAM_FILE } from '../../shared/storageLayout';
import { parseTeamFile, serializeTeamFile } from '../../shared/storedTeam';
import { eraseFromLeftovers } from './leftoverErasure';
import { readDataFile, writeDataFile } from './dataFiles';
import { notesFolder } from './layout';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Entries = [string, vscode.FileType][];

/** Returns how many backups held something of the person. */
export async function erasePersonFromBackups(root: vscode.Uri, personId: string, name: string, noteIds: readonly string[]): Promise<number> {
  const folders = (await vscode.workspace.fs.readDirectory(root).then(undefined, () => [] as Entries)).filter(([, type]) => type === vscode.FileType.Directory);
  let touched = 0;
  for (const [folderName] of folders) {
    const folder = vscode.Uri.joinPath(root, folderName);
    const notes = await eraseNotes(notesFolder(folder), personId, new Set(noteIds));
    const people = await rewrite(vscode.Uri.joinPath(folder, TEAM_FILE), (text) => {
      const parsed = parseTeamFile(text);
      return parsed.ok ? serializeTeamFile(parsed.file.people.filter((person) => person.id !== personId)) : undefined;
    });
    const items = await rewrite(vscode.Uri.joinPath(folder, DELEGATION_FILE), (text) => {
      const parsed = parseDelegationFile(text);
      return parsed.ok ? serializeDelegationFile(withoutPerson(parsed.value, personId, name)) : undefined;
    });
    // Copies kept beside the backup's files (from before a set-aside) are copies of them too.
    const leftovers = await eraseFromLeftovers(folder, { id: personId, name, noteIds });
    if (notes + people + items + leftovers > 0) {
      touched++;
      await recount(folder, notes, people);
    }
  }
  return touched;
}

/** Deletes the person's notes from one backup, found by their headers or their ids. */
async function eraseNotes(dir: vscode.Uri, personId: string, noteIds: ReadonlySet<string>): Promise<number> {
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
    const bytes = await readDataFile(vscode.Uri.joinPath(dir, name)).catch(() => undefined);
    const header = bytes ? parseNoteHeader(decoder.decode(bytes)) : undefined;
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
  for (const name of names.filter((n) => theirs.has(noteIdPrefixOf(n) ?? ''))) {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(dir, name), { useTrash: false }).then(undefined, () => undefined);
  }
  return theirs.size;
}

/** Rewrites a copied file when `change` gives a different text; 1 if it did. */
async function rewrite(file: vscode.Uri, change: (text: string) => string | undefined): Promise<number> {
  const bytes = await readDataFile(file).catch(() => undefined);
  if (!bytes) {
    return 0;
  }
  const before = decoder.decode(bytes);
  const after = change(before);
  if (after === undefined || after === before) {
    return 0;
  }
  await writeDataFile(file, encoder.encode(after));
  return 1;
}

/** Keeps the manifest's counts true, so the restore offer describes what is really there. */
async function recount(folder: vscode.Uri, notes: number, people: number): Promise<void> {
  const file = vscode.Uri.joinPath(folder, BACKUP_MANIFEST_FILE);
  const bytes = await readDataFile(file).catch(() => undefined);
  const parsed = bytes ? parseBackupManifest(decoder.decode(bytes)) : undefined;
  if (parsed?.ok) {
    const manifest = parsed.value;
    await writeDataFile(
      file,
      encoder.encode(serializeBackupManifest({ ...manifest, people: Math.max(0, manifest.people - people), notes: Math.max(0, manifest.notes - notes) })),
    );
  }
}
