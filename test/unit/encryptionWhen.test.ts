import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, ENCRYPTION_CONTEXT } from '../../src/host/constants';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { menus: { commandPalette: { command: string; when?: string }[] } };
};

/**
 * The two shapes of clause package.json uses for the encryption commands, evaluated as VS Code
 * does: `!key || key == value` and `key != value` (an unset key is neither equal nor `!=`-false).
 */
function shown(when: string, state: string | undefined): boolean {
  return when.split('||').some((part) => {
    const clause = part.trim();
    if (clause === `!${ENCRYPTION_CONTEXT}`) {
      return state === undefined;
    }
    const [key, op, value] = clause.split(/\s+/);
    assert.equal(key, ENCRYPTION_CONTEXT, `unexpected clause ${clause}`);
    return op === '==' ? state === value : state !== value;
  });
}

describe('the encryption commands in the Command Palette', () => {
  const commands = [COMMANDS.encryptNotes, COMMANDS.lockNow, COMMANDS.unlockNotes, COMMANDS.changePassphrase, COMMANDS.decryptNotes];
  const visible = (state: string | undefined) =>
    commands.filter((id) => {
      const entry = manifest.contributes.menus.commandPalette.find((e) => e.command === id);
      assert.ok(entry?.when, `${id} has a when clause`);
      return shown(entry.when, state);
    });

  it('shows only the commands that make sense in each state', () => {
    assert.deepEqual(visible('off'), [COMMANDS.encryptNotes]);
    assert.deepEqual(visible('unlocked'), [COMMANDS.lockNow, COMMANDS.changePassphrase, COMMANDS.decryptNotes]);
    assert.deepEqual(visible('locked'), [COMMANDS.unlockNotes, COMMANDS.changePassphrase, COMMANDS.decryptNotes]);
  });

  it('shows all five before Two Hats has started (running one is what starts it)', () => {
    assert.deepEqual(visible(undefined), commands);
  });
});
