/**
 * Reading a file Two Hats did not necessarily write (a note edited by another program, an own
 * template, a file in an import folder): its size is checked on disk first, so an oversized file
 * is refused with a sentence before a byte of it is read, and a file held for a moment by another
 * program is read again rather than taken for missing or damaged.
 */
import { open, stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { sizeProblem } from '../../shared/fileLimits';
import { readPatiently } from './transientRead';

/** A file refused for its size, before it was read. */
export class TooLargeToRead extends Error {
  constructor(
    readonly fileName: string,
    /** Why, without the file's name: a sentence of its own for a list of reasons. */
    readonly problem: string,
  ) {
    super(vscode.l10n.t('{0} was not read: {1}.', fileName, problem));
    this.name = 'TooLargeToRead';
  }
}

function nameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The size on disk, or undefined when there is no such file. */
async function sizeOf(uri: vscode.Uri): Promise<number | undefined> {
  try {
    return uri.scheme === 'file' ? (await stat(uri.fsPath)).size : (await vscode.workspace.fs.stat(uri)).size;
  } catch (error) {
    if (isMissing(error)) {
      return undefined;
    }
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ENOENT' || code === 'FileNotFound';
}

/**
 * The file's bytes, or undefined when there is none. Throws `TooLargeToRead` above `limit`
 * bytes, without reading (or, for a file growing while it is read, after at most `limit` + 1
 * bytes); a read that keeps failing transiently throws `UnreadableForNow`.
 */
export function readBounded(uri: vscode.Uri, limit: number): Promise<Uint8Array | undefined> {
  return readPatiently(nameOf(uri), async () => {
    const size = await sizeOf(uri);
    if (size === undefined) {
      return undefined;
    }
    const problem = sizeProblem(size, limit);
    if (problem) {
      throw new TooLargeToRead(nameOf(uri), problem);
    }
    try {
      // Node's own read is several times cheaper than workspace.fs, which matters to search.
      const bytes = uri.scheme === 'file' ? await readAtMost(uri.fsPath, size, limit) : await vscode.workspace.fs.readFile(uri);
      // The file may have grown since its size was taken (another program still writing it).
      const grownProblem = sizeProblem(bytes.byteLength, limit);
      if (grownProblem) {
        throw new TooLargeToRead(nameOf(uri), grownProblem);
      }
      return bytes;
    } catch (error) {
      if (isMissing(error)) {
        return undefined;
      }
      throw error;
    }
  });
}

/**
 * The file's bytes, but never more than one byte past `limit`: a file that grows between the
 * size check and the read is caught by its length without all of it being held in memory.
 * Exported for the test that grows a file past its measured size.
 */
export async function readAtMost(path: string, expectedSize: number, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const cap = limit + 1;
    let buffer = Buffer.allocUnsafe(Math.min(cap, expectedSize + 1));
    let filled = 0;
    for (;;) {
      if (filled === buffer.byteLength) {
        if (filled >= cap) {
          break;
        }
        const larger = Buffer.allocUnsafe(Math.min(cap, buffer.byteLength * 2));
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.byteLength - filled, filled);
      if (bytesRead === 0) {
        break;
      }
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
