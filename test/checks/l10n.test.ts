import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'l10n.mjs');

/** Runs the localization check the way CI does, once for several repository roots. */
function check(roots: string[]): Map<string, string[]> {
  const run = spawnSync(process.execPath, [SCRIPT, 'check', ...roots], { cwd: ROOT, encoding: 'utf8' });
  const results = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { root: string; problems: string[] });
  assert.equal(results.length, roots.length, run.stderr);
  return new Map(results.map((r) => [r.root, r.problems]));
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), contents);
  }
}

/**
 * A host file with English handed to the user in each shape the check must catch, beside shapes
 * it must leave alone. There are no allowed exceptions in src/host: the repository's own check
 * (the first test below) must come back empty, so a raw message anywhere in src/host fails it.
 */
const RAW_HOST_FILE = [
  "import * as vscode from 'vscode';",
  "void vscode.window.showErrorMessage('A plain literal');",
  'void vscode.window.showWarningMessage(`Saved ${count} things`);',
  "const undo = 'Undo it';",
  "void vscode.window.showInformationMessage(vscode.l10n.t('Translated {0}', 'x'), undo);",
  "void vscode.window.showQuickPick([{ label: 'An item label' }], { title: 'A quick pick title', placeHolder: vscode.l10n.t('Translated {0}', 'x') });",
  "void vscode.window.showInputBox({ prompt: flag ? 'One branch' : vscode.l10n.t('Translated {0}', 'x'), validateInput: (v) => (v ? 'Too long a value' : undefined) });",
  "void vscode.window.showQuickPick(names.map((name) => ({ label: name, description: 'a description' })));",
  "status.tooltip = 'A tooltip';",
  "throw vscode.FileSystemError.NoPermissions('Not allowed here');",
  // Left alone: translated text, codicons and punctuation, text the code did not write.
  "status.text = `$(eye) ${vscode.l10n.t('Translated {0}', 'x')}`;",
  "void vscode.window.showErrorMessage(result.error);",
  "void vscode.window.showInformationMessage(vscode.l10n.t('Translated {0}', 'x'), { modal: true }, '·');",
];

/** The check's line for a raw message on the fixture's `line` (1-based), naming the literal. */
function rawAt(problems: readonly string[], line: number, literal: string): boolean {
  const where = `${path.join('src', 'host', 'raw.ts')}:${line}: `;
  return problems.some((p) => p.startsWith(where) && p.includes(literal) && p.endsWith('without l10n.t'));
}

describe('localization (l10n bundles and package.nls)', function () {
  // One run for both trees: loading the extractor and its parser (WebAssembly) takes seconds.
  // With TypeScript's parser for the raw-message scan, and two cores shared by several lanes,
  // the one run has taken over 30 seconds.
  this.timeout(60_000);
  let fixture: string;
  let repository: string[];
  let untranslated: string[];
  const listed = () => untranslated.join('\n');

  before(() => {
    fixture = mkdtempSync(path.join(os.tmpdir(), 'two-hats-l10n-'));
    writeTree(fixture, {
      'src/host/commands.ts': [
        "import * as vscode from 'vscode';",
        "vscode.l10n.t('Translated {0}', 'x');",
        "vscode.l10n.t('Not translated yet');",
        "vscode.l10n.t('Saved {0} of {1}', 1, 2);",
        'const message = "computed";',
        'vscode.l10n.t(message);',
      ].join('\n'),
      'src/host/raw.ts': RAW_HOST_FILE.join('\n'),
      'src/webview/view.ts': ["import * as l10n from '../shared/l10n';", "l10n.t('Shared in the webview');"].join('\n'),
      'src/shared/l10n.ts': 'export function t(message: string): string { return message; }',
      'l10n/bundle.l10n.json': JSON.stringify({ 'Translated {0}': 'Translated {0}', 'Not translated yet': 'Not translated yet', 'Saved {0} of {1}': 'Saved {0} of {1}' }),
      'l10n/bundle.l10n.de.json': JSON.stringify({ 'Translated {0}': 'Übersetzt {0}', 'Saved {0} of {1}': '{0} gespeichert' }),
      'package.json': JSON.stringify({ contributes: { commands: [{ title: '%cmd.title%' }, { title: '%other.title%' }] } }),
      'package.nls.json': JSON.stringify({ 'cmd.title': 'Command', 'other.title': 'Other' }),
      'package.nls.de.json': JSON.stringify({ 'cmd.title': 'Befehl' }),
      'l10n/parts/area.de.json': JSON.stringify({ 'Translated {0}': 'Übersetzt {0}', 'A sentence the code lost': 'Ein verlorener Satz' }),
    });
    const results = check([ROOT, fixture]);
    repository = results.get(ROOT)!;
    untranslated = results.get(fixture)!;
  });

  after(() => rmSync(fixture, { recursive: true, force: true }));

  it('every string in src/ and every %key% in package.json has its English and German entry', () => {
    assert.deepEqual(repository, []);
  });

  describe('in a tree that is not fully translated', () => {
    it('names a message with no German translation', () => {
      assert.ok(untranslated.some((p) => p.includes('no German translation') && p.endsWith('Not translated yet')), listed());
    });

    it('names German whose placeholders differ from the English', () => {
      assert.ok(untranslated.some((p) => p.startsWith('German placeholders differ: Saved {0} of {1}')), listed());
    });

    it('names a shared-module string missing from the English bundle', () => {
      assert.ok(untranslated.some((p) => p.startsWith('missing from l10n/bundle.l10n.json') && p.endsWith('Shared in the webview')), listed());
    });

    it('names a call the extractor cannot read', () => {
      assert.ok(untranslated.some((p) => p.startsWith(path.join('src', 'host', 'commands.ts') + ':6')), listed());
    });

    it('names German kept for a message the code no longer has, and its part file', () => {
      assert.ok(untranslated.includes('German for a message the code no longer has (l10n/parts/area.de.json): A sentence the code lost'), listed());
    });

    it('names a manifest key missing from the German package.nls', () => {
      assert.ok(untranslated.includes('package.nls.de.json has no "other.title"'), listed());
    });

    describe('English handed to the user in src/host without l10n.t', () => {
      const cases: [string, number, string][] = [
        ['a literal message', 2, "'A plain literal'"],
        ['a template with a substitution', 3, '`Saved ${count} things`'],
        ['a button held in a const', 4, "'Undo it'"],
        ['a quick pick item label', 6, "'An item label'"],
        ['a quick pick title', 6, "'A quick pick title'"],
        ['one branch of a conditional prompt', 7, "'One branch'"],
        ['what validateInput returns', 7, "'Too long a value'"],
        ['a description made by a .map callback', 8, "'a description'"],
        ['a status bar tooltip', 9, "'A tooltip'"],
        ['a FileSystemError message', 10, "'Not allowed here'"],
      ];
      for (const [shape, line, literal] of cases) {
        it(`names ${shape}`, () => {
          assert.ok(rawAt(untranslated, line, literal), listed());
        });
      }

      it('leaves translated text, codicons, punctuation and text it did not write alone', () => {
        const raw = untranslated.filter((p) => p.startsWith(path.join('src', 'host', 'raw.ts')));
        assert.equal(raw.length, cases.length, raw.join('\n'));
      });
    });

    it('leaves translated messages and keys alone', () => {
      assert.equal(untranslated.filter((p) => p.includes('Translated {0}') || p.includes('"cmd.title"')).length, 0, listed());
    });
  });
});
