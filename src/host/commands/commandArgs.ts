/**
 * What each command accepts as its argument, in one table, parsed once when the command runs.
 * Arguments come from keybindings, other extensions, menus and tests: untrusted, like webview
 * messages. No `vscode` here, so a unit test can hold the table against package.json.
 *
 * Conventions: no argument means "ask for everything"; a bare string is the id the command is
 * about (a person, an item, a note), as keybindings pass it; an object may skip any prompt.
 */
import * as z from 'zod/mini';
import { STATUSES, RELAPSE_KINDS } from '../../shared/delegation/items';
import { LEVELS } from '../../shared/delegation/levels';
import { CADENCES } from '../../shared/team';
import type { COMMANDS } from '../constants';

/** A command's short name: the key of `COMMANDS`, whose value is the contributed id. */
export type CommandName = keyof typeof COMMANDS;

/** For commands run from menus, which pass their own context (a Uri, a view item): not read. */
const ignored = z.unknown();

/** Nothing at all is an empty object; a bare string is the id named `key`. */
function idOr<T extends z.ZodMiniType>(key: string, object: T) {
  return z.pipe(z.transform((raw: unknown): unknown => (raw === undefined ? {} : typeof raw === 'string' ? { [key]: raw } : raw)), object);
}

/** Nothing at all is an empty object. */
function fields<T extends z.ZodMiniType>(object: T) {
  return z.pipe(z.transform((raw: unknown): unknown => raw ?? {}), object);
}

const string = z.optional(z.string());
const flag = z.optional(z.boolean());
const level = z.optional(z.literal(LEVELS));

export const COMMAND_ARGS = {
  addPerson: z.optional(z.object({ name: z.string(), role: z._default(z.string(), ''), cadence: z._default(z.enum(CADENCES), 'weekly') })),
  editPerson: idOr('personId', z.object({ personId: string })),
  renamePerson: idOr('personId', z.object({ personId: string })),
  archivePerson: idOr('personId', z.object({ personId: string })),
  unarchivePerson: idOr('personId', z.object({ personId: string })),
  deletePerson: idOr('personId', z.object({ personId: string, typedName: string })),
  showDataLocation: ignored,
  browsePrinciples: ignored,
  insertPrinciplePrompt: ignored,
  principleOfTheDay: ignored,
  openPrinciple: idOr('principleId', z.object({ principleId: string })),
  switchHat: ignored,
  whichHat: ignored,
  startOneOnOne: idOr('personId', z.object({ personId: string, templateId: string })),
  prepareOneOnOne: idOr('personId', z.object({ personId: string, quiet: flag })),
  /** The brief's Uri, as the editor title passes it; the active editor's otherwise. */
  startOneOnOneFromBrief: ignored,
  openNote: idOr('noteId', z.object({ noteId: string })),
  copyShareableAgenda: ignored,
  /** A query returns the matching note ids instead of showing the search. */
  searchNotes: z.optional(z.string()),
  deleteAllData: ignored,
  queueTalkingPoint: idOr('personId', z.object({ personId: string, text: string, standing: flag })),
  addSelectionToNextOneOnOne: ignored,
  saveNoteAsTemplate: fields(z.object({ name: string, insideWorkspace: z.optional(z.literal('save')) })),
  exportNotes: fields(z.object({ folder: string, includePrivate: flag, encrypted: flag })),
  /** A passphrase given here skips the prompt for an encrypted export (tests); it is never logged. */
  importNotes: fields(z.object({ folder: string, passphrase: string })),
  /** `encrypted` with a `passphrase` seals the handover under that one-time passphrase (tests); never logged. */
  exportForNextManager: idOr('personId', z.object({ personId: string, file: string, folder: string, encrypted: flag, passphrase: string })),
  exportSchedule: fields(z.object({ file: string })),
  importMarkdownFolder: fields(z.object({ folder: string, confirm: flag })),
  restoreFromBackup: fields(z.object({ backupFolder: string })),
  reloadData: ignored,
  addGoal: idOr('personId', z.object({ personId: string, text: string })),
  markGoalReached: idOr('personId', z.object({ personId: string, goalId: string })),
  addDelegationItem: fields(z.object({ title: string })),
  /** Also run from the editor's context menu, which passes the document's Uri: it has no title. */
  delegateThis: z.catch(fields(z.object({ title: string })), {}),
  assignDelegation: idOr('itemId', z.object({ itemId: string, personId: string, level, targetLevel: level, quiet: flag })),
  changeDelegationLevel: idOr('itemId', z.object({ itemId: string, level })),
  setDelegationStatus: idOr('itemId', z.object({ itemId: string, status: z.optional(z.enum(STATUSES)) })),
  recordRelapse: idOr('itemId', z.object({ itemId: string, kind: z.optional(z.enum(RELAPSE_KINDS)) })),
  noteDelegationStep: idOr('itemId', z.object({ itemId: string, stepId: string, note: string, quiet: flag })),
  deleteDelegationItem: idOr('itemId', z.object({ itemId: string, quiet: flag })),
  undoDeleteDelegationItem: idOr('itemId', z.object({ itemId: string })),
  findBottlenecks: fields(z.object({ ask: flag })),
  weeklySelfCheck: ignored,
  startPresenting: ignored,
  stopPresenting: ignored,
  /** A passphrase given here skips the prompts (tests, other extensions); it is never logged. */
  encryptNotes: fields(z.object({ passphrase: string })),
  lockNow: ignored,
  unlockNotes: fields(z.object({ passphrase: string })),
  changePassphrase: fields(z.object({ oldPassphrase: string, newPassphrase: string })),
  decryptNotes: fields(z.object({ passphrase: string })),
} satisfies Record<CommandName, z.ZodMiniType>;

/** The argument a command's handler receives, already parsed. */
export type CommandArgs<N extends CommandName> = z.output<(typeof COMMAND_ARGS)[N]>;

/** Parses what a caller passed; `undefined` when it does not fit, so the command refuses it. */
export function parseCommandArgs<N extends CommandName>(name: N, raw: unknown): { ok: true; args: CommandArgs<N> } | { ok: false } {
  const parsed = z.safeParse(COMMAND_ARGS[name] as z.ZodMiniType, raw);
  return parsed.success ? { ok: true, args: parsed.data as CommandArgs<N> } : { ok: false };
}
