/**
 * Where encryption at rest keeps its marks beside the data: the key file and the conversion
 * journal. Small on purpose: the core reads them to tell a plain folder from an encrypted one
 * without loading the encryption bundle (encryptionOnDemand.ts).
 */
import * as vscode from 'vscode';
import { ENCRYPTION_JOURNAL_FILE, ENCRYPTION_KEY_FILE } from '../../shared/storageLayout';
import { readFileIfExists } from '../storage/atomicFile';

export function keyfileUri(dataFolder: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(dataFolder, ENCRYPTION_KEY_FILE);
}

export function journalUri(dataFolder: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(dataFolder, ENCRYPTION_JOURNAL_FILE);
}

export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const bytes = await readFileIfExists(uri);
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}
