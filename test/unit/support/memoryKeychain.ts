import type * as vscode from 'vscode';
import type { Secrets } from '../../../src/host/encryption/keyHolder';

/**
 * The keychain as VS Code gives it to an extension: a string store with a change event that
 * every window sees. Shared between two holders, it plays two windows on one machine.
 */
export class Keychain {
  readonly entries = new Map<string, string>();
  private readonly listeners = new Set<(change: vscode.SecretStorageChangeEvent) => void>();
  available = true;

  view(): Secrets {
    return {
      get: async (key) => {
        if (!this.available) throw new Error('no keyring');
        return this.entries.get(key);
      },
      store: async (key, value) => {
        if (!this.available) throw new Error('no keyring');
        this.entries.set(key, value);
        this.fire(key);
      },
      delete: async (key) => {
        this.entries.delete(key);
        this.fire(key);
      },
      onDidChange: (listener: (change: vscode.SecretStorageChangeEvent) => void) => {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
      },
    };
  }

  private fire(key: string): void {
    for (const listener of this.listeners) listener({ key });
  }
}
