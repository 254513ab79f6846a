// The localization pipeline, run by the build (esbuild.mjs) and checked by test/unit/l10n.test.ts.
//
// - Extracts every `vscode.l10n.t('…')` (host) and `l10n.t('…')` (shared module, src/shared/l10n.ts)
//   message in src/ into l10n/bundle.l10n.json, the English source a translator works from.
// - Merges the German parts (l10n/parts/*.de.json, one per area so helpers never edit one file
//   together) into l10n/bundle.l10n.de.json, keeping the English bundle's order.
// - Writes a pseudo-locale (qps-ploc) bundle and package.nls file, every message wrapped in
//   `[!! … !!]` with its `{0}` placeholders kept, so a run in that locale shows raw English at once.
//
// `node scripts/l10n.mjs` does all three; `node scripts/l10n.mjs check` prints what is missing
// and fails: a message with no German, German with other placeholders, a `%key%` in package.json
// missing from package.nls.json or package.nls.de.json, an `l10n.t` call the extractor cannot read,
// English handed to the user in src/host without `l10n.t` (see rawMessages.mjs).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { rawHostMessages } from './rawMessages.mjs';

export const PSEUDO_LOCALE = 'qps-ploc';

const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const write = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

function sourceFiles(root) {
  return readdirSync(path.join(root, 'src'), { recursive: true })
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => path.join(root, 'src', file));
}

/**
 * The extractor recognises only `vscode` and `@vscode/l10n` imports. The shared module has the
 * same `t(message, ...args)` shape, so its imports are presented to the extractor as that package.
 */
function asExtractorSees(contents) {
  return contents.replace(/(import \* as \w+ from ')(?:\.\.?\/)+(?:shared\/)?l10n(')/g, '$1@vscode/l10n$2');
}

function extractorSources(root) {
  return sourceFiles(root)
    .filter((file) => !file.endsWith(path.join('shared', 'l10n.ts')))
    .map((file) => asExtractorSees(readFileSync(file, 'utf8')));
}

/** The extractor's output as message → message. Loaded on demand: loading it alone costs half a second. */
async function extracted(sources) {
  const { getL10nJson } = await import('@vscode/l10n-dev');
  const json = await getL10nJson(sources.map((contents) => ({ contents, extension: '.ts' })));
  return Object.fromEntries(Object.entries(json).map(([key, value]) => [key, typeof value === 'string' ? value : value.message]));
}

/** Every message in src/, as l10n-dev extracts it (message → message). */
export async function extractMessages(root) {
  return extracted(extractorSources(root));
}

const EXTRACTOR_VERSION = createRequire(import.meta.url)('@vscode/l10n-dev/package.json').version;

/**
 * The same messages, in the same order (each file's in turn, a message first seen kept), each
 * file's remembered by its text in out/.cache: the extractor takes seconds over all of src/, which
 * every build paid, though a change touches a file or two. The build's own check that nothing is
 * missing (`check`) extracts afresh.
 */
async function extractMessagesRemembered(root) {
  const cacheFile = path.join(root, 'out', '.cache', 'l10n-messages.json');
  const known = existsSync(cacheFile) ? read(cacheFile) : {};
  const remembered = {};
  const merged = {};
  for (const contents of extractorSources(root)) {
    const key = createHash('sha256').update(`${EXTRACTOR_VERSION}\0${contents}`).digest('hex');
    remembered[key] = known[key] ?? (await extracted([contents]));
    for (const [message, value] of Object.entries(remembered[key])) {
      merged[message] ??= value;
    }
  }
  mkdirSync(path.dirname(cacheFile), { recursive: true });
  write(`${cacheFile}.${process.pid}`, remembered);
  renameSync(`${cacheFile}.${process.pid}`, cacheFile);
  return merged;
}

const CALL = /\bl10n\.t\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|([^'"\s)]))/g;

/**
 * What a plain reading of the sources calls `l10n.t` with: literal messages, and calls whose
 * first argument is not a literal (which no extractor can find, so no translator ever sees).
 */
export function scanCalls(root) {
  const literals = new Set();
  const nonLiteral = [];
  for (const file of sourceFiles(root)) {
    if (file.endsWith(path.join('shared', 'l10n.ts'))) {
      continue;
    }
    const contents = readFileSync(file, 'utf8');
    for (const match of contents.matchAll(CALL)) {
      if (match[3] !== undefined) {
        const line = contents.slice(0, match.index).split('\n').length;
        nonLiteral.push(`${path.relative(root, file)}:${line}`);
      } else {
        literals.add(unescape(match[1] ?? match[2]));
      }
    }
  }
  return { literals, nonLiteral };
}

function unescape(text) {
  return text.replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t' })[c] ?? c);
}

/** The placeholders of a message, sorted, so `{1} of {0}` and `{0} of {1}` compare equal. */
export function placeholders(message) {
  return [...message.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');
}

export function pseudoLocalize(message) {
  return `[!! ${message} !!]`;
}

/** Each German part file (l10n/parts/*.de.json) by name, with its messages. */
function germanParts(root) {
  const partsDir = path.join(root, 'l10n', 'parts');
  const parts = existsSync(partsDir) ? readdirSync(partsDir).filter((f) => f.endsWith('.de.json')).sort() : [];
  return parts.map((f) => [f, read(path.join(partsDir, f))]);
}

function mergeGermanParts(root, english) {
  const merged = Object.assign({}, ...germanParts(root).map(([, messages]) => messages));
  return Object.fromEntries(Object.keys(english).filter((key) => key in merged).map((key) => [key, merged[key]]));
}

/** Writes the English, German and pseudo-locale bundles and the pseudo-locale package.nls. */
export async function writeBundles(root) {
  const english = await extractMessagesRemembered(root);
  write(path.join(root, 'l10n', 'bundle.l10n.json'), english);
  write(path.join(root, 'l10n', 'bundle.l10n.de.json'), mergeGermanParts(root, english));
  write(path.join(root, 'l10n', `bundle.l10n.${PSEUDO_LOCALE}.json`), mapValues(english, pseudoLocalize));
  const nls = read(path.join(root, 'package.nls.json'));
  write(path.join(root, `package.nls.${PSEUDO_LOCALE}.json`), mapValues(nls, pseudoLocalize));
}

function mapValues(object, change) {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, change(value)]));
}

/** What is wrong with the committed bundles, one line each; empty when all is well. */
export async function bundleProblems(root) {
  const problems = [];
  const english = read(path.join(root, 'l10n', 'bundle.l10n.json'));
  const german = read(path.join(root, 'l10n', 'bundle.l10n.de.json'));
  const extracted = await extractMessages(root);
  const { literals, nonLiteral } = scanCalls(root);
  for (const where of nonLiteral) {
    problems.push(`${where}: l10n.t is called with something other than a string literal, so it cannot be extracted`);
  }
  for (const message of new Set([...Object.keys(extracted), ...literals])) {
    if (!(message in extracted)) {
      problems.push(`not found by the extractor (is l10n imported as the pipeline expects?): ${message}`);
    } else if (!(message in english)) {
      problems.push(`missing from l10n/bundle.l10n.json (run the build): ${message}`);
    }
    if (!(message in german)) {
      problems.push(`no German translation (l10n/parts/*.de.json): ${message}`);
    } else if (placeholders(german[message]) !== placeholders(message)) {
      problems.push(`German placeholders differ: ${message} → ${german[message]}`);
    }
  }
  // German for a sentence the code no longer has: a translator would keep polishing it, and the
  // sentence that replaced it looks translated when it is not.
  for (const [part, messages] of germanParts(root)) {
    for (const message of Object.keys(messages).filter((m) => !(m in extracted))) {
      problems.push(`German for a message the code no longer has (l10n/parts/${part}): ${message}`);
    }
  }
  return problems;
}

/** Every `%key%` in package.json missing from package.nls.json or package.nls.de.json. */
export function manifestProblems(root) {
  const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
  const keys = new Set([...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
  const problems = [];
  for (const file of ['package.nls.json', 'package.nls.de.json']) {
    const nls = read(path.join(root, file));
    for (const key of keys) {
      if (!(key in nls)) {
        problems.push(`${file} has no "${key}"`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'l10n.mjs')) {
  const [command, ...roots] = process.argv.slice(2);
  if (command === 'check') {
    // `check [root…]`: the root defaults to this repository; tests add fixtures to the same run
    // (loading the extractor takes a second or more) and read the problems as JSON lines.
    let failed = false;
    for (const root of roots.length > 0 ? roots.map((r) => path.resolve(r)) : [path.resolve(import.meta.dirname, '..')]) {
      const problems = [...(await bundleProblems(root)), ...manifestProblems(root), ...rawHostMessages(root)];
      failed ||= problems.length > 0;
      if (roots.length > 1) {
        console.log(JSON.stringify({ root, problems }));
      } else {
        problems.forEach((p) => console.error(p));
      }
    }
    process.exit(failed ? 1 : 0);
  }
  await writeBundles(path.resolve(import.meta.dirname, '..'));
}
