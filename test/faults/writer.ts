/**
 * Runs inside the extension host (loaded by the companion extension): saves notes and the
 * delegation list through Two Hats, one after another, acknowledging each save on disk once
 * Two Hats has acknowledged it. The fault lane kills this process at random moments.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { TwoHatsApi } from '../../src/host/extension';
import { COMMANDS, EXTENSION_ID } from '../../src/host/constants';
import { noteUri } from '../../src/host/oneOnOnes/noteFileSystem';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { ItemResult } from '../../src/host/storage/delegationStore';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { acknowledge, files, isAlive, NOTES, noteVersion, readAcks, TOTAL_SAVES, type Setup } from './shared';

export async function run(): Promise<void> {
  const dir = process.env['TWO_HATS_FAULT_DIR']!;
  const paths = files(dir);
  // One writer at a time: a window whose host outlived its tab may still be writing.
  if (existsSync(paths.pid)) {
    const other = Number(readFileSync(paths.pid, 'utf8'));
    if (other !== process.pid && isAlive(other)) {
      return;
    }
  }
  writeFileSync(paths.pid, String(process.pid));
  try {
    const api = await vscode.extensions.getExtension<TwoHatsApi>(EXTENSION_ID)!.activate();
    await api.ready();
    writeFileSync(paths.ready, String(process.pid));
    let setup: Setup;
    if (existsSync(paths.setup)) {
      setup = JSON.parse(readFileSync(paths.setup, 'utf8')) as Setup;
    } else {
      const person = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: 'Fault Person' });
      if (!person?.ok) {
        throw new Error('could not add the person');
      }
      const noteIds: string[] = [];
      for (let k = 0; k < NOTES; k++) {
        const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: person.person.id, templateId: 'weekly' });
        noteIds.push(started!.noteId);
      }
      setup = { dataDir: api.dataLocation()!.fsPath, noteIds };
      writeFileSync(paths.setup, JSON.stringify(setup));
    }
    const acks = readAcks(paths.acks);
    for (let i = acks.count + 1; i <= TOTAL_SAVES; i++) {
      const k = i % NOTES;
      await vscode.workspace.fs.writeFile(noteUri(setup.noteIds[k]!, 'fault'), new TextEncoder().encode(noteVersion(k, i)));
      acknowledge(paths.acks, `note ${k} ${i}`);
      const item = await vscode.commands.executeCommand<ItemResult>(COMMANDS.addDelegationItem, { title: `Fault item ${i}` });
      if (!item?.ok) {
        throw new Error(`could not add item ${i}: ${item ? item.error : 'no answer'}`);
      }
      acknowledge(paths.acks, `item ${i}`);
    }
    writeFileSync(paths.done, 'done');
  } catch (error) {
    writeFileSync(paths.error, String((error as Error).stack ?? error));
  }
}
