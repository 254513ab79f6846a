import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSidebarHtml, createNonce } from '../../src/host/sidebar/sidebarHtml';
import { buildSnapshot } from '../../src/host/sidebar/snapshot';
import type { Snapshot } from '../../src/shared/protocol';

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
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
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
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
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

  it('hands the page the translations and language in use, escaped so no translation can break out of the attribute', () => {
    const hostile = '"><script>alert(1)</script>';
    const html = buildSidebarHtml(resources, 'abc', { bundle: { Team: hostile }, language: 'de' });
    assert.match(html, /<html lang="de">/);
    const attribute = /data-l10n="([^"]*)"/.exec(html)?.[1];
    assert.ok(attribute !== undefined, 'the page carries its bundle');
    const decoded = attribute.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(decoded), { Team: hostile });
    assert.equal([...html.matchAll(/<script/g)].length, 1);
  });

  it('carries a cached team for the first paint, escaped so no name can break out of the attribute', () => {
    const hostile = '"><script>alert(1)</script>&amp;';
    const snapshot: Snapshot = {
      ...buildSnapshot({ storage: { kind: 'ready', scope: 'workspace' }, people: [{ id: 'p1', name: hostile, role: '', cadence: 'weekly', archived: false, addedOn: '2026-11-01' }], hat: 'leader', notesOf: () => [], today: '2026-11-30' }),
      fromCache: true,
    };
    const html = buildSidebarHtml(resources, 'abc', undefined, snapshot);
    const attribute = /data-snapshot="([^"]*)"/.exec(html)?.[1];
    assert.ok(attribute !== undefined, 'the page carries the snapshot');
    const decoded = attribute.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(decoded), snapshot);
    assert.equal([...html.matchAll(/<script/g)].length, 1);
    assert.doesNotMatch(buildSidebarHtml(resources, 'abc'), /data-snapshot/, 'no snapshot in the page unless one is given');
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
    assert.match(html, /data-l10n="\{\}"/);
  });
});

