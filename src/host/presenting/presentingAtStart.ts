/**
 * Whether presenting mode is on, as a window finds it before Two Hats' core has loaded: for the
 * sidebar's first page, painted before PresentingMode exists. When in doubt, presenting.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { MEMENTO_KEYS } from '../../shared/storageLayout';

export const PRESENTING_FLAG_FILE = 'presenting.json';

/**
 * On if global state says so, or the flag file every window shares says so (another window may
 * have started presenting a moment ago); also on when that file is there but cannot be read.
 */
export function presentingAtStart(memento: vscode.Memento, flagFolder: vscode.Uri | undefined): boolean {
  if (memento.get<boolean>(MEMENTO_KEYS.presenting, false) === true) {
    return true;
  }
  if (!flagFolder || flagFolder.scheme !== 'file') {
    return false;
  }
  let text: string;
  try {
    text = readFileSync(path.join(flagFolder.fsPath, PRESENTING_FLAG_FILE), 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  try {
    const flag: unknown = JSON.parse(text);
    const presenting = typeof flag === 'object' && flag !== null ? (flag as { presenting?: unknown }).presenting : undefined;
    return presenting !== false;
  } catch {
    return true;
  }
}
