import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID } from '../../src/host/constants';
import { activateTwoHats } from './helpers';

interface Manifest {
  activationEvents?: string[];
  contributes: { commands: { command: string; title: string; category?: string }[] };
}

describe('Two Hats in the extension host', () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const manifest = extension?.packageJSON as Manifest;

  it('is installed and stays inactive until its view or a command is used', () => {
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.equal(extension.isActive, false, 'nothing at startup should activate Two Hats');
  });

  it('activates and registers every contributed command', async () => {
    await activateTwoHats();
    assert.equal(extension?.isActive, true);
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest.contributes.commands.map((c) => c.command);
    for (const command of contributed) {
      assert.ok(registered.has(command), `${command} is registered`);
    }
    assert.deepEqual([...contributed].sort(), Object.values(COMMANDS).sort(), 'constants and package.json agree');
  });

  it('reads a plain data folder without loading encryption at rest (dist/encryption.js)', async () => {
    await activateTwoHats();
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const core = path.join(extension.extensionPath, 'dist', 'core.js');
    const encryption = path.join(extension.extensionPath, 'dist', 'encryption.js');
    assert.ok(require.cache[core], 'the core is loaded (so the look can fail)');
    assert.equal(require.cache[encryption], undefined, 'the encryption bundle waits for an encrypted folder or an encryption command');
  });

  it('puts every command in the Two Hats category', () => {
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Two Hats', command.command);
    }
  });
});
