/**
 * The one command table: every contributed command's handler, typed by its argument schema in
 * `commandArgs.ts`. The compiler refuses a table that misses a command; registration parses each
 * command's argument once, here, so no handler sees `unknown`. The activation shim's placeholders
 * come from the same ids (`COMMANDS`), and a unit test holds both against package.json.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { parseCommandArgs, type CommandArgs, type CommandName } from './commandArgs';

/** A command's handler; what it returns is what `executeCommand` resolves to. */
export type CommandHandler<N extends CommandName> = (args: CommandArgs<N>) => unknown;

/** Every command's handler: nothing is registered anywhere else. */
export type CommandHandlers = { readonly [N in CommandName]: CommandHandler<N> };

/** Handlers for some of the commands: what each feature module contributes to the table. */
export type SomeCommandHandlers<N extends keyof CommandHandlers> = Pick<CommandHandlers, N>;

/**
 * Registers every command of the table. `loaded` resolves once the stores a command reads have
 * finished loading (a re-read after Encrypt or another window's change empties them for a moment):
 * each command waits for it, so it never acts on an empty team.
 */
export function registerCommandTable(handlers: CommandHandlers, loaded: () => Promise<unknown> = () => Promise.resolve()): vscode.Disposable[] {
  return (Object.keys(handlers) as (keyof CommandHandlers)[]).map((name) =>
    vscode.commands.registerCommand(COMMANDS[name], async (raw?: unknown) => {
      const parsed = parseCommandArgs(name, raw);
      if (!parsed.ok) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Two Hats: {0} was given arguments it does not understand.', COMMANDS[name]));
        return undefined;
      }
      await loaded();
      return (handlers[name] as CommandHandler<keyof CommandHandlers>)(parsed.args as CommandArgs<keyof CommandHandlers>);
    }),
  );
}

/**
 * Runs one of Two Hats' own commands from inside Two Hats, with arguments the compiler checks
 * against the command's schema: a renamed field fails to compile instead of being dropped by the
 * parser (the command would then ask for everything).
 */
export function executeOwnCommand<N extends keyof CommandHandlers, R = unknown>(name: N, args?: CommandArgs<N>): Thenable<R | undefined> {
  return vscode.commands.executeCommand<R | undefined>(COMMANDS[name], args);
}
