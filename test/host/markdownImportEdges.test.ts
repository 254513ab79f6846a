import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { FolderImportResult } from '../../src/host/oneOnOnes/markdownFolderImport';
import { TEAM_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats } from './helpers';

/** Letters only, so a name never looks like a date. */
const unique = () => Date.now().toString().replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);

/** Linux refuses a path longer than this: a file listed in a folder near it cannot be stat'ed. */
const PATH_MAX = 4096;

describe('importing a Markdown folder: links, sizes that cannot be read, notes dated in the future', () => {
  const linked = `Linda Link${unique()}`;
  const future = `Fiona Future${unique()}`;
  let source: string;
  let outside: string;
  let longName: string;
  const unlistable = `Uma Unlisted ${'u'.repeat(230)}`;
  const deepFolders = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'Dana Deep'];

  before(async () => {
    await activateTwoHats();
    const base = mkdtempSync(path.join(tmpdir(), 'two-hats-import-edges-'));
    outside = path.join(base, 'outside');
    mkdirSync(path.join(outside, linked), { recursive: true });
    writeFileSync(path.join(outside, linked, '2026-01-03.md'), 'OUTSIDE-SENTINEL: private things the user never picked\n');
    writeFileSync(path.join(outside, 'loose.md'), 'OUTSIDE-SENTINEL too\n');
    // The folder picked sits deep enough that one long file name in it passes the system's limit:
    // the folder lists the file, but its size cannot be read.
    // The file is written while its folders have short names, which then grow from the top down.
    const depth = PATH_MAX - 220;
    const names: string[] = [];
    for (let length = path.join(base, 'picked').length; length < depth; length += 1 + names.at(-1)!.length) {
      names.push('d'.repeat(Math.max(1, Math.min(200, depth - length - 1))));
    }
    const prefix = `2026-01-04 ${future} `;
    longName = `${prefix}${'x'.repeat(250 - 3 - prefix.length)}.md`;
    const short = path.join(base, 'picked', ...names.map((_, i) => String(i)));
    mkdirSync(short, { recursive: true });
    writeFileSync(path.join(short, longName), '- [ ] Never read\n');
    // A folder whose full path passes the limit: it is listed, but cannot itself be listed.
    mkdirSync(path.join(short, unlistable));
    writeFileSync(path.join(short, unlistable, '2026-01-06.md'), '- [ ] Out of reach\n');
    names.forEach((name, i) => {
      const parent = path.join(base, 'picked', ...names.slice(0, i));
      renameSync(path.join(parent, String(i)), path.join(parent, name));
    });
    source = path.join(base, 'picked', ...names);
    assert.ok(source.length + 1 + longName.length > PATH_MAX && source.length < PATH_MAX - 200);
    symlinkSync(path.join(outside, linked), path.join(source, linked));
    symlinkSync(path.join(outside, 'loose.md'), path.join(source, `2026-01-05 ${linked}.md`));
    mkdirSync(path.join(source, ...deepFolders), { recursive: true });
    writeFileSync(path.join(source, ...deepFolders, '2026-01-07.md'), '- [ ] Filed deep\n');
    mkdirSync(path.join(source, future));
    writeFileSync(path.join(source, future, '2026-01-02.md'), '- [ ] Held in January\n');
    writeFileSync(path.join(source, future, '2099-06-01.md'), '- [ ] Planned far ahead\n');
  });

  it('does not follow links out of the folder, and says so in the preview', async () => {
    const result = await vscode.commands.executeCommand<FolderImportResult>(COMMANDS.importMarkdownFolder, { folder: source, confirm: false });
    assert.ok(result);
    assert.deepEqual(result.preview.people.map((p) => p.name), [future], 'no one comes in through a link');
    const reasons = Object.fromEntries(result.preview.unreadable.map((u) => [u.file, u.reason]));
    assert.match(reasons[`${linked}/`] ?? '', /symbolic link/, 'a linked folder is listed with its reason');
    assert.match(reasons[`2026-01-05 ${linked}.md`] ?? '', /symbolic link/, 'a linked file is listed with its reason');
  });

  it('lists a folder that cannot be listed and one deeper than the walk goes, with reasons', async () => {
    const result = await vscode.commands.executeCommand<FolderImportResult>(COMMANDS.importMarkdownFolder, { folder: source, confirm: false });
    const reasons = Object.fromEntries(result?.preview.unreadable.map((u) => [u.file, u.reason]) ?? []);
    assert.match(reasons[`${unlistable}/`] ?? '', /could not be listed/);
    assert.match(reasons[`${deepFolders.join('/')}/`] ?? '', /folders deep/);
  });

  it('lists a file whose size cannot be read as not imported, with the reason', async () => {
    const result = await vscode.commands.executeCommand<FolderImportResult>(COMMANDS.importMarkdownFolder, { folder: source, confirm: false });
    const reason = result?.preview.unreadable.find((u) => u.file === longName)?.reason;
    assert.match(reason ?? '', /size could not be read/);
  });

  it('does not import a note dated in the future: it lists it as a meeting not held yet', async () => {
    const result = await vscode.commands.executeCommand<FolderImportResult>(COMMANDS.importMarkdownFolder, { folder: source, confirm: true });
    assert.ok(result);
    assert.equal(result.preview.futureDated, 1, 'the preview counts the note dated after today');
    assert.match(result.preview.unreadable.find((u) => u.file === `${future}/2099-06-01.md`)?.reason ?? '', /dated after today: a meeting not held yet/);
    assert.equal(result.imported, 1, 'only the note held in January comes in');
    const fiona = result.people?.find((p) => p.name === future);
    assert.ok(fiona);
    const api = await activateTwoHats();
    const team = JSON.parse(readFileSync(path.join(api.dataLocation()!.fsPath, TEAM_FILE), 'utf8')) as { people: { id: string; lastOneOnOneOn?: string }[] };
    assert.equal(team.people.find((p) => p.id === fiona.id)?.lastOneOnOneOn, '2026-01-02');
    const hits = await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, 'OUTSIDE-SENTINEL');
    assert.equal(hits?.length ?? 0, 0, 'nothing behind a link was read');
  });
});
