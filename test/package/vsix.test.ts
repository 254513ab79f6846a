import * as assert from 'node:assert/strict';
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

  it('holds only the manifest, README, CHANGELOG, LICENSE, dist/ and media/', () => {
    const allowed = /^(?:package\.json|readme\.md|changelog\.md|LICENSE(?:\.txt)?|dist\/.+|media\/.+)$/i;
    const stray = files.filter((f) => !allowed.test(f));
    assert.deepEqual(stray, []);
  });

  it('ships the minified bundles and the icons, and no source maps, tests or sources', () => {
    for (const needed of ['package.json', 'dist/extension.js', 'dist/core.js', 'dist/webview/sidebar.js', 'dist/webview/codicon.ttf', 'media/sidebar.css', 'media/two-hats.svg']) {
      assert.ok(files.includes(needed), `${needed} is in the VSIX`);
    }
    assert.deepEqual(files.filter((f) => /\.map$|\.ts$|^src\/|^test\/|node_modules/.test(f)), []);
  });
});
