/**
 * The commands whose code lives in the formats bundle (../formats.ts, dist/formats.js): the .ics
 * schedule export and the Markdown folder import. Registered with the rest, loaded on first use.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import type { NoteStore } from '../storage/noteStore';
import type { TeamStore } from '../storage/teamStore';

type FormatsModule = typeof import('../formats');

let formats: FormatsModule | undefined;

function loadFormats(): FormatsModule {
  // Resolved next to dist/core.js at run time; esbuild leaves it to Node (see esbuild.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  formats ??= require('./formats.js') as FormatsModule;
  return formats;
}

export function registerFileFormatCommands(team: TeamStore, notes: NoteStore): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.exportSchedule, (arg?: unknown) => loadFormats().exportSchedule(team, arg)),
    vscode.commands.registerCommand(COMMANDS.importMarkdownFolder, (arg?: unknown) =>
      loadFormats().importMarkdownFolder(team, notes, typeof arg === 'object' && arg !== null ? arg : {}),
    ),
  ];
}
