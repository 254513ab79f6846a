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

export function registerCommandTable(handlers: CommandHandlers): vscode.Disposable[] {
  return (Object.keys(handlers) as (keyof CommandHandlers)[]).map((name) =>
    vscode.commands.registerCommand(COMMANDS[name], (raw?: unknown) => {
      const parsed = parseCommandArgs(name, raw);
      if (!parsed.ok) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Two Hats: {0} was given arguments it does not understand.', COMMANDS[name]));
        return undefined;
      }
      return (handlers[name] as CommandHandler<keyof CommandHandlers>)(parsed.args as CommandArgs<keyof CommandHandlers>);
    }),
  );
}
