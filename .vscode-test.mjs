// The same extension-host suite the code-server lane runs, under @vscode/test-electron, for
// contributors whose machines can download VS Code: `npm run test:electron`.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  files: 'out/test/host/suite.js',
  workspaceFolder: './test/fixtures/workspace',
  launchArgs: ['--disable-extensions'],
  mocha: { ui: 'bdd', timeout: 30_000 },
});
