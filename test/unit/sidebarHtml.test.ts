import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSidebarHtml, createNonce } from '../../src/host/sidebar/sidebarHtml';
import { buildSnapshot } from '../../src/host/sidebar/snapshot';
import { PAGE_DATA } from '../../src/shared/pageData';
import type { Snapshot } from '../../src/shared/protocol';
import { dataBlockText, openingSnapshotIn } from '../fixtures/pageData';

const resources = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  asset: (...parts: string[]) => `https://file+.vscode-resource.vscode-cdn.net/ext/${parts.join('/')}`,
};

function bytesOf(text: string | undefined): Uint8Array | undefined {
  return text === undefined ? undefined : new TextEncoder().encode(text);
}

function policyOf(html: string): Map<string, string[]> {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, 'the page has a CSP meta tag');
  const directives = new Map<string, string[]>();
  for (const part of match[1]!.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) {
      directives.set(name, values);
    }
  }
  return directives;
}

describe('sidebar HTML and its content security policy', () => {
  it('denies everything by default and allows scripts only by this render’s nonce', () => {
    const html = buildSidebarHtml(resources, 'bm9uY2Vub25jZW5vbmNlMTI=');
    const csp = policyOf(html);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), ["'nonce-bm9uY2Vub25jZW5vbmNlMTI='"]);
    // The same with the shipped files carried in the page: only the icon font may be a data: URL.
    const carried = policyOf(buildSidebarHtml({ ...resources, read: () => bytesOf('x') }, 'bm9uY2Vub25jZW5vbmNlMTI='));
    for (const [name, values] of [...csp, ...carried]) {
      assert.ok(!values.includes("'unsafe-inline'") && !values.includes("'unsafe-eval'"), `${name} allows unsafe code`);
      assert.ok(values.every((v) => v.startsWith("'") || v === resources.cspSource || (name === 'font-src' && v === 'data:')), `${name} allows a remote source: ${values}`);
    }
  });

  it('without the shipped files’ texts, every script carries the nonce and loads a shipped file; no inline handler or style attribute', () => {
    const html = buildSidebarHtml(resources, 'abc');
    const all = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(all.every((s) => s[1]!.includes('nonce="abc"')), 'every script element, data blocks too, carries the nonce');
    const scripts = all.filter((s) => !s[1]!.includes('type="application/json"'));
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]![1]!, /nonce="abc"/);
    assert.match(scripts[0]![1]!, /src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/sidebar\.js"/);
    assert.equal(scripts[0]![2]!.trim(), '');
    // Note previews' renderer is loaded by the page later, from the shipped file, under the same nonce.
    assert.match(html, /data-markdown="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/markdown\.js"/);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /style="/);
  });

  it('carries its script, stylesheets and icon font in the page, under the nonce, so it loads no file before its first paint', () => {
    const shipped: Record<string, string> = {
      'dist/webview/sidebar.js': 'document.title = "x";',
      'dist/webview/codicon.css': '@font-face { src: url("./codicon.ttf") format("truetype"); }',
      'dist/webview/codicon.ttf': 'FONT',
      'media/sidebar.css': 'body { color: var(--vscode-foreground); }',
    };
    const html = buildSidebarHtml({ ...resources, read: (...parts) => bytesOf(shipped[parts.join('/')]) }, 'abc');
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].filter((s) => !s[1]!.includes('type="application/json"'));
    assert.deepEqual(scripts.map((s) => [s[1], s[2]]), [[' nonce="abc"', 'document.title = "x";']]);
    const styles = [...html.matchAll(/<style([^>]*)>([\s\S]*?)<\/style>/g)];
    assert.deepEqual(styles.map((s) => s[1]), [' nonce="abc"', ' nonce="abc"']);
    assert.match(styles[0]![2]!, /url\("data:font\/ttf;base64,Rk9OVA=="\)/);
    assert.doesNotMatch(html, /<link /, 'no file linked or preloaded');
    const csp = policyOf(html);
    assert.deepEqual(csp.get('style-src'), [resources.cspSource, "'nonce-abc'"]);
    assert.deepEqual(csp.get('font-src'), [resources.cspSource, 'data:']);
    assert.deepEqual(csp.get('script-src'), ["'nonce-abc'"]);
  });

  it('links a file instead of carrying it when its text could close its own element, or cannot be read', () => {
    const hostile: Record<string, string> = {
      'dist/webview/sidebar.js': 'const s = "</SCRIPT><script>alert(1)</script>";',
      'dist/webview/codicon.css': '@font-face { src: url("./codicon.ttf") format("truetype"); }',
      'media/sidebar.css': 'body {} </style><script>alert(1)</script>',
    };
    const html = buildSidebarHtml({ ...resources, read: (...parts) => bytesOf(hostile[parts.join('/')]) }, 'abc');
    assert.doesNotMatch(html, /alert/);
    assert.match(html, /<script nonce="abc" src="[^"]*\/dist\/webview\/sidebar\.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="[^"]*\/media\/sidebar\.css">/);
    // The font could not be read: the carried stylesheet points at the font's file, preloaded.
    assert.match(html, /url\("https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/codicon\.ttf"\)/);
    assert.match(html, /<link rel="preload" href="[^"]*\/dist\/webview\/codicon\.ttf" as="font"/);
    assert.deepEqual(policyOf(html).get('font-src'), [resources.cspSource], 'no data: font allowed when none is carried');
  });

  it('links the script when an HTML comment opener followed by a script tag would keep its closing tag from ending it', () => {
    // In a script element, `<!--` then `<script` puts the HTML parser in its double-escaped state:
    // the page's own `</script>` no longer ends the element, and the sidebar would get no script.
    const html = buildSidebarHtml({ ...resources, read: (...parts) => bytesOf(parts.join('/') === 'dist/webview/sidebar.js' ? 'const a = "<!--"; const b = "<SCRIPT>";' : undefined) }, 'abc');
    assert.match(html, /<script nonce="abc" src="[^"]*\/dist\/webview\/sidebar\.js"><\/script>/);
    assert.doesNotMatch(html, /<!--/);
  });

  it('uses a fresh nonce of at least 128 bits each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) {
      assert.ok(Buffer.from(nonce, 'base64').length >= 16);
    }
    const a = policyOf(buildSidebarHtml(resources)).get('script-src');
    const b = policyOf(buildSidebarHtml(resources)).get('script-src');
    assert.notDeepEqual(a, b);
  });

  it('hands the page the translations and language in use, in a data block no translation can break out of', () => {
    const hostile = '"><script>alert(1)</script>';
    const html = buildSidebarHtml(resources, 'abc', { bundle: { Team: hostile }, language: 'de' });
    assert.match(html, /<html lang="de">/);
    const block = dataBlockText(html, PAGE_DATA.translations);
    assert.ok(block !== undefined, 'the page carries its bundle');
    assert.doesNotMatch(block, /</, 'nothing in the block can end it');
    assert.deepEqual(JSON.parse(block), { Team: hostile });
    assert.equal([...html.matchAll(/<script/g)].length, 2, 'the page’s script and the bundle’s block');
  });

  it('carries a cached team for the first paint, in a data block no name can break out of', () => {
    const hostile = '"><script>alert(1)</script>&amp;';
    const snapshot: Snapshot = {
      ...buildSnapshot({ storage: { kind: 'ready', scope: 'workspace' }, people: [{ id: 'p1', name: hostile, role: '', cadence: 'weekly', archived: false, addedOn: '2026-11-01' }], hat: 'leader', notesOf: () => [], today: '2026-11-30' }),
      fromCache: true,
    };
    const html = buildSidebarHtml(resources, 'abc', undefined, snapshot);
    const block = dataBlockText(html, PAGE_DATA.openingSnapshot);
    assert.ok(block !== undefined, 'the page carries the snapshot');
    assert.doesNotMatch(block, /</, 'nothing in the block can end it');
    assert.deepEqual(JSON.parse(block), snapshot);
    assert.equal([...html.matchAll(/<script/g)].length, 3, 'the page’s script and two data blocks');
    assert.equal(openingSnapshotIn(buildSidebarHtml(resources, 'abc')), undefined, 'no snapshot in the page unless one is given');
  });

  it('keeps any name inside the snapshot’s data block, nothing of it outside, and gives it back exactly', () => {
    const markup = fc.constantFrom('</script>', '</SCRIPT ', '<!--', '<script>', '-->', '"', '&lt;', '\u2028', '</main>');
    const name = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), fc.array(fc.oneof(markup, fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(name, (hostile) => {
        const snapshot: Snapshot = {
          ...buildSnapshot({ storage: { kind: 'ready', scope: 'workspace' }, people: [{ id: 'p1', name: hostile, role: hostile, cadence: 'weekly', archived: false, addedOn: '2026-11-01' }], hat: 'leader', notesOf: () => [], today: '2026-11-30' }),
          fromCache: true,
        };
        const html = buildSidebarHtml(resources, 'abc', { bundle: { Team: hostile }, language: 'en' }, snapshot);
        assert.deepEqual(openingSnapshotIn(html), snapshot, 'the block reads back as the snapshot');
        assert.deepEqual(JSON.parse(dataBlockText(html, PAGE_DATA.translations)!), { Team: hostile });
        // Only the page's own script and its two blocks are script elements, whatever the name.
        assert.equal([...html.matchAll(/<script/gi)].length, 3);
        assert.equal([...html.matchAll(/<\/script/gi)].length, 3);
      }),
      { numRuns: 300 },
    );
  });

  it('preloads the icon font by the very URL the built icon stylesheet asks for', () => {
    const html = buildSidebarHtml(resources, 'abc');
    assert.match(html, /<link rel="preload" href="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/codicon\.ttf" as="font" type="font\/ttf" crossorigin>/);
    // out/test/unit → the repository, where the build put the webview's files.
    const css = readFileSync(path.join(__dirname, '..', '..', '..', 'dist', 'webview', 'codicon.css'), 'utf8');
    assert.deepEqual([...css.matchAll(/url\("([^"]*)"\)/g)].map((m) => m[1]), ['./codicon.ttf']);
  });

  it('carries the files the build really ships: none of them could close its own element', () => {
    // out/test/unit → the repository, where the build put the webview's files.
    const root = path.join(__dirname, '..', '..', '..');
    const html = buildSidebarHtml({ ...resources, read: (...parts) => readFileSync(path.join(root, ...parts)) }, 'abc');
    assert.doesNotMatch(html, /<link /, 'a shipped file is linked instead of carried');
    assert.equal([...html.matchAll(/<script nonce="abc">/g)].length, 1);
  });

  it('is English with an empty bundle when no translation is in use', () => {
    const html = buildSidebarHtml(resources, 'abc');
    assert.match(html, /<html lang="en">/);
    assert.equal(dataBlockText(html, PAGE_DATA.translations), '{}');
  });
});

