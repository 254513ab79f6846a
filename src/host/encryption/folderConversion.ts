/**
 * The conversion journal's file system (conversionJournal.ts `ConversionIo`) over one data folder
 * and its rolling backup: every file Two Hats keeps there is converted, the backup's copies too,
 * so that after Encrypt My Notes no readable copy of a note is left behind in global storage.
 *
 * Files are named `data/<logical name>` and `backup/<logical name>` for the journal's cursor; the
 * envelope binds each to its logical name alone, which the backup's copy shares with its
 * original. Each file is replaced atomically, as stored bytes (the codec is not in the way).
 *
 * Local files are read through Node, as they are written (atomicFile.ts): measured in code-server
 * 1.139, `workspace.fs.readFile` cost 11 ms a file, most of a 10,000-note conversion's time.
 */
import { readFile, stat, utimes } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { ConversionDirection, ConversionIo, Converted, StoredForm } from '../../shared/encryption/conversionJournal';
import { canonicalName } from '../../shared/encryption/logicalNames';
import { ENCRYPTION_JOURNAL_FILE, ENCRYPTION_KEY_FILE, LOCK_FILE, NOTE_INDEX_FILE, OTHER_BACKUPS_PENDING_FILE, SEARCH_INDEX_FILE, TEMP_TAIL } from '../../shared/storageLayout';
import { flushFolder, readFileIfExists, writeFileAtomic } from '../storage/atomicFile';
import { readStoredCopy, writeStoredCopy } from '../storage/dataFiles';
import { removeAbandonedPacks, unpackNotes } from '../storage/notePackCode';
import { createPrivateFolder } from '../storage/permissions';
import { decryptFile, encryptFile, isEnvelope } from './envelope';
import { journalUri, keyfileUri, readText } from './encryptionFiles';
import { openJournal, sealJournal, unsealedText } from './journalSeal';

export { journalUri, keyfileUri, readText } from './encryptionFiles';

const DATA = 'data/';
const BACKUP = 'backup/';

/** What the conversion changes about the folder, so the codec always knows the folder's form. */
export interface FolderMarkers {
  journalWritten(text: string): void;
  journalRemoved(): void;
  keyfileWritten(): void;
  keyfileRemoved(): void;
}

export interface FolderConversionOptions {
  readonly dataFolder: vscode.Uri;
  readonly backupFolder: vscode.Uri | undefined;
  /** The unlocked data key, when it is needed; undefined while locked. */
  readonly dataKey: () => Buffer | undefined;
  /**
   * The key the journal is sealed with (journalSeal.ts), derived from the data key; undefined
   * while locked, and once decryption has forgotten the key.
   */
  readonly journalMacKey: () => Buffer | undefined;
  /** Encrypting: the key file's text, prepared (wrapped) before the conversion starts. */
  readonly keyfileText?: string;
  /** Encrypting: what follows once the key file is written (the key is held from then on). */
  readonly afterKeyfile?: () => Promise<void>;
  readonly markers: FolderMarkers;
}

export class FolderConversion implements ConversionIo {
  /** The folders of the files replaced since the last `filesReplaced`. */
  private readonly touchedFolders = new Set<string>();
  /** Each local file's times as read, given back to its converted form (see `replaceFile`). */
  private readonly timesRead = new Map<string, { atimeMs: number; mtimeMs: number }>();

  constructor(private readonly options: FolderConversionOptions) {}

  async listFiles(): Promise<string[]> {
    const { dataFolder, backupFolder } = this.options;
    if (backupFolder) {
      // The backup's pack (notePack.ts) holds copies bound to their own names: unpacked, each is
      // converted as a file of its own. One that does not read, or cannot be unpacked (a full
      // disk), is converted whole, as any file: a pack must never hold the conversion up for good.
      await unpackNotes(backupFolder).catch(() => undefined);
      // A pack a crash left half written holds plain copies under a temporary name, which the
      // conversion passes over: gone before the backup is listed.
      await removeAbandonedPacks(backupFolder);
    }
    const names = (await filesUnder(dataFolder, '')).filter(isConverted);
    const backups = backupFolder ? (await filesUnder(backupFolder, '')).filter(isConverted) : [];
    return [...names.map((name) => DATA + name), ...backups.map((name) => BACKUP + name)];
  }

  /**
   * Undefined only when the file is gone. Any other failure (a file held by a scanner or a sync
   * tool) is thrown: the run stops with its journal in place and the next one tries again, where
   * taking the file for gone would let a decryption remove the key that file still needs.
   */
  async readFile(name: string): Promise<Uint8Array | undefined> {
    const uri = this.uriOf(name);
    if (uri.scheme !== 'file') {
      return readStoredCopy(uri);
    }
    // Its folder is flushed with the batch even when the file needs no rewrite: a run killed
    // after renaming it but before its folder's flush left that rename not yet durable.
    this.touchedFolders.add(vscode.Uri.joinPath(uri, '..').fsPath);
    try {
      const bytes = await readFile(uri.fsPath);
      const times = await stat(uri.fsPath).catch(() => undefined);
      if (times) {
        this.timesRead.set(name, { atimeMs: times.atimeMs, mtimeMs: times.mtimeMs });
      }
      return bytes;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return undefined;
      }
      throw error;
    }
  }

  /**
   * Atomic, the file flushed before its rename; `filesReplaced` makes the renames durable.
   *
   * The converted file keeps the time its contents last changed: its text is the same. A note
   * newer than the index is one changed outside Two Hats, and is read again; with new times, the
   * start after Encrypt My Notes read and decrypted all 10,000 notes of the bench's store while
   * the user saved and searched, and the search index took every note for changed. A run killed
   * between the rename and the times costs that one file a read, nothing more.
   */
  async replaceFile(name: string, bytes: Uint8Array): Promise<void> {
    const uri = this.uriOf(name);
    if (uri.scheme === 'file') {
      this.touchedFolders.add(vscode.Uri.joinPath(uri, '..').fsPath);
    }
    await writeStoredCopy(uri, bytes);
    const times = this.timesRead.get(name);
    this.timesRead.delete(name);
    if (times && uri.scheme === 'file') {
      await utimes(uri.fsPath, times.atimeMs / 1000, times.mtimeMs / 1000).catch(() => undefined);
    }
  }

  /**
   * One flush of each folder a batch read from or renamed into, before the cursor moves past the
   * batch: a power cut must not undo renames the journal already counts as done.
   */
  async filesReplaced(): Promise<void> {
    const folders = [...this.touchedFolders];
    this.touchedFolders.clear();
    this.timesRead.clear();
    await Promise.all(folders.map(flushFolder));
  }

  /**
   * With a key file, only a journal sealed with this folder's key counts (the caller has set any
   * other aside before); without one, nothing is encrypted that a journal could expose.
   */
  async readJournal(): Promise<string | undefined> {
    const stored = await readText(journalUri(this.options.dataFolder));
    if (stored === undefined) {
      return undefined;
    }
    if (await this.keyfileExists()) {
      const macKey = this.options.journalMacKey();
      return macKey ? openJournal(macKey, stored) : undefined;
    }
    return unsealedText(stored) ?? stored;
  }

  async writeJournal(text: string): Promise<void> {
    const macKey = this.options.journalMacKey();
    // No key only after a decryption forgot it (no key file left): nothing to protect then.
    const stored = macKey ? sealJournal(macKey, text) : text;
    await writeFileAtomic(journalUri(this.options.dataFolder), new TextEncoder().encode(stored));
    this.options.markers.journalWritten(text);
  }

  async removeJournal(): Promise<void> {
    await deleteIfThere(journalUri(this.options.dataFolder));
    this.options.markers.journalRemoved();
  }

  async keyfileExists(): Promise<boolean> {
    return (await readFileIfExists(keyfileUri(this.options.dataFolder))) !== undefined;
  }

  async writeKeyfile(): Promise<void> {
    if (this.options.keyfileText === undefined) {
      throw new Error('No key file was prepared for this conversion.');
    }
    await writeFileAtomic(keyfileUri(this.options.dataFolder), new TextEncoder().encode(this.options.keyfileText));
    this.options.markers.keyfileWritten();
    await writeBackupKeyfile(this.options.backupFolder, this.options.keyfileText);
    await this.options.afterKeyfile?.();
  }

  async removeKeyfile(): Promise<void> {
    await deleteIfThere(keyfileUri(this.options.dataFolder));
    this.options.markers.keyfileRemoved();
    if (this.options.backupFolder) {
      await deleteIfThere(keyfileUri(this.options.backupFolder));
    }
  }

  /** The data folder's caches, rebuilt from the notes: one that cannot be converted is deleted. */
  isCache(name: string): boolean {
    return name === DATA + NOTE_INDEX_FILE || name === DATA + SEARCH_INDEX_FILE;
  }

  async removeFile(name: string): Promise<void> {
    const uri = this.uriOf(name);
    if (uri.scheme === 'file') {
      this.touchedFolders.add(vscode.Uri.joinPath(uri, '..').fsPath);
    }
    await deleteIfThere(uri);
  }

  formOf(bytes: Uint8Array): StoredForm {
    return isEnvelope(bytes) ? 'encrypted' : 'plain';
  }

  convert(name: string, bytes: Uint8Array, direction: ConversionDirection): Converted {
    const key = this.options.dataKey();
    if (!key) {
      return { ok: false, reason: vscode.l10n.t('Two Hats is locked') };
    }
    const logical = canonicalName(name.slice(name.indexOf('/') + 1));
    if (direction === 'encrypt') {
      return { ok: true, bytes: encryptFile(key, logical, bytes) };
    }
    const decrypted = decryptFile(key, logical, bytes);
    return decrypted.ok ? { ok: true, bytes: decrypted.plaintext } : { ok: false, reason: decrypted.reason };
  }

  private uriOf(name: string): vscode.Uri {
    const { dataFolder, backupFolder } = this.options;
    if (name.startsWith(BACKUP) && backupFolder) {
      return vscode.Uri.joinPath(backupFolder, ...name.slice(BACKUP.length).split('/'));
    }
    return vscode.Uri.joinPath(dataFolder, ...name.slice(DATA.length).split('/'));
  }
}

/**
 * The key file, the journal (and their set-aside copies) and the older-backups marker describe
 * the conversion; they are never converted themselves.
 */
export function isConverted(name: string): boolean {
  const canonical = canonicalName(name);
  return canonical !== ENCRYPTION_KEY_FILE && canonical !== ENCRYPTION_JOURNAL_FILE && canonical !== OTHER_BACKUPS_PENDING_FILE;
}

/**
 * The rolling backup keeps the wrapped key beside its encrypted copies: a folder restored from it
 * (a moved workspace, a new machine) then opens with the passphrase. Without it, the copies could
 * never be read again once the keychain is gone.
 */
export async function writeBackupKeyfile(backupFolder: vscode.Uri | undefined, keyfileText: string): Promise<void> {
  if (backupFolder) {
    // The first backup pass may not have run yet: its folder comes into being here then.
    await createPrivateFolder(backupFolder);
    await writeFileAtomic(keyfileUri(backupFolder), new TextEncoder().encode(keyfileText));
  }
}

/**
 * Every file under `folder`, as `/`-separated names: not the lock (a folder of its own), not
 * temporary files of a write under way (each is renamed over its target, encoded for it).
 */
export async function filesUnder(folder: vscode.Uri, prefix: string, unlisted?: (folder: vscode.Uri) => void): Promise<string[]> {
  // A folder that is not there holds nothing; one that cannot be listed stops the run (see
  // readFile), or, with `unlisted`, is handed to it and passed over.
  const entries = await vscode.workspace.fs.readDirectory(folder).then(undefined, (error: unknown) => {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
      return [] as [string, vscode.FileType][];
    }
    if (unlisted) {
      unlisted(folder);
      return [] as [string, vscode.FileType][];
    }
    throw error;
  });
  const names: string[] = [];
  for (const [name, type] of entries) {
    if (name.startsWith(LOCK_FILE) || TEMP_TAIL.test(name)) {
      continue;
    }
    if (type === vscode.FileType.Directory) {
      names.push(...(await filesUnder(vscode.Uri.joinPath(folder, name), `${prefix}${name}/`, unlisted)));
    } else if (type === vscode.FileType.File) {
      names.push(prefix + name);
    }
  }
  return names;
}


async function deleteIfThere(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { useTrash: false });
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) {
      throw error;
    }
  }
}
