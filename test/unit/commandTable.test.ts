import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMAND_ARGS, parseCommandArgs, type CommandName } from '../../src/host/commands/commandArgs';
import type { CommandHandlers } from '../../src/host/commands/commandTable';
import { COMMANDS } from '../../src/host/constants';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  activationEvents?: string[];
  contributes: { commands: { command: string; category?: string }[]; menus?: Record<string, { command: string }[]>; keybindings?: { command: string }[] };
};
const tableIds = (Object.keys(COMMAND_ARGS) as CommandName[]).map((name) => COMMANDS[name]);

// Does not compile while any command's handler may be left out of the table (registered elsewhere).
type OutsideTheTable = Exclude<CommandName, keyof CommandHandlers>;
const everyCommandHasAHandlerInTheTable: [OutsideTheTable] extends [never] ? true : false = true;

/**
 * The files allowed to call `registerCommand`: the table itself, and the activation shim's
 * placeholders, which stand in for the table's own ids until the core has loaded.
 */
const REGISTERS_COMMANDS = [path.join('commands', 'commandTable.ts'), 'extension.ts'];

/** `file:line` of every `registerCommand(` call in src/host outside REGISTERS_COMMANDS. */
function registrationsOutsideTheTable(): string[] {
  const host = path.join(root, 'src', 'host');
  return readdirSync(host, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !REGISTERS_COMMANDS.includes(file))
    .flatMap((file) => {
      const lines = readFileSync(path.join(host, file), 'utf8').split('\n');
      return lines.flatMap((line, index) => (/\bregister(?:TextEditor)?Command\(/.test(line) ? [`${file}:${index + 1}`] : []));
    });
}

describe('the command table and the manifest', () => {
  it('contributes every command in the table, and has a table entry for every contributed command', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.deepEqual([...contributed].sort(), [...tableIds].sort());
    assert.deepEqual(Object.keys(COMMAND_ARGS).sort(), Object.keys(COMMANDS).sort(), 'the argument table and the ids name the same commands');
  });

  it('registers every command through the table, showDataLocation and restoreFromBackup included', () => {
    assert.ok(everyCommandHasAHandlerInTheTable);
    assert.deepEqual(registrationsOutsideTheTable(), []);
    assert.ok(readFileSync(path.join(root, 'src', 'host', 'extension.ts'), 'utf8').includes('Object.values(COMMANDS).map((id) =>'), 'the shim registers only the table’s ids');
  });

  it('names only table commands in menus, keybindings and command activation events', () => {
    const named = [
      ...Object.values(manifest.contributes.menus ?? {}).flatMap((entries) => entries.map((e) => e.command)),
      ...(manifest.contributes.keybindings ?? []).map((k) => k.command),
      ...(manifest.activationEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)),
    ];
    for (const id of named) {
      assert.ok(tableIds.includes(id as (typeof tableIds)[number]), `${id} is named in package.json but is no command in the table`);
    }
  });
});

describe('command arguments', () => {
  it('asks for everything when given nothing', () => {
    assert.deepEqual(parseCommandArgs('addGoal', undefined), { ok: true, args: {} });
    assert.deepEqual(parseCommandArgs('exportNotes', undefined), { ok: true, args: {} });
    assert.deepEqual(parseCommandArgs('addPerson', undefined), { ok: true, args: undefined });
  });

  it('reads a bare string as the id the command is about', () => {
    assert.deepEqual(parseCommandArgs('archivePerson', 'p-1'), { ok: true, args: { personId: 'p-1' } });
    assert.deepEqual(parseCommandArgs('recordRelapse', 'i-1'), { ok: true, args: { itemId: 'i-1' } });
    assert.deepEqual(parseCommandArgs('openNote', 'n-1'), { ok: true, args: { noteId: 'n-1' } });
    assert.deepEqual(parseCommandArgs('searchNotes', 'reorg'), { ok: true, args: 'reorg' });
  });

  it('takes the answers a caller gives, with defaults where the palette would offer one', () => {
    assert.deepEqual(parseCommandArgs('addPerson', { name: 'Ada' }), { ok: true, args: { name: 'Ada', role: '', cadence: 'weekly' } });
    assert.deepEqual(parseCommandArgs('assignDelegation', { itemId: 'i', personId: 'p', level: 3, targetLevel: 5, quiet: true }), {
      ok: true,
      args: { itemId: 'i', personId: 'p', level: 3, targetLevel: 5, quiet: true },
    });
  });

  it('refuses answers of the wrong kind instead of guessing', () => {
    assert.equal(parseCommandArgs('addGoal', { personId: 5 }).ok, false);
    assert.equal(parseCommandArgs('assignDelegation', { itemId: 'i', level: 9 }).ok, false);
    assert.equal(parseCommandArgs('setDelegationStatus', { itemId: 'i', status: 'lost' }).ok, false);
    assert.equal(parseCommandArgs('addPerson', { role: 'no name' }).ok, false);
    assert.equal(parseCommandArgs('exportNotes', { includePrivate: 'yes' }).ok, false);
  });

  it('lets menus pass their own context to the commands they run', () => {
    const documentUri = { scheme: 'file', path: '/w/a.ts', fsPath: '/w/a.ts' };
    assert.deepEqual(parseCommandArgs('delegateThis', documentUri), { ok: true, args: {} });
    assert.equal(parseCommandArgs('addSelectionToNextOneOnOne', documentUri).ok, true);
    assert.equal(parseCommandArgs('copyShareableAgenda', documentUri).ok, true);
  });
});
