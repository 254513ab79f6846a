/**
 * The commands whose code lives in the formats bundle (../formats.ts, dist/formats.js): the .ics
 * schedule export and the Markdown folder import. Registered with the rest, loaded on first use.
 */
import type { SomeCommandHandlers } from '../commands/commandTable';
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

export function fileFormatCommands(team: TeamStore, notes: NoteStore): SomeCommandHandlers<'exportSchedule' | 'importMarkdownFolder'> {
  return {
    exportSchedule: (args) => loadFormats().exportSchedule(team, args),
    importMarkdownFolder: (args) => loadFormats().importMarkdownFolder(team, notes, args),
  };
}
