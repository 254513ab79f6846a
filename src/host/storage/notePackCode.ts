/**
 * The core's way to the pack bundle (dist/backupPack.js, storage/notePack.ts), loaded on first use.
 * A backup folder holds a pack only when a pass wrote one; its names are read only when a pass
 * goes over everything or many notes at once, so most sessions never load it.
 */
import type * as vscode from 'vscode';
import { NOTE_PACK_FILE } from '../../shared/storageLayout';
import { removeLeftoverTemps } from './atomicFile';

type NotePackModule = typeof import('../backupPackBundle');

let packModule: NotePackModule | undefined;

/** The pack bundle's code. */
export function notePackCode(): NotePackModule {
  // Resolved next to dist/core.js at run time; esbuild leaves it to Node (see esbuild.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  packModule ??= require('./backupPack.js') as NotePackModule;
  return packModule;
}

/** Unpacks a backup's pack into single files (notePack.ts `unpackNotes`). */
export function unpackNotes(backupFolder: vscode.Uri, whileRemoving?: (remove: () => Promise<void>) => Promise<void>): ReturnType<NotePackModule['unpackNotes']> {
  return notePackCode().unpackNotes(backupFolder, whileRemoving);
}

/**
 * Deletes packs a crash left half written in a backup folder (never one a living window is
 * writing): they hold copies of notes under a temporary name, which conversion and erasure pass
 * over, so a plain or an erased person's note would stay in them for good.
 */
export async function removeAbandonedPacks(backupFolder: vscode.Uri): Promise<void> {
  await removeLeftoverTemps(backupFolder, NOTE_PACK_FILE);
}
