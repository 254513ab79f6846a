/**
 * Starts a real VS Code (code-server: the VS Code server, workbench and Node extension host) on
 * loopback with a fresh profile, the extension under test installed as a folder.
 * See ../shared/docs/real-vscode-host.md for why this and not @vscode/test-electron here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_SERVER_BIN, NODE24_BIN, REPO_ROOT } from './paths';

export interface ExtensionFolder {
  /** A folder holding package.json and whatever it ships. */
  readonly source: string;
  /** Files and folders to copy from it; a VSIX would hold the same. */
  readonly include: readonly string[];
}

export interface CodeServerOptions {
  readonly extensions: readonly ExtensionFolder[];
  readonly settings?: Record<string, unknown>;
  readonly env?: Record<string, string>;
  /** An existing workspace folder; a fresh empty one when absent. */
  readonly workspace?: string;
  /** Open an empty window, with no folder at all. */
  readonly noFolder?: boolean;
  /** Keep profile and workspace here across runs instead of in a temporary folder. */
  readonly persistentDir?: string;
  /** The port to listen on; a free one when absent. */
  readonly port?: number;
  /** The display language (`--locale`), registered so VS Code resolves it instead of English. */
  readonly locale?: string;
}

export interface CodeServer {
  readonly url: string;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly output: () => string;
  /**
   * The warnings and errors Two Hats' own log (its output channel) holds so far, oldest first.
   * For a failed run's record: the log names files and reasons, never note text (a rule of the
   * product's), so it can be printed where a CI record keeps it.
   */
  productLogProblems(): string[];
  writeSettings(settings: Record<string, unknown>): void;
  stop(): Promise<void>;
}

export const PRODUCT_EXTENSION: ExtensionFolder = {
  source: REPO_ROOT,
  include: ['package.json', 'package.nls.json', 'package.nls.de.json', 'package.nls.qps-ploc.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist', 'media', 'l10n'],
};

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'github.copilot.enable': { '*': false },
  'git.enabled': false,
  'window.commandCenter': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.auxiliaryBar.defaultVisibility': 'hidden',
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function installExtension(extensionsDir: string, extension: ExtensionFolder): void {
  const manifest = JSON.parse(readFileSync(path.join(extension.source, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  mkdirSync(target, { recursive: true });
  for (const entry of extension.include) {
    const from = path.join(extension.source, entry);
    if (existsSync(from)) {
      cpSync(from, path.join(target, entry), { recursive: true });
    }
  }
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!existsSync(CODE_SERVER_BIN)) {
    throw new Error(`code-server is not installed; run test/harness/provision.sh (looked for ${CODE_SERVER_BIN})`);
  }
  const base = options.persistentDir ?? mkdtempSync(path.join(os.tmpdir(), 'two-hats-host-'));
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  const workspace = options.workspace ?? path.join(base, 'workspace');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  rmSync(extensionsDir, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(workspace, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  const writeSettings = (settings: Record<string, unknown>) =>
    writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...options.settings, ...settings }, null, 2));
  writeSettings({});
  for (const extension of options.extensions) {
    installExtension(extensionsDir, extension);
  }
  if (options.locale) {
    registerDisplayLanguage(userDataDir, options.locale);
  }

  const port = options.port ?? (await freePort());
  let output = '';
  const child: ChildProcess = spawn(
    CODE_SERVER_BIN,
    [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      ...(options.locale ? ['--locale', options.locale] : []),
      ...(options.noFolder ? [] : [workspace]),
    ],
    {
      env: { ...process.env, ...options.env, PATH: `${NODE24_BIN}${path.delimiter}${process.env['PATH'] ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const url = options.noFolder ? `http://127.0.0.1:${port}/?ew=true` : `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, child, () => output);

  return {
    url,
    workspace,
    userDataDir,
    output: () => output,
    productLogProblems: () => productLogProblemsIn(userDataDir),
    writeSettings,
    async stop() {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      if (!options.persistentDir) {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

/**
 * `<user data>/logs/<session>/exthost<n>/two-hats.two-hats/Two Hats.log`, every session's, with
 * the user data folder and the home folder named rather than spelled out (an error's text may
 * carry a path). Nothing at all when the logs cannot be read: this is for a failed run's record,
 * which must not fail in turn.
 */
function productLogProblemsIn(userDataDir: string): string[] {
  const logs = path.join(userDataDir, 'logs');
  try {
    const files = readdirSync(logs, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith(path.join('two-hats.two-hats', 'Two Hats.log')))
      .sort();
    return files.flatMap((file) =>
      readFileSync(path.join(logs, file), 'utf8')
        .split('\n')
        .filter((line) => / \[(?:warning|error)\] /.test(line))
        .map((line) => line.split(userDataDir).join('<user data>').split(os.homedir()).join('~')),
    );
  } catch {
    return [];
  }
}

/**
 * Makes `locale` a display language the server resolves. code-server answers `--locale` with
 * English unless `languagepacks.json` in the user data folder lists that language with a hash and
 * a core translation file that exists (VS Code's `getNLSConfiguration`); installing a language
 * pack by copying it into the extensions folder never writes that file. Once resolved, the page
 * gets `_VSCODE_NLS_LANGUAGE`, the extension host `vscode.env.language`, and an extension its
 * `bundle.l10n.<locale>.json` and `package.nls.<locale>.json`. The core translation is empty, so
 * the workbench's own strings stay English.
 */
function registerDisplayLanguage(userDataDir: string, locale: string): void {
  const coreTranslation = path.join(userDataDir, `core.${locale}.i18n.json`);
  writeFileSync(coreTranslation, JSON.stringify({ version: '1.0.0', contents: {} }));
  // Shaped as VS Code writes it for an installed pack. With the language listed as installed, the
  // server's extension scan skips fetching a language pack from the gallery first: offline, that
  // fetch held the scan back past a minute, and the sidebar never appeared.
  const pack = { extensionIdentifier: { id: `two-hats-tests.language-pack-${locale}` }, version: '0.0.0' };
  const languagePacks = { [locale]: { hash: `two-hats-test-${locale}`, extensions: [pack], translations: { vscode: coreTranslation }, label: locale } };
  writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(languagePacks));
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer at ${url} within a minute:\n${output()}`);
}
