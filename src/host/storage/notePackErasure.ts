/**
 * Cleaning a backup's note pack before a person is erased from the backup (backupErasure.ts): its
 * notes unpacked into single files and the pack removed, under the data lock of the folder the
 * backup is written from. Part of the pack bundle (dist/backupPack.js): the core carries none of it.
 */
import type * as vscode from 'vscode';
import { withDataLock } from './dataLock';
import { LockBusyError } from './fileLock';
import { packNamesAllIn, removeDamagedPack, unpackNotes } from './notePack';

/**
 * A backup's pack, unpacked and removed (`clean`), or none there. `busy`: another window held
 * the data lock all the wait, or kept replacing the pack; it is still there. `damaged removed`:
 * its bytes are damaged (a hash fails), so it could not be cleaned, and it went; only where its
 * data folder is on this machine, its lock is held, and that folder still has every note the
 * pack's index lists (the next pass copies them again). `unreadable`: from a newer Two Hats or larger than this version reads,
 * damaged in a backup whose data folder is gone (the pack may be the only copy of everyone's
 * notes: the user decides), or it could not be unpacked or removed (a full disk, no permission):
 * it may still hold the person's notes.
 *
 * `dataFolder`: the data folder the backup is written from when it is on this machine, looked up
 * at each step (a manifest may be written in between). `erasedNoteIds`: the notes being erased,
 * gone from that folder on purpose. `log`: a damaged pack removed, or why a
 * pack could not be cleaned, by error code alone (no path: it names the workspace).
 */
export async function cleanBackupPack(
  folder: vscode.Uri,
  dataFolder: () => Promise<vscode.Uri | undefined>,
  erasedNoteIds: ReadonlySet<string>,
  log?: vscode.LogOutputChannel,
): Promise<'clean' | 'busy' | 'damaged removed' | 'unreadable'> {
  try {
    const unpacked = await unpackNotes(folder, async (remove) => {
      const data = await dataFolder();
      return data ? withDataLock(data, remove) : remove();
    });
    if (unpacked !== 'damaged') {
      return 'clean';
    }
    const data = await dataFolder();
    // Only copies of notes its data folder still holds: otherwise the user decides (see above).
    if (!data || !(await packNamesAllIn(folder, data, erasedNoteIds))) {
      return 'unreadable';
    }
    const removal = await removeDamagedPack(folder, (remove) => withDataLock(data, remove));
    if (removal === 'gone') {
      // Replaced or removed by another window meanwhile: nothing of it is left here to clean.
      return 'clean';
    }
    if (removal !== 'removed') {
      return 'unreadable';
    }
    log?.info('Erasure: removed a damaged backup pack, which could not be cleaned.');
    return 'damaged removed';
  } catch (error) {
    if (error instanceof LockBusyError) {
      return 'busy';
    }
    log?.warn(`Erasure: a backup's pack could not be cleaned (${(error as NodeJS.ErrnoException).code ?? 'no error code'}).`);
    return 'unreadable';
  }
}
