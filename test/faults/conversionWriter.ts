/**
 * Runs inside the extension host (loaded by the companion extension) for the conversion part of
 * the fault lane. At each start: the store is set up once (notes with sentinels); the passphrase
 * unlocks when the keychain lost the key, which finishes a conversion a kill cut short (a start
 * with the key at hand finishes it by itself); every note is read back through Two Hats and the
 * result reported. Then it waits for the lane to say Encrypt or Decrypt, and converts, until the
 * lane kills this process.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { TwoHatsApi } from '../../src/host/extension';
import { COMMANDS, EXTENSION_ID } from '../../src/host/constants';
import type { EncryptionCommandResult } from '../../src/host/encryption/encryptionCommands';
import { noteUri } from '../../src/host/oneOnOnes/noteFileSystem';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { CONVERSION_NOTES, CONVERSION_PASSPHRASE, conversionFiles, conversionNote, type ConversionSetup, type Direction, type ReadyReport } from './conversionShared';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function setUp(dataDir: string): Promise<ConversionSetup> {
  const person = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: 'Conversion Person' });
  if (!person?.ok) {
    throw new Error('could not add the person');
  }
  const noteIds: string[] = [];
  for (let k = 0; k < CONVERSION_NOTES; k++) {
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: person.person.id, templateId: 'weekly' });
    await vscode.workspace.fs.writeFile(noteUri(started!.noteId, 'conversion'), new TextEncoder().encode(conversionNote(k)));
    noteIds.push(started!.noteId);
  }
  return { dataDir, noteIds };
}

export async function run(): Promise<void> {
  const dir = process.env['TWO_HATS_FAULT_DIR']!;
  const paths = conversionFiles(dir, process.pid);
  try {
    const api = await vscode.extensions.getExtension<TwoHatsApi>(EXTENSION_ID)!.activate();
    await api.ready();
    const shared = conversionFiles(dir);
    let setup: ConversionSetup;
    if (existsSync(shared.setup)) {
      setup = JSON.parse(readFileSync(shared.setup, 'utf8')) as ConversionSetup;
    } else {
      setup = await setUp(api.dataLocation()!.fsPath);
      writeFileSync(shared.setup, JSON.stringify(setup));
    }
    // Locked (the keychain did not keep the key through the kill): the passphrase finishes the job.
    await vscode.commands.executeCommand<EncryptionCommandResult>(COMMANDS.unlockNotes, { passphrase: CONVERSION_PASSPHRASE });
    const unreadable: string[] = [];
    for (const [k, id] of setup.noteIds.entries()) {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(noteUri(id, 'conversion')));
        if (text !== conversionNote(k)) {
          unreadable.push(`note ${k} reads back different (${text.length} chars)`);
        }
      } catch (error) {
        unreadable.push(`note ${k} does not open: ${(error as Error).message}`);
      }
    }
    const report: ReadyReport = { pid: process.pid, unreadable };
    writeFileSync(paths.ready, JSON.stringify(report));
    while (!existsSync(paths.go)) {
      await sleep(20);
    }
    const direction = readFileSync(paths.go, 'utf8') as Direction;
    const command = direction === 'encrypt' ? COMMANDS.encryptNotes : COMMANDS.decryptNotes;
    const result = await vscode.commands.executeCommand<EncryptionCommandResult>(command, { passphrase: CONVERSION_PASSPHRASE });
    writeFileSync(paths.converted, JSON.stringify(result ?? null));
  } catch (error) {
    writeFileSync(paths.error, String((error as Error).stack ?? error));
  }
}
