// Builds the extension host bundles (Node, CommonJS, `vscode` external) and the webview bundle
// (browser, IIFE) together; `--production` minifies, `--watch` rebuilds on change, `--tests`
// also builds the test suites into out/. `--unit` builds only what the unit lane runs (its tests,
// the lane's reporter, the codicon stylesheet and the l10n bundles they read): nothing else.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeBundles } from './scripts/l10n.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const unitOnly = process.argv.includes('--unit');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
};

/**
 * Codicons ship inside the webview folder, the only place the CSP lets fonts load from: the font
 * cut down to the glyphs the sidebar shows (src/webview/codicons.ts) and the stylesheet to their
 * rules. The sidebar's page carries the font as base64; the whole font was 170 KB of it.
 * `subset-font` (HarfBuzz's own subsetter, compiled to WebAssembly) does the cutting: a TrueType
 * subsetter is not code to write by hand.
 */
const copyCodicons = {
  name: 'copy-codicons',
  setup(build) {
    build.onEnd(copyCodiconFiles);
  },
};

/**
 * The names in src/webview/codicons.ts: its list holds only quoted names. Anything else in it
 * (a comment, double quotes) fails the build rather than dropping a glyph the compiler allows.
 */
function sidebarCodicons() {
  const source = readFileSync('src/webview/codicons.ts', 'utf8');
  const start = source.indexOf('SIDEBAR_CODICONS = [');
  const end = source.indexOf('] as const', start);
  const entries = source.slice(start + 'SIDEBAR_CODICONS = ['.length, end).split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const names = entries.map((entry) => /^'([a-z0-9-]+)'$/.exec(entry)?.[1]);
  if (start < 0 || end < 0 || names.length === 0 || names.some((name) => name === undefined)) {
    throw new Error(`src/webview/codicons.ts: SIDEBAR_CODICONS must be a list of single-quoted icon names (read: ${entries.join(' ')})`);
  }
  return names;
}

/** The stylesheet's rules for `names`, and the code points of their glyphs; fails on an unknown name. */
function codiconSubset(css, names) {
  const iconsStart = css.indexOf('.codicon-', css.indexOf(' *  Icons'));
  const glyphs = new Map();
  for (const match of css.slice(iconsStart).matchAll(/^\.codicon-([a-z0-9-]+):before \{ content: "\\([0-9a-f]{4,5})" \}$/gm)) {
    glyphs.set(match[1], match[2]);
  }
  const missing = names.filter((name) => !glyphs.has(name));
  if (iconsStart < 0 || missing.length > 0) {
    throw new Error(`@vscode/codicons has no ${missing.join(', ') || 'icon rules'}: see src/webview/codicons.ts`);
  }
  const rules = names.map((name) => `.codicon-${name}:before { content: "\\${glyphs.get(name)}" }`);
  return { css: `${css.slice(0, iconsStart)}${rules.join('\n')}\n`, codePoints: names.map((name) => Number.parseInt(glyphs.get(name), 16)) };
}

async function copyCodiconFiles() {
  mkdirSync('dist/webview', { recursive: true });
  // The font's URL without its cache-busting query: the sidebar's page preloads it by this
  // very URL (a preload only serves a request for the same URL), and the extension's own
  // install folder already changes with every version.
  const css = readFileSync('node_modules/@vscode/codicons/dist/codicon.css', 'utf8').replace(/codicon\.ttf\?[0-9a-f]+/g, 'codicon.ttf');
  const subset = codiconSubset(css, sidebarCodicons());
  const { default: subsetFont } = await import('subset-font');
  const font = await subsetFont(readFileSync('node_modules/@vscode/codicons/dist/codicon.ttf'), String.fromCodePoint(...subset.codePoints), { targetFormat: 'truetype' });
  writeFileSync('dist/webview/codicon.ttf', font);
  writeFileSync('dist/webview/codicon.css', subset.css);
}

function copyFile(from, to) {
  return {
    name: 'copy-file',
    setup(build) {
      build.onEnd(() => cpSync(from, to));
    },
  };
}

/**
 * A lazily loaded host bundle must not carry copies of the core modules that hold the running
 * extension's state (the codec in use, the translator, the locked error's class): its imports of
 * the modules listed in src/host/coreModulesForBundles.ts become a look-up in that table, which
 * dist/core.js exports. Any other host module outside the bundle's own modules (paths from the
 * repository's root, matched by their start) fails the build, so a module with state is never
 * copied by accident. Shared modules other than those listed are pure, and copied.
 */
/** Test bundles run the core's modules from source: the pack bundle is bundled in with them. */
const packBundleFromSource = {
  name: 'pack-bundle-from-source',
  setup(build) {
    build.onResolve({ filter: /^\.\/backupPack\.js$/ }, () => ({ path: path.resolve('src/host/backupPackBundle.ts') }));
  },
};

function coreModulesFor(ownModules) {
  const shared = new Set(
    [...readFileSync('src/host/coreModulesForBundles.ts', 'utf8').matchAll(/^\s*'(src\/[^']+)':/gm)].map((match) => match[1]),
  );
  return {
    name: 'core-modules',
    setup(build) {
      // Not in `external`: that would also match a library's own `./core.js` (zod has one).
      build.onResolve({ filter: /^\.\/core\.js$/, namespace: 'core-module' }, (args) => ({ path: args.path, external: true }));
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData?.resolvingOwn || args.importer.includes(`${path.sep}node_modules${path.sep}`)) {
          return undefined;
        }
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { resolvingOwn: true } });
        if (resolved.errors.length > 0 || resolved.external) {
          return resolved;
        }
        const name = path.relative(import.meta.dirname, resolved.path).replace(/\.ts$/, '').split(path.sep).join('/');
        if (shared.has(name)) {
          return { path: name, namespace: 'core-module' };
        }
        if (name.startsWith('src/host/') && !ownModules.some((own) => name.startsWith(own))) {
          return { errors: [{ text: `${name} belongs to the core: list it in src/host/coreModulesForBundles.ts` }] };
        }
        return { path: resolved.path, sideEffects: resolved.sideEffects };
      });
      build.onLoad({ filter: /.*/, namespace: 'core-module' }, (args) => ({
        contents: `module.exports = require("./core.js").CORE_MODULES_FOR_BUNDLES[${JSON.stringify(args.path)}];`,
        resolveDir: import.meta.dirname,
        loader: 'js',
      }));
    },
  };
}

const contexts = [
  // Host bundles: the activation shim, and the rest, which the shim loads on first use.
  {
    ...common,
    entryPoints: ['src/host/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', './core.js', './firstPage.js'],
  },
  // The sidebar's first page in a window, set before the core is loaded (sidebar/firstPage.ts).
  {
    ...common,
    entryPoints: ['src/host/sidebar/firstPage.ts'],
    outfile: 'dist/firstPage.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/host/twoHats.ts'],
    outfile: 'dist/core.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', './formats.js', './encryption.js', './search.js', './backupPack.js'],
  },
  // Loaded by the core when a backup pass has many notes to copy or finds a note pack, and before
  // a backup's notes are restored, erased from or converted (storage/notePackCode.ts).
  {
    ...common,
    entryPoints: ['src/host/backupPackBundle.ts'],
    outfile: 'dist/backupPack.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [coreModulesFor(['src/host/storage/notePack', 'src/host/backupPackBundle'])],
  },
  // Loaded by the core when a data folder shows signs of encryption at rest, or an encryption
  // command runs (encryption/encryptionOnDemand.ts): most workspaces never encrypt.
  {
    ...common,
    entryPoints: ['src/host/encryptionBundle.ts'],
    outfile: 'dist/encryption.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [coreModulesFor(['src/host/encryption/', 'src/host/encryptionBundle'])],
  },
  // Loaded by the core on the first search of a session: the persisted full-text index and the
  // keeper of its file (storage/searchIndexKeeper.ts).
  {
    ...common,
    entryPoints: ['src/host/searchIndexBundle.ts'],
    outfile: 'dist/search.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [coreModulesFor(['src/host/storage/searchIndexKeeper', 'src/host/searchIndexBundle'])],
  },
  // Another, loaded by the core when a file format is first needed: the .ics export and the
  // Markdown import with their libraries (`ics`, `yaml`), about 200 KB that few sessions need.
  // It speaks through the core's translator, as the encryption bundle does, and reads through the
  // core's bounded and patient readers, so the errors they throw are the classes it tells apart.
  {
    ...common,
    entryPoints: ['src/host/formats.ts'],
    outfile: 'dist/formats.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [
      coreModulesFor([
        'src/host/formats',
        'src/host/oneOnOnes/scheduleExport',
        'src/host/oneOnOnes/markdownFolder',
      ]),
    ],
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview/sidebar.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    plugins: [copyCodicons],
  },
  // Note previews' Markdown renderer, loaded by the sidebar's page after its first paint (lazyMarkdown.ts).
  {
    ...common,
    entryPoints: ['src/webview/markdownBundle.ts'],
    outfile: 'dist/webview/markdown.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
  },
];

const testCommon = { ...common, minify: false, sourcemap: 'inline', platform: 'node', format: 'cjs', target: 'node20' };
const unitContexts = [
  // Packages stay outside the unit bundles: each worker loads fast-check and marked once, not
  // once per file (the lane's budget is 10 seconds).
  { ...testCommon, entryPoints: ['test/unit/*.test.ts'], outdir: 'out/test/unit', packages: 'external' },
  { ...testCommon, entryPoints: ['test/harness/laneReporter.ts'], outdir: 'out/test/harness', external: ['mocha'] },
];
if (unitOnly) {
  contexts.splice(0, contexts.length, ...unitContexts);
} else if (tests) {
  contexts.push(
    unitContexts[0],
    { ...testCommon, entryPoints: ['test/checks/*.test.ts'], outdir: 'out/test/checks', external: ['mocha'] },
    { ...testCommon, entryPoints: ['test/locks/*.test.ts'], outdir: 'out/test/locks', external: ['mocha'] },
    { ...testCommon, entryPoints: ['test/package/*.test.ts'], outdir: 'out/test/package', external: ['mocha', 'yauzl'] },
    // Bundles holding the note store leave its search bundle to Node, as the core does; none of
    // them searches.
    // Each suite is one bundle so that the modules it shares (the running VS Code, the browser)
    // exist once per lane, not once per test file.
    { ...testCommon, entryPoints: ['test/host/suite.ts', 'test/host/index.ts'], outdir: 'out/test/host', external: ['vscode', 'mocha', './search.js', './encryption.js'], plugins: [packBundleFromSource] },
    { ...testCommon, entryPoints: ['test/host/companion/main.ts'], outdir: 'out/test/host-companion', plugins: [copyFile('test/host/companion/package.json', 'out/test/host-companion/package.json')] },
    { ...testCommon, entryPoints: ['test/e2e/suite.ts'], outdir: 'out/test/e2e', external: ['mocha', 'playwright-core'] },
    { ...testCommon, entryPoints: ['test/bench/run.ts'], outdir: 'out/test/bench', external: ['vscode', 'playwright-core', './search.js', './encryption.js'], plugins: [packBundleFromSource] },
    { ...testCommon, entryPoints: ['test/faults/writer.ts', 'test/faults/stressWriter.ts', 'test/faults/conversionWriter.ts', 'test/faults/lane.ts'], outdir: 'out/test/faults', external: ['vscode', 'playwright-core', './search.js', './encryption.js'], plugins: [packBundleFromSource] },
    {
      ...testCommon,
      entryPoints: ['test/harness/hostLane.ts', 'test/harness/start.ts', 'test/harness/laneReporter.ts'],
      outdir: 'out/test/harness',
      external: ['mocha', 'playwright-core'],
    },
  );
}

if (unitOnly) {
  rmSync('out/test/unit', { recursive: true, force: true });
} else if (!watch) {
  rmSync('dist', { recursive: true, force: true });
  if (tests) {
    // All but out/.cache, which remembers what is slow to work out again (scripts/l10n.mjs).
    for (const name of existsSync('out') ? readdirSync('out') : []) {
      if (name !== '.cache') {
        rmSync(path.join('out', name), { recursive: true, force: true });
      }
    }
  }
}

/**
 * The Marketplace and Open VSX want a PNG icon of at least 128 px. It is drawn from the
 * activity-bar SVG (one drawing, two sizes), white on the banner's colour, at 256 px.
 */
async function renderListingIcon() {
  const { Resvg } = await import('@resvg/resvg-js');
  const drawing = readFileSync('media/two-hats.svg', 'utf8')
    .replace(/^[\s\S]*?<svg[^>]*>/, '')
    .replace(/<\/svg>\s*$/, '');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect width="256" height="256" rx="48" fill="${LISTING_COLOR}"/>
  <g transform="translate(26 22) scale(8.4)" fill="none" stroke="#ffffff" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${drawing}</g>
</svg>`;
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/icon.png', new Resvg(svg, { fitTo: { mode: 'width', value: 256 } }).render().asPng());
}
const LISTING_COLOR = JSON.parse(readFileSync('package.json', 'utf8')).galleryBanner.color;

const built = await Promise.all(contexts.map((options) => esbuild.context(options)));
if (watch) {
  await Promise.all(built.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(built.map((context) => context.rebuild()));
  await Promise.all(built.map((context) => context.dispose()));
}
if (unitOnly) {
  await copyCodiconFiles();
} else {
  await renderListingIcon();
}
// The localization bundles: English extracted from src/, German merged from its parts, and the
// pseudo-locale (see scripts/l10n.mjs).
await writeBundles(import.meta.dirname);
