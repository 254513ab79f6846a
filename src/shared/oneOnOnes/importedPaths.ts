/**
 * What a Markdown file's place says about a 1:1 kept elsewhere: the date in its name
 * (`2026-03-01`, `2026_03_01` or `2026.03.01`) and the person, from the nearest folder above it
 * that names someone, or from the file name's other words. Folders named by time, the common
 * layouts' meeting folders and a notes vault's own folders name no one. Pure and linear-time.
 */
import { parseDay } from '../team';

const DATE_IN_NAME = /(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)/;
const FILLER_WORDS = new Set(['1-1', '1:1', '1on1', '1-on-1', 'one-on-one', 'oneonone', 'o3', 'note', 'notes', 'with', 'meeting']);
/**
 * Folders that hold 1:1s rather than name a person, compared without case, spaces or `-_.:`
 * (`1-1s`, `1:1s` and `1 1s` are all `11s`). A folder whose words are all filler words counts too.
 */
const CONTAINER_FOLDERS = new Set([
  ...['11', '11s', '1on1', '1on1s', '1to1', '1to1s', 'oneonone', 'oneonones', 'onetoone', 'onetoones', 'o3', 'o3s'],
  ...['11notes', '1on1notes', 'oneononenotes', '11meetings', 'oneononemeetings', 'meeting', 'meetings', 'meetingnotes'],
  ...['note', 'notes', 'people', 'team', 'myteam', 'reports', 'directreports', 'directs', 'archive', 'journal', 'inbox'],
]);

/**
 * Folders a notes vault keeps inside anyone's folder (`Ada/Archive/`, `Ada/Daily Notes/`): they
 * name no one, so the person is looked for further up, as past a folder named by time.
 */
const VAULT_FOLDERS = new Set(['dailynotes', 'daily', 'journal', 'journals', 'templates', 'attachments', 'archive', 'archives', 'archived']);

/** A real calendar day as YYYY-MM-DD, or undefined. */
export function calendarDay(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > 31) {
    return undefined;
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return new Date(parseDay(iso)).getUTCDate() === day ? iso : undefined;
}

export function dateInFileName(name: string): string | undefined {
  const match = DATE_IN_NAME.exec(name);
  return match ? calendarDay(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

/** The words of a file name that are left once the date, the extension and filler words are gone. */
export function personInFileName(name: string): string | undefined {
  const words = name
    .replace(/\.(?:md|markdown)$/i, '')
    .replace(DATE_IN_NAME, ' ')
    .split(/[\s_]+/)
    .map(trimPunctuation)
    .filter((word) => word.length > 0 && !FILLER_WORDS.has(word.toLowerCase()));
  return words.length > 0 ? words.join(' ') : undefined;
}

/** A folder named by a year, a month or a date (`2025`, `2025-03`, `03`, `2025-03-04`) groups notes by time. */
function isTimeFolder(folder: string): boolean {
  return /^[\d\s._-]+$/.test(folder) || dateInFileName(folder) !== undefined;
}

/** A folder named like the common layouts' meeting folders: it holds 1:1s, it is nobody. */
export function isContainerFolder(folder: string): boolean {
  const compact = folder.normalize('NFKC').toLowerCase().replace(/[\s._:-]/g, '');
  return CONTAINER_FOLDERS.has(compact) || personInFileName(folder) === undefined;
}

/**
 * The person named by the nearest folder above the file, looking past folders named by time and
 * stopping at a container folder or the top: above those, folders are the user's own filing.
 */
export function personInFolders(folders: readonly string[]): string | undefined {
  for (let i = folders.length - 1; i >= 0; i--) {
    const folder = folders[i]!;
    if (isTimeFolder(folder) || VAULT_FOLDERS.has(folder.normalize('NFKC').toLowerCase().replace(/[\s._:-]/g, ''))) {
      continue;
    }
    return isContainerFolder(folder) ? undefined : personInFileName(folder);
  }
  return undefined;
}

const EDGE_PUNCTUATION = new Set(['-', '.', ',', ';', ':']);

/** A word without the punctuation at either end; a scan, so a long run of dots stays linear. */
function trimPunctuation(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && EDGE_PUNCTUATION.has(word[start]!)) {
    start++;
  }
  while (end > start && EDGE_PUNCTUATION.has(word[end - 1]!)) {
    end--;
  }
  return word.slice(start, end);
}
