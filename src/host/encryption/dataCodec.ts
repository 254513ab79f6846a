/**
 * The data folder's one place for bytes (storage/dataFiles.ts) speaking FileCodec: every store,
 * the index and the backups read and write through this once the folder is encrypted, or is
 * being converted. FileCodec binds each file to its logical name (its `/`-separated path inside
 * the data folder), so a file swapped with another fails like any other tampering; this maps a
 * URI to that name.
 *
 * A backup folder is laid out like the data folder and holds the same stored bytes, copied as
 * they are: a file in `backups/<workspace>/notes/x.md` has the logical name `notes/x.md`, so the
 * copy decodes with the same key and name as the original, and a restore copies it back as is.
 */
import * as vscode from 'vscode';
import { canonicalName } from '../../shared/encryption/logicalNames';
import type { ByteCodec } from '../storage/dataFiles';
import type { FileCodec } from './fileCodec';
import { LockedError, UndecodableFile } from './lockedError';

export { UndecodableFile };


/** The folders whose files have logical names: the data folder and the backups' root. */
export interface CodecRoots {
  readonly dataFolder: vscode.Uri | undefined;
  readonly backupsRoot: vscode.Uri;
}

export class EncryptedDataCodec implements ByteCodec {
  constructor(
    private readonly files: FileCodec,
    private readonly roots: () => CodecRoots,
  ) {}

  encode(plain: Uint8Array, file: vscode.Uri): Promise<Uint8Array> {
    // Throws LockedError while locked: the write fails and the file stays as it was.
    return Promise.resolve(this.files.encode(logicalNameOf(file, this.roots()), plain));
  }

  decode(stored: Uint8Array, file: vscode.Uri): Promise<Uint8Array> {
    const decoded = this.files.decode(logicalNameOf(file, this.roots()), stored);
    if (decoded.ok) {
      return Promise.resolve(decoded.plaintext);
    }
    if (decoded.problem === 'locked') {
      // Not damage: the file is whole and waits for the passphrase. Never set aside.
      return Promise.reject(new LockedError());
    }
    return Promise.reject(new UndecodableFile(decoded.problem, decoded.reason));
  }
}

/**
 * `notes/x.md` for `<data>/notes/x.md` and for `<backups>/<workspace>/notes/x.md`; a temporary
 * file has its target's name (it is encoded for the target, then renamed over it).
 */
export function logicalNameOf(file: vscode.Uri, roots: CodecRoots): string {
  return canonicalName(relativeNameOf(file, roots));
}

function relativeNameOf(file: vscode.Uri, roots: CodecRoots): string {
  const path = file.path;
  const inside = (root: vscode.Uri | undefined) =>
    root && file.scheme === root.scheme && path.startsWith(`${root.path.replace(/\/$/, '')}/`) ? path.slice(root.path.replace(/\/$/, '').length + 1) : undefined;
  const inData = inside(roots.dataFolder);
  if (inData !== undefined) {
    return inData;
  }
  const inBackups = inside(roots.backupsRoot);
  if (inBackups !== undefined) {
    const slash = inBackups.indexOf('/');
    return slash < 0 ? inBackups : inBackups.slice(slash + 1);
  }
  return path.slice(path.lastIndexOf('/') + 1);
}
