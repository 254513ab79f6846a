/**
 * Writing a backup's note pack from a data folder (notePack.ts holds the pack file itself): the
 * backup pass's first copies of many note files, in locked steps. Part of the pack bundle
 * (dist/backupPack.js), reached through notePackCode.ts: the core carries none of it.
 */
import { readdir } from 'node:fs/promises';
import * as vscode from 'vscode';
import { ENCRYPTION_JOURNAL_FILE, ENCRYPTION_KEY_FILE, NOTE_PACK_FILE, NOTES_FOLDER } from '../../shared/storageLayout';
import { removeLeftoverTemps } from './atomicFile';
import { readStoredCopy } from './dataFiles';
import { dataLockWanted, giveWayToDataLockWaiters, withDataLock } from './dataLock';
import { LockBusyError } from './fileLock';
import { notePackStamp, PackUnderWay, readNotePack } from './notePack';

/** The backup pass's pause between two locked steps (backups.ts): a waiting save finds the lock free. */
const PAUSE_BETWEEN_LOCKED_STEPS_MS = 30;
/**
 * Note files read into the pack under one hold of the data lock. Reads must be under the lock
 * (Encrypt My Notes in another window rewrites the data folder), and one hold for all of them
 * would keep a save in another window waiting for seconds: in steps, each a fraction of a second.
 */
const NOTE_FILES_PER_PACK_STEP = 2048;
/**
 * Note files read between two looks at whether a save of this window waits for the lock: a step
 * ends early for it, so the save waits for these reads at most (about 5 ms on a local disk; with
 * 128 a save waited 90 ms against 62 ms at rest in the bench).
 */
const NOTE_FILES_PER_LOOK = 32;

/**
 * Writes the first copies of the note files into one pack, in locked steps. The pack is built
 * under a temporary name across the steps, so the data folder's form is checked at each: a
 * conversion in another window between two steps would leave a pack of plain and encrypted
 * copies, a plain note in a backup just encrypted. Then the pack is abandoned and the pass tried
 * again later. Undefined when a conversion is unfinished (its journal is there), or the older
 * pack to carry over does not read or changed since it was listed: copied file by file then. Else
 * the names the pack had no room for (it stays below MAX_PACK_LENGTH), to copy file by file.
 */
export async function writeNotePack(target: { readonly data: vscode.Uri; readonly backup: vscode.Uri }, fresh: readonly string[], carryOlder: boolean, log: vscode.LogOutputChannel): Promise<string[] | undefined> {
  const locked = <T>(task: () => Promise<T>) => withDataLock(target.data, task);
  const dataNotes = vscode.Uri.joinPath(target.data, NOTES_FOLDER);
  const form = await locked(() => dataFolderForm(target.data));
  if (form === undefined) {
    return undefined;
  }
  await removeLeftoverTemps(target.backup, NOTE_PACK_FILE);
  const startedAt = Date.now();
  // Under the lock: a conversion in another window rewrites the backup folder too.
  const { older, stamp } = await locked(async () => ({ older: carryOlder ? await readNotePack(target.backup) : undefined, stamp: await notePackStamp(target.backup) }));
  if (carryOlder ? !older || older.stamp !== stamp : stamp !== undefined) {
    return undefined;
  }
  // A pack written meanwhile by another window of the workspace may hold some of them already.
  const carried = new Set(older?.entries.map((entry) => entry.name));
  const names = fresh.filter((name) => !carried.has(name));
  // The older entries were read before: the pack is as old as they are (see PackWriter).
  const pack = await PackUnderWay.begin(target.backup, Math.min(startedAt, older?.startedAt ?? startedAt));
  let longestHold = 0;
  const notPacked: string[] = [];
  const step = (task: () => Promise<void>) =>
    locked(async () => {
      const began = Date.now();
      if ((await dataFolderForm(target.data)) !== form) {
        throw new LockBusyError();
      }
      await task();
      longestHold = Math.max(longestHold, Date.now() - began);
    });
  try {
    if (older) {
      await step(() => pack.carry(older.entries));
    }
    for (let i = 0; i < names.length; ) {
      if (pack.full) {
        // No room left: the rest is read no more, and copied file by file.
        notPacked.push(...names.slice(i));
        break;
      }
      await giveWayToDataLockWaiters(target.data);
      await step(async () => {
        const end = Math.min(i + NOTE_FILES_PER_PACK_STEP, names.length);
        do {
          const chunk = names.slice(i, Math.min(i + NOTE_FILES_PER_LOOK, end));
          notPacked.push(...(await pack.add(dataNotes, chunk)));
          i += chunk.length;
        } while (i < end && !pack.full && !dataLockWanted(target.data));
      });
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_LOCKED_STEPS_MS));
    }
    let carriedGone = false;
    await step(async () => {
      // A note read into the pack in this pass and deleted since (a person erased in another
      // window) must not come back in it: the pass is tried again. A name gone before it was
      // read is not in the pack, and is not counted (it would put every try off, for good).
      const left = new Set(await readdir(dataNotes.fsPath));
      if (pack.names.some((name) => !carried.has(name) && !left.has(name))) {
        throw new LockBusyError();
      }
      // Nor an older pack's notes that an erasure unpacked and deleted meanwhile; nor is a pack
      // another window wrote meanwhile replaced by one without its notes.
      if ((await notePackStamp(target.backup)) !== stamp) {
        throw new LockBusyError();
      }
      // An older pack's note no longer in the data folder (deleted outside Two Hats, or erased
      // by a window whose erasure could not take the lock): its copy stays in the older pack,
      // which is left as it is (a backup never copies a deletion, and an erased note must not
      // travel into a new pack); the new notes are copied file by file instead.
      carriedGone = pack.names.some((name) => carried.has(name) && !left.has(name));
      if (!carriedGone) {
        await pack.commit();
      }
    });
    if (carriedGone) {
      await pack.abandon();
      log.info('Backup: an older pack holds notes no longer in the data folder; new notes are copied file by file.');
      return undefined;
    }
  } catch (error) {
    await pack.abandon();
    throw error;
  }
  log.info(`Backup: ${pack.count} note files packed in ${Date.now() - startedAt} ms, the data lock held at most ${longestHold} ms at a time.`);
  if (notPacked.length > 0) {
    log.info(`Backup: the pack is full; ${notPacked.length} note files are copied file by file.`);
  }
  return notPacked;
}

/**
 * The data folder's form as far as a pack must know it: its key file as stored. Undefined while a
 * conversion is unfinished (its journal is there): the folder is then of two forms at once.
 */
async function dataFolderForm(data: vscode.Uri): Promise<string | undefined> {
  if ((await readStoredCopy(vscode.Uri.joinPath(data, ENCRYPTION_JOURNAL_FILE))) !== undefined) {
    return undefined;
  }
  const keyfile = await readStoredCopy(vscode.Uri.joinPath(data, ENCRYPTION_KEY_FILE));
  return keyfile ? Buffer.from(keyfile).toString('base64') : 'plain';
}
