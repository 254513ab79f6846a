import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TwoHatsApi } from '../../src/host/extension';
import { EXTENSION_ID } from '../../src/host/constants';
import { setAsideName } from '../../src/shared/storageLayout';

export async function activateTwoHats(): Promise<TwoHatsApi> {
  const extension = vscode.extensions.getExtension<TwoHatsApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not installed`);
  }
  const api = await extension.activate();
  await api.ready();
  return api;
}

export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * Saves a document as a person's Ctrl+S does, and fails with what the workbench logged when the
 * save did not go through: the editor API says only "false", both for a refused save and for a
 * document with nothing left to save.
 */
export async function saveOrExplain(document: vscode.TextDocument): Promise<void> {
  if (await document.save()) {
    return;
  }
  // code-server saves after a delay by default (files.autoSave): on a loaded machine that save can
  // be under way when `save()` is called, which then answers false while the document is still
  // dirty, or has already happened, leaving nothing to save. Either is a save: wait for the
  // document to be clean and the file to hold what the editor shows, asking again if it stays dirty.
  const deadline = Date.now() + 10_000;
  let askedAgain = false;
  while (Date.now() < deadline) {
    if (!document.isDirty) {
      const onDisk = await Promise.resolve(vscode.workspace.fs.readFile(document.uri)).then(
        (bytes) => new TextDecoder().decode(bytes),
        () => undefined,
      );
      if (onDisk === document.getText()) {
        return;
      }
    } else if (!askedAgain && Date.now() > deadline - 5_000) {
      askedAgain = true;
      if (await document.save()) {
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const { execFileSync } = await import('node:child_process');
  // The window's logs sit in the harness's temporary folder (test/harness/codeServer.ts).
  const logged = execFileSync('sh', ['-c', "find /tmp -path '*two-hats-host-*' -name '*.log' -mmin -5 -print0 2>/dev/null | xargs -0 -r grep -h -i -E 'save|conflict|error' | tail -20"], {
    encoding: 'utf8',
  });
  assert.fail(`the save of ${document.uri.toString()} did not go through in 10 s (dirty: ${document.isDirty}); the workbench logged:\n${logged}`);
}

/**
 * Files under the folders holding `needle` in their raw bytes (as UTF-8, the way Two Hats writes).
 * A file gone between the listing and the read (a lock's owner file, a temporary file renamed
 * into place) holds nothing any more.
 */
export function filesHolding(folders: string | readonly string[], needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  const holds = (file: string) => {
    try {
      return readFileSync(file).includes(bytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return false;
      }
      throw error;
    }
  };
  return (typeof folders === 'string' ? [folders] : folders).flatMap(filesUnder).filter(holds);
}

/** Every file under `dir`, however deep; none when it is missing (so a scan of a gone folder finds nothing). */
export function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** Whether `entry` is `fileName` as Two Hats sets it aside (`setAsideName`), whatever its stamp. */
export function isSetAsideName(entry: string, fileName: string, why: 'corrupt' | 'newer'): boolean {
  const [before = '', after = ''] = setAsideName(fileName, why, '\u0000').split('\u0000');
  return entry.length > before.length + after.length && entry.startsWith(before) && entry.endsWith(after);
}
