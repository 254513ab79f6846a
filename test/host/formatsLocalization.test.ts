import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID } from '../../src/host/constants';
import type { FolderImportResult } from '../../src/host/oneOnOnes/markdownFolderImport';
import type * as SharedL10n from '../../src/shared/l10n';
import { activateTwoHats } from './helpers';

/** Letters only, so a name never looks like a date. */
const unique = () => Date.now().toString().replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);

interface Core {
  readonly CORE_MODULES_FOR_BUNDLES: { readonly 'src/shared/l10n': typeof SharedL10n };
}

/**
 * The lane runs in English. A German VS Code installs its bundle into the core's translator at
 * start (localization.ts); here the same German bundle is installed into the same running core,
 * and the formats bundle (dist/formats.js), loaded on the import's first use, must speak it too.
 */
describe('the file formats in the interface language', () => {
  let extensionPath: string;
  let l10n: typeof SharedL10n;

  before(async () => {
    await activateTwoHats();
    extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    // The module the extension loaded, from Node's cache: the core's own translator, no copy.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    l10n = (require(path.join(extensionPath, 'dist', 'core.js')) as Core).CORE_MODULES_FOR_BUNDLES['src/shared/l10n'];
  });

  it('gives the Markdown import’s reasons for skipping a file in German when the interface is German', async () => {
    const german = JSON.parse(readFileSync(path.join(extensionPath, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
    const empty = german['it is empty'];
    const undated = german['no date in its name or front matter (e.g. 2026-03-01)'];
    assert.ok(empty && undated, 'the German bundle translates both reasons');
    const source = mkdtempSync(path.join(tmpdir(), 'two-hats-formats-l10n-'));
    const person = `Erika Leer${unique()}`;
    mkdirSync(path.join(source, person));
    writeFileSync(path.join(source, person, '2026-01-05.md'), '');
    writeFileSync(path.join(source, person, 'ideas.md'), '- [ ] Undated\n');
    const before = l10n.activeBundle();
    l10n.useBundle(german, 'de');
    try {
      const result = await vscode.commands.executeCommand<FolderImportResult>(COMMANDS.importMarkdownFolder, { folder: source, confirm: false });
      const reasons = Object.fromEntries(result?.preview.unreadable.map((u) => [u.file, u.reason]) ?? []);
      assert.equal(reasons[`${person}/2026-01-05.md`], empty, 'an empty note’s reason, in German');
      assert.equal(reasons[`${person}/ideas.md`], undated, 'an undated note’s reason, in German');
    } finally {
      l10n.useBundle(before.bundle, before.language);
    }
  });
});
