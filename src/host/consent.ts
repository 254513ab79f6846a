/**
 * What the user allowed Two Hats to read, kept by Two Hats in this workspace's state, never in
 * settings: a cloned repository's `.vscode/settings.json` is written by someone else and must not
 * be able to say yes on the user's behalf.
 */
import * as vscode from 'vscode';
import { MEMENTO_KEYS } from '../shared/storageLayout';
import { SETTINGS, type SettingKey } from './constants';

const CONSENTS_KEY = MEMENTO_KEYS.consents;

export class Consents {
  constructor(private readonly workspaceState: vscode.Memento) {}

  /** Whether the user said yes to `what` in this workspace. */
  granted(what: string): boolean {
    return this.workspaceState.get<Record<string, true>>(CONSENTS_KEY, {})[what] === true;
  }

  async grant(what: string): Promise<void> {
    await this.workspaceState.update(CONSENTS_KEY, { ...this.workspaceState.get<Record<string, true>>(CONSENTS_KEY, {}), [what]: true });
  }

  /** Asks once, in a modal; a yes is remembered for this workspace. */
  async ask(what: string, message: string, allow: string): Promise<boolean> {
    if (this.granted(what)) {
      return true;
    }
    const choice = await vscode.window.showWarningMessage(message, { modal: true }, allow);
    if (choice !== allow) {
      return false;
    }
    await this.grant(what);
    return true;
  }
}

/** A boolean setting as the user set it in their own settings; workspace values are ignored. */
export function userSetting(key: SettingKey): boolean {
  return vscode.workspace.getConfiguration(SETTINGS.section).inspect<boolean>(key)?.globalValue === true;
}
