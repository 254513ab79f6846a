/**
 * Presenting mode, for sharing the screen: while it is on, the sidebar, open notes, search and
 * notifications leave out what is private. Kept in global state, so it survives a reload and
 * holds in every window on this machine (a shared screen shows all of them).
 */
import * as vscode from 'vscode';
import type { SomeCommandHandlers } from '../commands/commandTable';
import { COMMANDS } from '../constants';

const PRESENTING_KEY = 'twoHats.presenting.v1';
/** For the keybinding's `when`: the same keys start and stop. */
const PRESENTING_CONTEXT = 'twoHats.presenting';

export class PresentingMode implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<boolean>();
  private readonly statusItem: vscode.StatusBarItem;
  /** Fires with the new state when presenting starts or stops. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {
    this.statusItem = vscode.window.createStatusBarItem('twoHats.presenting', vscode.StatusBarAlignment.Left, 11);
    this.statusItem.name = 'Two Hats: Presenting';
    this.statusItem.text = '$(eye-closed) Presenting';
    this.statusItem.tooltip = 'Two Hats is hiding private details while you share your screen. Click to stop presenting.';
    this.statusItem.accessibilityInformation = { label: 'Presenting: Two Hats hides private details. Activate to stop presenting.' };
    this.statusItem.command = COMMANDS.stopPresenting;
    this.render();
  }

  get on(): boolean {
    return this.memento.get<boolean>(PRESENTING_KEY, false) === true;
  }

  async set(on: boolean): Promise<void> {
    if (on === this.on) {
      this.render();
      return;
    }
    await this.memento.update(PRESENTING_KEY, on);
    this.render();
    this.emitter.fire(on);
  }

  dispose(): void {
    this.statusItem.dispose();
    this.emitter.dispose();
  }

  private render(): void {
    const on = this.on;
    void vscode.commands.executeCommand('setContext', PRESENTING_CONTEXT, on);
    if (on) {
      this.statusItem.show();
    } else {
      this.statusItem.hide();
    }
  }
}

export function presentingCommands(mode: PresentingMode): SomeCommandHandlers<'startPresenting' | 'stopPresenting'> {
  return {
    startPresenting: () => mode.set(true),
    stopPresenting: () => mode.set(false),
  };
}
