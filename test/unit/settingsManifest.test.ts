import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SETTINGS } from '../../src/host/constants';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, unknown> } };
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const sources = sourceFiles(path.join(root, 'src')).map((file) => ({ file: path.relative(root, file), text: readFileSync(file, 'utf8') }));
const { section, ...keys } = SETTINGS;
const settingNames = Object.values(keys).map((key) => `${section}.${key}`);

describe('settings and the manifest', () => {
  it('contributes exactly the settings Two Hats knows, and knows every one it contributes', () => {
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).sort(), [...settingNames].sort());
  });

  it('reads every setting it contributes somewhere in src', () => {
    for (const [name, key] of Object.entries(keys)) {
      const readers = sources.filter((s) => s.file !== path.join('src', 'host', 'constants.ts') && s.text.includes(`SETTINGS.${name}`));
      assert.ok(readers.length > 0, `${section}.${key} is contributed but never read`);
    }
  });

  it('reads settings only through the SETTINGS names, and names only real settings to the user', () => {
    for (const { file, text } of sources) {
      for (const match of text.matchAll(/getConfiguration\(([^)]*)\)/g)) {
        assert.equal(match[1], 'SETTINGS.section', `${file}: getConfiguration(${match[1]})`);
      }
      // Messages and comments point users at settings by name; Memento keys end in a version.
      for (const [mention] of text.matchAll(/\btwoHats\.[A-Za-z]+\.[A-Za-z.]+(?<!\.)/g)) {
        if (!/\.v\d+$/.test(mention) && !/\.v$/.test(mention)) {
          assert.ok(settingNames.includes(mention), `${file} mentions ${mention}, which is no setting in package.json`);
        }
      }
    }
  });
});
