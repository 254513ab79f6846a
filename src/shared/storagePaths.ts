/**
 * VS Code's Node extension host locks a workspace's storage folder while a window uses it; a
 * second window on the same workspace gets a sibling named `<id>-1` (then `-2`, ...), which is
 * empty. Two Hats' data belongs to the workspace, not to a window, so it uses the first folder.
 */

/** The workspace's own storage folder for a window's `storageUri` path, or undefined if it is one. */
export function primaryStoragePath(storagePath: string): string | undefined {
  const match = /^(.*[\\/])([^\\/]+)-\d+([\\/][^\\/]+)$/.exec(storagePath);
  return match ? `${match[1]}${match[2]}${match[3]}` : undefined;
}
