import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SIDEBAR_CODICONS } from '../../src/webview/codicons';

// out/test/unit → the repository, where the build put the webview's files.
const root = path.join(__dirname, '..', '..', '..');
const shipped = (name: string) => readFileSync(path.join(root, 'dist', 'webview', name));

/** Icon name → code point, from a codicon stylesheet's `.codicon-NAME:before { content: "\XXXX" }` rules. */
function iconRules(css: string): Map<string, number> {
  return new Map([...css.matchAll(/\.codicon-([a-z0-9-]+):before \{ content: "\\([0-9a-f]{4,5})" \}/g)].map((m) => [m[1]!, Number.parseInt(m[2]!, 16)]));
}

describe('the sidebar’s icon font, cut down to the icons it shows', () => {
  it('ships a rule for every icon the sidebar names, each pointing at the glyph the full font has for it', () => {
    const full = iconRules(readFileSync(path.join(root, 'node_modules', '@vscode', 'codicons', 'dist', 'codicon.css'), 'utf8'));
    const kept = iconRules(shipped('codicon.css').toString('utf8'));
    assert.deepEqual([...kept.keys()].sort(), [...SIDEBAR_CODICONS].sort());
    for (const [name, codePoint] of kept) {
      assert.equal(codePoint, full.get(name), name);
    }
  });

  it('ships a font holding a glyph for each kept icon, and small enough to ride in every page', async () => {
    const font = shipped('codicon.ttf');
    const harfbuzz = (await import('harfbuzzjs')) as unknown as HarfBuzz;
    const codePoints = new Set(harfbuzz.Face ? [...new harfbuzz.Face(new harfbuzz.Blob(font), 0).collectUnicodes()] : []);
    for (const [name, codePoint] of iconRules(shipped('codicon.css').toString('utf8'))) {
      assert.ok(codePoints.has(codePoint), `the font has no glyph for ${name}`);
    }
    // The whole font was 126 KB, 170 KB once in the page as base64.
    assert.ok(font.byteLength < 16 * 1024, `${font.byteLength} bytes`);
  });

  it('names icons in the sidebar’s code only through the typed helpers, so none can be missing from the font', () => {
    const webview = path.join(root, 'src', 'webview');
    for (const file of readdirSync(webview).filter((name) => name.endsWith('.ts') && name !== 'dom.ts')) {
      assert.doesNotMatch(readFileSync(path.join(webview, file), 'utf8'), /codicon-/, file);
    }
  });
});

interface HarfBuzz {
  Blob: new (data: Uint8Array) => unknown;
  Face: new (blob: unknown, index: number) => { collectUnicodes(): Uint32Array };
}
