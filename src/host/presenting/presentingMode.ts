/**
 * Presenting mode, for sharing the screen: while it is on, the sidebar, open notes, search and
 * notifications leave out what is private. Kept in global state, so it survives a reload, and in a
 * small flag file in global storage that every window watches, so that it holds in every window
 * on this machine at once (a shared screen shows all of them). Global state alone is not enough:
 * another window's memento takes the new value silently, with no event, so its sidebar would go
 * on showing private details until something else made it redraw.
 */
import * as vscode from 'vscode';
import { MEMENTO_KEYS } from '../../shared/storageLayout';
import type { SomeCommandHandlers } from '../commands/commandTable';
import { COMMANDS } from '../constants';
import { readFileIfExists, writeFileAtomic } from '../storage/atomicFile';
import { createPrivateFolder } from '../storage/permissions';
import { PRESENTING_FLAG_FILE, presentingAtStart } from './presentingAtStart';

export { PRESENTING_FLAG_FILE };

const PRESENTING_KEY = MEMENTO_KEYS.presenting;
/** For the keybinding's `when`: the same keys start and stop. */
const PRESENTING_CONTEXT = 'twoHats.presenting';

export class PresentingMode implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<boolean>();
  private readonly statusItem: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private current: boolean;
  /**
   * This window's own starts and stops still being saved. Until they are, the flag file's events
   * are echoes of its own writes: read then, an earlier write would flip the state back for a
   * moment (stopped, then presenting again; or presenting, then private details on a shared screen).
   */
  private ownChanges = 0;
  /** Fires with the new state when presenting starts or stops, here or in another window. */
  readonly onDidChange = this.emitter.event;

  /** `flagFolder` is shared by every window (global storage); without it, this window alone. */
  constructor(
    private readonly memento: vscode.Memento,
    private readonly flagFolder?: vscode.Uri,
  ) {
    // As the sidebar's first page found it (another window's flag included): the core's first
    // answer to the page must not show what the page hid, before the flag file's read comes back.
    this.current = presentingAtStart(memento, flagFolder);
    this.statusItem = vscode.window.createStatusBarItem('twoHats.presenting', vscode.StatusBarAlignment.Left, 11);
    this.statusItem.name = vscode.l10n.t('Two Hats: Presenting');
    this.statusItem.text = `$(eye-closed) ${vscode.l10n.t('Presenting')}`;
    this.statusItem.tooltip = vscode.l10n.t('Two Hats is hiding private details while you share your screen. Click to stop presenting.');
    this.statusItem.accessibilityInformation = { label: vscode.l10n.t('Presenting: Two Hats hides private details. Activate to stop presenting.') };
    this.statusItem.command = COMMANDS.stopPresenting;
    this.render();
    if (flagFolder) {
      void this.followOtherWindows(flagFolder);
    }
  }

  get on(): boolean {
    return this.current;
  }

  async set(on: boolean): Promise<void> {
    if (on === this.current) {
      this.render();
      return;
    }
    // Counted before the state changes: the watcher's echo of this window's previous write may
    // come while this one is under way, and the file it reads then still holds the old state.
    this.ownChanges++;
    try {
      await this.change(on);
      if (this.flagFolder) {
        // Told to every other window; a failed write leaves them as they were, this one changed.
        await createPrivateFolder(this.flagFolder)
          .then(() => writeFileAtomic(this.flagFile(this.flagFolder!), new TextEncoder().encode(JSON.stringify({ presenting: on }))))
          .catch(() => undefined);
      }
    } finally {
      this.ownChanges--;
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.statusItem.dispose();
    this.emitter.dispose();
  }

  private async change(on: boolean): Promise<void> {
    this.current = on;
    this.render();
    this.emitter.fire(on);
    await this.memento.update(PRESENTING_KEY, on);
  }

  private flagFile(folder: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(folder, PRESENTING_FLAG_FILE);
  }

  private async followOtherWindows(folder: vscode.Uri): Promise<void> {
    // The folder must exist for a watcher on it to see the file appear.
    await createPrivateFolder(folder).catch(() => undefined);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, PRESENTING_FLAG_FILE));
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate(() => this.readFlag(folder)),
      watcher.onDidChange(() => this.readFlag(folder)),
      // A change missed while the window slept is caught when the user comes back to it.
      vscode.window.onDidChangeWindowState((state) => (state.focused ? this.readFlag(folder) : undefined)),
    );
    await this.readFlag(folder);
  }

  private async readFlag(folder: vscode.Uri): Promise<void> {
    if (this.ownChanges > 0) {
      return; // This window's own change is being written: the file is about to say what it shows.
    }
    const bytes = await readFileIfExists(this.flagFile(folder)).catch(() => undefined);
    if (this.ownChanges > 0) {
      return;
    }
    let flag: unknown;
    try {
      flag = bytes ? JSON.parse(new TextDecoder().decode(bytes)) : undefined;
    } catch {
      // A flag that cannot be read may say "presenting": when in doubt, hide (as at start).
      flag = { presenting: true };
    }
    const presenting = typeof flag === 'object' && flag !== null ? (flag as { presenting?: unknown }).presenting : undefined;
    if (typeof presenting === 'boolean' && presenting !== this.current) {
      await this.change(presenting);
    }
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
