/**
 * Places in the code that talking points and delegation items came from. They are kept relative
 * to the workspace folder: an absolute path or a `file://` URI carries the user's home folder and
 * user name into agendas and exports that are shared with other people.
 */
import { beforeFirst } from './lines';
import { clippedTo } from './storageLayout';

export interface CodeReference {
  /** The workspace folder's name; absent when the file was outside every workspace folder. */
  readonly folder?: string;
  /** Relative to the workspace folder, with forward slashes; only the file's name when `pathLeftOut`. */
  readonly path: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly commit?: string;
  /** The file was outside every workspace folder, so only its name was kept. */
  readonly pathLeftOut?: true;
}

/** How code references were stored before: `uri` held the absolute `file://` URI. */
export interface StoredCodeReference extends CodeReference {
  readonly uri?: string;
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]+/).filter((part) => part.length > 0);
  return parts.at(-1) ?? 'file';
}

/** An absolute path, a URI, a home-relative path, or one that climbs out of its folder. */
function isOutsideForm(path: string): boolean {
  return /^(?:[\\/~]|[a-z]:|[a-z][a-z0-9+.-]*:\/\/)/i.test(path) || path.split(/[\\/]/).some((part) => part === '..');
}

function lineFields(ref: CodeReference): Pick<CodeReference, 'startLine' | 'endLine' | 'commit'> {
  return { startLine: ref.startLine, endLine: ref.endLine, ...(ref.commit !== undefined ? { commit: ref.commit } : {}) };
}

/** What a stored file keeps of a reference's folder name and path (see storedCommon.codeReference). */
export const CODE_FOLDER_MAX_LENGTH = 400;
export const CODE_PATH_MAX_LENGTH = 2000;

/** A reference to a file outside every workspace folder: its name only. */
export function outsideReference(fileName: string, lines: Pick<CodeReference, 'startLine' | 'endLine' | 'commit'>): CodeReference {
  return { path: clippedTo(CODE_PATH_MAX_LENGTH, baseName(fileName)), pathLeftOut: true, ...lineFields({ path: '', ...lines }) };
}

/**
 * A reference to a file in a workspace folder, or, when the folder's name or the path is longer than
 * a stored file keeps, the file's name only: a reference the reader would refuse would set aside
 * the whole list it is stored in.
 */
export function workspaceReference(folder: string, path: string, lines: Pick<CodeReference, 'startLine' | 'endLine' | 'commit'>): CodeReference {
  const fits = folder.length >= 1 && folder.length <= CODE_FOLDER_MAX_LENGTH && path.length >= 1 && path.length <= CODE_PATH_MAX_LENGTH;
  return fits ? { folder, path, ...lineFields({ path, ...lines }) } : outsideReference(path, lines);
}

/** The name of the folder `relativePath` sat in, read from the old absolute URI, if it ends with that path. */
function folderFromLegacyUri(uri: string, relativePath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(beforeFirst(uri.replace(/^file:\/\/[^/]*/i, ''), '?#'));
  } catch {
    return undefined;
  }
  const suffix = `/${relativePath}`;
  if (!path.endsWith(suffix)) {
    return undefined;
  }
  const root = path.slice(0, -suffix.length);
  const name = root.split('/').at(-1);
  return name && name.length > 0 && !/^[a-z]:$/i.test(name) ? name : undefined;
}

/**
 * What is kept of a stored reference: relative to its workspace folder, or the file's name only.
 * An old absolute URI is dropped; a path inside a workspace folder keeps that folder's name.
 */
export function migrateCodeReference(stored: StoredCodeReference): CodeReference {
  const path = stored.path.replace(/\\/g, '/');
  if (stored.pathLeftOut || isOutsideForm(path)) {
    return outsideReference(path, stored);
  }
  const folder = stored.folder ?? (stored.uri !== undefined ? folderFromLegacyUri(stored.uri, path) : undefined);
  return { ...(folder !== undefined && !isOutsideForm(folder) && !folder.includes('/') ? { folder } : {}), path, ...lineFields(stored) };
}

function lines(ref: CodeReference): string {
  return ref.startLine === ref.endLine ? `${ref.startLine}` : `${ref.startLine}-${ref.endLine}`;
}

/** `src/retry.ts:10-14`, the way agendas and labels name the place. */
export function codeReferenceLabel(ref: CodeReference): string {
  return `${ref.path}:${lines(ref)}`;
}

/**
 * The place as Markdown for an agenda: a code span Two Hats links back to the file in its own
 * notes, plain text wherever else the agenda goes.
 */
export function codeReferenceAsMarkdown(ref: CodeReference): string {
  const label = `\`${codeReferenceLabel(ref).replace(/`/g, "'")}\``;
  const commit = ref.commit ? ` at \`${ref.commit.slice(0, 7)}\`` : '';
  const leftOut = ref.pathLeftOut ? ', outside the workspace, path left out' : '';
  return `${label}${commit}${leftOut}`;
}

export interface CodeSpanReference {
  /** Offsets of the code span's text, backticks excluded, in the line. */
  readonly start: number;
  readonly end: number;
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
}

const CODE_SPAN = /`([^`\n]{1,2000})`/g;

/** The code spans in one line of a note that name a place, `path:line` or `path:start-end`. */
export function codeSpanReferences(line: string): CodeSpanReference[] {
  const found: CodeSpanReference[] = [];
  for (const match of line.matchAll(CODE_SPAN)) {
    const text = match[1] ?? '';
    const colon = text.lastIndexOf(':');
    const linesPart = colon > 0 ? text.slice(colon + 1) : '';
    const range = /^(\d{1,9})(?:-(\d{1,9}))?$/.exec(linesPart);
    const path = text.slice(0, colon);
    if (!range || path.trim() !== path || path.length === 0 || isOutsideForm(path)) {
      continue;
    }
    const startLine = Number(range[1]);
    const endLine = range[2] !== undefined ? Number(range[2]) : startLine;
    if (startLine < 1 || endLine < startLine) {
      continue;
    }
    const start = (match.index ?? 0) + 1;
    found.push({ start, end: start + text.length, path, startLine, endLine });
  }
  return found;
}

// Kept for the shape of old agendas: `[src/x.ts:1-2](file:///home/me/repo/src/x.ts#L1)`.
// The target stops at the next `[` and at 4,096 characters, so a run of `[x](file:` stays linear.
const FILE_LINK = /\[([^\][\n]{0,400})\]\(\s*<?file:[^)\s[]{0,4096}\)/gi;
const BARE_FILE_URI = /<?file:\/\/[^\s)<>\]]*>?/gi;

/**
 * Markdown with every local file link replaced by its text, and any other `file:` URI by the
 * file's name: notes written before references were relative still hold such links.
 */
export function withoutLocalFileLinks(markdown: string): string {
  return markdown
    .replace(FILE_LINK, (_all, text: string) => (text.startsWith('`') ? text : `\`${text.replace(/`/g, "'")}\``))
    .replace(BARE_FILE_URI, (uri: string) => {
      const path = beforeFirst(uri.replace(/^<?file:\/\/[^/]*/i, ''), '?#>');
      let name: string;
      try {
        name = baseName(decodeURIComponent(path));
      } catch {
        name = baseName(path);
      }
      return `\`${name.replace(/`/g, "'")}\``;
    });
}
