/**
 * `npm start`: the extension in a real VS Code. The local `code` with --extensionDevelopmentPath
 * when it is installed; otherwise code-server on loopback, its address printed to open in a browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { PRODUCT_EXTENSION, startCodeServer } from './codeServer';
import { CACHE_DIR, REPO_ROOT } from './paths';

async function main(): Promise<void> {
  const playground = path.join(CACHE_DIR, 'playground');
  const hasCode = spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0 && !process.env['TWO_HATS_USE_CODE_SERVER'];
  if (hasCode) {
    console.log('Opening VS Code with Two Hats loaded from this folder…');
    spawn('code', ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, path.join(playground, 'workspace')], {
      stdio: 'inherit',
    });
    return;
  }
  const provisioned = spawnSync('bash', [path.join(REPO_ROOT, 'test', 'harness', 'provision.sh')], { stdio: 'inherit' });
  if (provisioned.status !== 0) {
    throw new Error('Could not install code-server; see the messages above.');
  }
  const port = Number(process.env['PORT'] ?? 8080);
  const server = await startCodeServer({ extensions: [PRODUCT_EXTENSION], persistentDir: playground, port });
  console.log('\nTwo Hats is running in VS Code (code-server). Open this address in your browser:\n');
  console.log(`    ${server.url}\n`);
  console.log('Its profile and workspace persist in .vscode-test/playground. Press Ctrl+C to stop.');
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
