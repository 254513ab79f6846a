/**
 * One of three windows in the stress lane (loaded by the companion extension in each extension
 * host): adds people, queues talking points and saves its own note, all through Two Hats, at the
 * same time as the other two windows, acknowledging each operation on disk once Two Hats has.
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { TwoHatsApi } from '../../src/host/extension';
import { COMMANDS, EXTENSION_ID } from '../../src/host/constants';
import { noteUri } from '../../src/host/oneOnOnes/noteFileSystem';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { MutationResult } from '../../src/host/storage/teamStore';
import { OPS_PER_WINDOW, stressFiles, stressNoteVersion, type StressSetup } from './stressShared';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function run(): Promise<void> {
  const dir = process.env['TWO_HATS_FAULT_DIR']!;
  const paths = stressFiles(dir, process.pid);
  try {
    const api = await vscode.extensions.getExtension<TwoHatsApi>(EXTENSION_ID)!.activate();
    await api.ready();
    const person = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Window ${process.pid}` });
    if (!person?.ok) {
      throw new Error(`could not add the window's person: ${person ? person.error : 'no answer'}`);
    }
    const start = () => vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: person.person.id, templateId: 'weekly' });
    const own = await start();
    const outside = await start();
    const setup: StressSetup = { pid: process.pid, dataDir: api.dataLocation()!.fsPath, personId: person.person.id, ownNote: own!.noteId, outsideNote: outside!.noteId };
    writeFileSync(paths.setup, JSON.stringify(setup));
    while (!existsSync(stressFiles(dir).go)) {
      await sleep(50);
    }
    for (let i = 1; i <= OPS_PER_WINDOW; i++) {
      switch (i % 3) {
        case 0: {
          const added = await vscode.commands.executeCommand<MutationResult>(COMMANDS.addPerson, { name: `Stress ${process.pid} ${i}` });
          if (!added?.ok) {
            throw new Error(`could not add person ${i}: ${added ? added.error : 'no answer'}`);
          }
          appendFileSync(paths.acks, `person ${i}\n`);
          break;
        }
        case 1: {
          const queued = await vscode.commands.executeCommand<MutationResult>(COMMANDS.queueTalkingPoint, { personId: setup.personId, text: `Point ${process.pid} ${i}`, standing: false });
          if (!queued?.ok) {
            throw new Error(`could not queue point ${i}: ${queued ? queued.error : 'no answer'}`);
          }
          appendFileSync(paths.acks, `point ${i}\n`);
          break;
        }
        default:
          await vscode.workspace.fs.writeFile(noteUri(setup.ownNote, 'stress'), new TextEncoder().encode(stressNoteVersion(process.pid, i)));
          appendFileSync(paths.acks, `note ${i}\n`);
      }
    }
    writeFileSync(paths.done, 'done');
  } catch (error) {
    writeFileSync(paths.error, String((error as Error).stack ?? error));
  }
}
