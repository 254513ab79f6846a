/**
 * Rolling backups outside workspace storage. VS Code gives a moved or renamed folder a new,
 * empty storage folder, so notes seem to vanish; a backup says which workspace it came from, so
 * an empty workspace can be offered the backup of the one it most likely was.
 */
import * as z from 'zod/mini';
import * as l10n from './l10n';
import { parseVersionedJson, type Parsed } from './versionedFile';
import { beforeFirst, withoutTrailing } from './lines';

export const BACKUP_MANIFEST_VERSION = 1;

const manifestV1 = z.object({
  schemaVersion: z.literal(1),
  workspaceName: z.string().check(z.maxLength(1000)),
  workspacePath: z.string().check(z.maxLength(4000)),
  storagePath: z.string().check(z.maxLength(4000)),
  repository: z.optional(z.string().check(z.maxLength(4000))),
  savedAt: z.number(),
  /**
   * When the last pass over every note began that finished: a note changed before then has its
   * copy. Absent in backups made before it was recorded.
   */
  completeAsOf: z.optional(z.number()),
  people: z.int().check(z.nonnegative()),
  notes: z.int().check(z.nonnegative()),
  items: z.int().check(z.nonnegative()),
});

export type BackupManifest = Omit<z.infer<typeof manifestV1>, 'schemaVersion'>;

export interface WorkspaceIdentity {
  readonly workspaceName: string;
  readonly workspacePath: string;
  readonly storagePath: string;
  readonly repository?: string | undefined;
}

/**
 * A git origin as a backup keeps it: `host/owner/repo`, with no user, password or token, no
 * scheme, port or `.git`. `https://token@host/x`, `https://user:pass@host/x.git` and
 * `git@host:x.git` are all `host/x`, so backups still match by repository. A local path stays a
 * path (it holds no credentials); anything else unrecognised is not kept.
 */
export function originWithoutCredentials(url: string): string | undefined {
  const text = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme?.[1]?.toLowerCase() === 'file') {
    const path = text.slice(scheme[0].length).replace(/^[^/]*/, '');
    return path.length > 0 ? path : undefined;
  }
  // Git's rule: a colon before any slash makes `host:path`, else it is a local path. One with an
  // `@` is read as `user@host:path` either way, so nothing before the `@` is ever kept.
  const colon = text.indexOf(':');
  const slash = text.search(/[\\/]/);
  const scpLike = text.includes('@') || (colon > 0 && (slash === -1 || colon < slash) && !/^[a-z]:[\\/]/i.test(text));
  if (!scheme && !scpLike) {
    return text;
  }
  const rest = scheme ? text.slice(scheme[0].length) : text;
  // Everything up to the last `@` is user, password or token, whatever characters they hold.
  const place = beforeFirst(rest.slice(rest.lastIndexOf('@') + 1), '?#');
  const split = scheme ? place.indexOf('/') : place.indexOf(':');
  if (split === 0 || (!scheme && split === -1)) {
    return undefined;
  }
  const host = (split === -1 ? place : place.slice(0, split)).replace(/:\d*$/, '').toLowerCase();
  const path = withoutTrailing((split === -1 ? '' : place.slice(split + 1)).replace(/^[/~]+/, ''), '/').replace(/\.git$/i, '');
  if (host.length === 0 || /\s/.test(host)) {
    return undefined;
  }
  return path.length > 0 ? `${host}/${path}` : host;
}

export function parseBackupManifest(text: string): Parsed<BackupManifest> {
  const result = parseVersionedJson(text, BACKUP_MANIFEST_VERSION, manifestV1);
  if (!result.ok) {
    return result;
  }
  const { workspaceName, workspacePath, storagePath, repository, savedAt, completeAsOf, people, notes, items } = result.value;
  return {
    ok: true,
    value: {
      workspaceName,
      workspacePath,
      storagePath,
      // Backups written before origins were cleaned may hold credentials: never carry them on.
      ...(repository && originWithoutCredentials(repository) ? { repository: originWithoutCredentials(repository) } : {}),
      savedAt,
      ...(completeAsOf !== undefined ? { completeAsOf } : {}),
      people,
      notes,
      items,
    },
  };
}

export function serializeBackupManifest(manifest: BackupManifest): string {
  return `${JSON.stringify({ schemaVersion: BACKUP_MANIFEST_VERSION, ...manifest }, null, 2)}\n`;
}

function basename(path: string): string {
  // Trailing separators trimmed by hand: /[\\/]+$/ rescans a long run of them at every start.
  let end = path.length;
  while (end > 0 && (path[end - 1] === '/' || path[end - 1] === '\\')) {
    end--;
  }
  return path.slice(0, end).split(/[\\/]/).at(-1) ?? path;
}

/**
 * Backups that probably belong to this workspace after a move: not this storage folder, holding
 * something, and from a folder with the same name or the same repository. Newest first.
 */
export function restoreCandidates<T extends { manifest: BackupManifest }>(backups: readonly T[], current: WorkspaceIdentity): T[] {
  const name = current.workspaceName.toLowerCase();
  const repository = current.repository !== undefined ? originWithoutCredentials(current.repository) : undefined;
  return backups
    .filter(({ manifest }) => manifest.storagePath !== current.storagePath)
    .filter(({ manifest }) => manifest.people + manifest.notes + manifest.items > 0)
    .filter(
      ({ manifest }) =>
        manifest.workspaceName.toLowerCase() === name ||
        basename(manifest.workspacePath).toLowerCase() === name ||
        (repository !== undefined && manifest.repository !== undefined && originWithoutCredentials(manifest.repository) === repository),
    )
    .sort((a, b) => b.manifest.savedAt - a.manifest.savedAt);
}

export function describeBackup(manifest: BackupManifest): string {
  const parts = [
    manifest.people === 1 ? l10n.t('1 person') : l10n.t('{0} people', manifest.people),
    manifest.notes === 1 ? l10n.t('1 note') : l10n.t('{0} notes', manifest.notes),
    manifest.items === 1 ? l10n.t('1 delegation item') : l10n.t('{0} delegation items', manifest.items),
  ];
  return l10n.t('{0}, saved {1}', parts.join(', '), new Date(manifest.savedAt).toLocaleString());
}
