/** Where a code-server profile keeps a workspace's Two Hats data, found on disk. */
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

export function workspaceDataDir(userDataDir: string): string {
  const storage = path.join(userDataDir, 'User', 'workspaceStorage');
  const [workspaceId] = existsSync(storage)
    ? readdirSync(storage).filter((entry) => readdirSync(path.join(storage, entry)).includes('two-hats.two-hats'))
    : [];
  if (!workspaceId) {
    throw new Error(`No Two Hats data under ${storage}`);
  }
  return path.join(storage, workspaceId, 'two-hats.two-hats');
}
