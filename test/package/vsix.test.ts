import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as yauzl from 'yauzl';

const VSIX = path.resolve(__dirname, '..', '..', '..', 'dist-vsix', 'two-hats.vsix');

function listEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) {
        reject(error ?? new Error('no zip'));
        return;
      }
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('the published VSIX', () => {
  let files: string[];

  before(async () => {
    files = (await listEntries(VSIX)).filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length));
  });

  it('holds only the manifest and its translations, README, CHANGELOG, LICENSE, dist/, media/ and the l10n bundles', () => {
    const allowed = /^(?:package\.json|package\.nls(?:\.de)?\.json|readme\.md|changelog\.md|LICENSE(?:\.txt)?|dist\/.+|media\/.+|docs\/screenshots\/[a-z-]+\.png|l10n\/bundle\.l10n(?:\.de)?\.json)$/i;
    const stray = files.filter((f) => !allowed.test(f));
    assert.deepEqual(stray, []);
  });

  it('ships the minified bundles and the icons, and no source maps, tests or sources', () => {
    for (const needed of ['package.json', 'dist/extension.js', 'dist/core.js', 'dist/formats.js', 'dist/encryption.js', 'dist/search.js', 'dist/webview/sidebar.js', 'dist/webview/markdown.js', 'dist/webview/codicon.ttf', 'media/sidebar.css', 'media/two-hats.svg']) {
      assert.ok(files.includes(needed), `${needed} is in the VSIX`);
    }
    assert.deepEqual(files.filter((f) => /\.map$|\.ts$|^src\/|^test\/|node_modules/.test(f)), []);
  });

  it('holds every picture the README shows, where the README points (VS Code shows the README from the installed folder)', () => {
    const readme = readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const pictures = [...readme.matchAll(/!\[[^\]\n]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    assert.ok(pictures.length >= 2, 'the README shows pictures');
    for (const picture of pictures) {
      assert.doesNotMatch(picture, /^\.\.|^\//, `${picture} is inside the extension`);
      assert.ok(files.includes(picture), `${picture} is in the VSIX`);
    }
  });
});

describe('the Marketplace listing', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    icon?: string;
    galleryBanner?: { color?: string; theme?: string };
    categories?: string[];
    keywords?: string[];
  };

  it('has a PNG icon of at least 128 px, shipped in the VSIX', async () => {
    assert.match(manifest.icon ?? '', /\.png$/);
    const files = (await listEntries(VSIX)).map((f) => f.replace(/^extension\//, ''));
    assert.ok(files.includes(manifest.icon!), `${manifest.icon} is in the VSIX`);
    const png = readFileSync(path.join(root, manifest.icon!));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    assert.ok(width >= 128 && width === height, `icon is ${width}x${height}`);
  });

  it('has a gallery banner, categories from the Marketplace list and a handful of keywords', () => {
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(manifest.galleryBanner?.theme === 'dark' || manifest.galleryBanner?.theme === 'light');
    const marketplace = ['Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers', 'Formatters', 'Keymaps', 'SCM Providers', 'Other', 'Extension Packs', 'Language Packs', 'Data Science', 'Machine Learning', 'Visualization', 'Notebooks', 'Education', 'Testing', 'AI', 'Chat'];
    assert.deepEqual((manifest.categories ?? []).filter((c) => !marketplace.includes(c)), []);
    assert.ok((manifest.categories ?? []).some((c) => c !== 'Other'), 'more than "Other"');
    const keywords = manifest.keywords ?? [];
    assert.ok(keywords.length >= 5 && keywords.length <= 30, `${keywords.length} keywords (vsce allows 30)`);
  });
});
