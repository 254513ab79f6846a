/**
 * Reading 1:1 notes kept elsewhere as plain Markdown files: whose each one is and when it was
 * held. The rule, first match wins:
 * - front matter (`---` YAML at the top) with `date:` and `person:` or `with:`;
 * - otherwise the date in the file name (`2026-03-01`, `2026_03_01` or `2026.03.01`) and the person
 *   from the nearest folder above the file that names someone (`Ada Lovelace/2026-03-01.md`,
 *   `Ada Lovelace/2026/03/2026-03-01.md`: folders named by a year, month or date are time, not
 *   people), or, for files at the top of the folder picked or in a folder named like the common
 *   layouts' meeting folders (`Meetings/`, `1-1s/`, `Notes/`…), from the file name's other words
 *   (`2026-03-01 Ada.md`, `1-1 Ada 2026-03-01.md`; words like "1-1" or "notes" are dropped).
 * Front matter marking the note private (`private: true` in any spelling, `visibility: private`,
 * a `private` tag) puts the whole note in its private part.
 * Pure and linear-time; never throws.
 */
import * as l10n from '../l10n';
import { parse as parseYaml } from 'yaml';
import { parseDay } from '../team';
import { PRIVATE_HEADING, splitPrivate } from './privacy';

export type ImportedNote =
  | { readonly ok: true; readonly person: string; readonly date: string; readonly content: string; readonly private?: true }
  | { readonly ok: false; readonly reason: string };

const FRONT_MATTER_MAX_CHARS = 16 * 1024;
/** Deeper flow collections (`[`, `{`) than this are refused before parsing: the parser recurses per level. */
const MAX_FLOW_DEPTH = 16;
/** Block nesting needs one column per level: a line starting further right than this is refused. */
const MAX_BLOCK_COLUMN = 80;
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

export interface FrontMatter {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly body: string;
}

/** Splits off YAML front matter; a note without any has empty fields. */
export function splitFrontMatter(text: string): FrontMatter | { readonly problem: string } {
  const opening = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!opening) {
    return { fields: {}, body: text };
  }
  const rest = text.slice(opening[0].length);
  const closing = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!closing || closing.index > FRONT_MATTER_MAX_CHARS) {
    return { problem: l10n.t('its front matter has no closing “---” near the top') };
  }
  const yamlText = rest.slice(0, closing.index);
  if (!hasShallowShape(yamlText)) {
    return { problem: l10n.t('its front matter is nested too deeply to read safely') };
  }
  let data: unknown;
  try {
    // Few aliases: a small file must not be able to expand into a huge one.
    data = parseYaml(yamlText, { maxAliasCount: 16, prettyErrors: false });
  } catch {
    return { problem: l10n.t('its front matter is not valid YAML') };
  }
  const fields = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return { fields, body: rest.slice(closing.index + closing[0].length) };
}

/**
 * Whether YAML stays shallow enough for the parser, which recurses once per level and, thousands
 * of levels deep, overflows the stack (and, repeated, exhausts memory). One pass: flow nesting
 * (`[`, `{`, counted even inside quotes, which only refuses more) and the column where each
 * line's content starts, past indentation and compact indicators (`- - - x`, `? ? x`).
 */
function hasShallowShape(yaml: string): boolean {
  let flowDepth = 0;
  let lineStart = true;
  let column = 0;
  for (let i = 0; i < yaml.length; i++) {
    const char = yaml[i]!;
    if (char === '\n') {
      lineStart = true;
      column = 0;
      continue;
    }
    if (lineStart) {
      const next = yaml[i + 1];
      const isIndicator = (char === '-' || char === '?' || char === ':') && (next === ' ' || next === '\t' || next === '\n' || next === undefined);
      if (char === ' ' || char === '\t' || isIndicator) {
        column++;
        if (column > MAX_BLOCK_COLUMN) {
          return false;
        }
        continue;
      }
      lineStart = false;
    }
    if (char === '[' || char === '{') {
      flowDepth++;
      if (flowDepth > MAX_FLOW_DEPTH) {
        return false;
      }
    } else if ((char === ']' || char === '}') && flowDepth > 0) {
      flowDepth--;
    }
  }
  return true;
}

function dateField(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return calendarDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  const match = typeof value === 'string' ? /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value) : null;
  return match ? calendarDay(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

function textField(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : undefined;
  return text ? text : undefined;
}

type PersonField = { readonly name: string } | { readonly absent: true } | { readonly problem: string };

/** The page an Obsidian wikilink points to: `[[People/Ada Lovelace#1:1s|Ada]]` is `Ada Lovelace`. */
function wikilinkTarget(text: string): string {
  return text.split('|')[0]!.split('#')[0]!.split('/').at(-1)!.trim();
}

/**
 * Whom `person:` or `with:` names: plain text, a wikilink, or a list of one (unquoted
 * `[[Ada Lovelace]]` is YAML for a list in a list). Several people or something other than text
 * is a problem, never a reason to guess from the folder: that would file the note under someone else.
 */
function personField(key: string, value: unknown): PersonField {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { absent: true };
  }
  const items = Array.isArray(value) ? value.flat(8) : [value];
  if (items.length > 1 || (typeof items[0] === 'string' && items[0].split('[[').length > 2)) {
    return { problem: l10n.t('its front matter names more than one person in “{0}”', key) };
  }
  const item = typeof items[0] === 'string' ? items[0].trim() : undefined;
  const quotedLink = item?.startsWith('[[') === true && item.endsWith(']]');
  // Unquoted, the link arrives as a list in a list holding `Ada Lovelace|Ada`.
  const linked = Array.isArray(value) && Array.isArray(value[0]) ? item : undefined;
  const name = textField(quotedLink ? wikilinkTarget(item!.slice(2, -2)) : linked !== undefined ? wikilinkTarget(linked) : item);
  return name ? { name } : { problem: l10n.t('its front matter’s “{0}” is not a name', key) };
}

/** The person from front matter: `person:` first, then `with:`. */
function personInFrontMatter(fields: Readonly<Record<string, unknown>>): PersonField {
  const person = personField('person', fieldNamed(fields, 'person'));
  return 'absent' in person ? personField('with', fieldNamed(fields, 'with')) : person;
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
function personInFolders(folders: readonly string[]): string | undefined {
  for (let i = folders.length - 1; i >= 0; i--) {
    const folder = folders[i]!;
    if (isTimeFolder(folder) || VAULT_FOLDERS.has(folder.normalize('NFKC').toLowerCase().replace(/[\s._:-]/g, ''))) {
      continue;
    }
    return isContainerFolder(folder) ? undefined : personInFileName(folder);
  }
  return undefined;
}

/** A front-matter field by name, in any case (`Date:`, `PERSON:`); undefined when absent. */
function fieldNamed(fields: Readonly<Record<string, unknown>>, name: string): unknown {
  for (const [key, value] of Object.entries(fields)) {
    if (key.trim().toLowerCase() === name) {
      return value;
    }
  }
  return undefined;
}

const CLEARLY_FALSE = new Set(['false', 'no', 'n', 'off', '0']);
const isClearlyFalse = (value: unknown) => value === false || value === 0 || (typeof value === 'string' && CLEARLY_FALSE.has(value.trim().toLowerCase()));

/** The words of a `tags:` list or comma- or space-separated string, lowercased, without `#`. */
function tagWords(value: unknown): string[] {
  const items = Array.isArray(value) ? value.flat() : [value];
  return items
    .filter((item): item is string => typeof item === 'string')
    .flatMap((item) => item.split(/[\s,]+/))
    .map((word) => word.replace(/^#/, '').toLowerCase());
}

/**
 * Front matter saying the note is private, failing closed: a `private` key in any case with any
 * value that is not clearly false (`false`, `no`, `n`, `off`, `0`), `visibility: private`, or
 * `private` among the tags.
 */
function isMarkedPrivate(fields: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(fields).some(([rawKey, value]) => {
    const key = rawKey.trim().toLowerCase();
    if (key === 'private') {
      return !isClearlyFalse(value);
    }
    if (key === 'visibility') {
      return tagWords(value).includes('private');
    }
    return (key === 'tags' || key === 'tag') && tagWords(value).includes('private');
  });
}

/**
 * The body under the app's private heading, so that all of it stays private (privacy.ts): an end
 * marker in it is defused, since it would make the rest shareable. Undefined if, even so, any of
 * it would be shared (it never is; fail safe).
 */
function asPrivateNote(body: string): string | undefined {
  const defused = body.replace(/<!--(\s*)end(\s+)private/gi, '<!--$1ended$2private');
  const content = `## ${PRIVATE_HEADING}\n\n${defused}`;
  return splitPrivate(content).shareable.trim() === '' ? content : undefined;
}

/** Whose note a file holds and when, from its path (relative, forward slashes) and its text. */
export function readImportedNote(relativePath: string, text: string): ImportedNote {
  const parts = relativePath.split('/').filter((part) => part.length > 0);
  const fileName = parts.at(-1) ?? '';
  const split = splitFrontMatter(text);
  if ('problem' in split) {
    return { ok: false, reason: split.problem };
  }
  const date = dateField(fieldNamed(split.fields, 'date')) ?? dateInFileName(fileName);
  if (!date) {
    return { ok: false, reason: l10n.t('no date in its name or front matter (e.g. 2026-03-01)') };
  }
  const named = personInFrontMatter(split.fields);
  if ('problem' in named) {
    return { ok: false, reason: named.problem };
  }
  const person = 'name' in named ? named.name : (personInFolders(parts.slice(0, -1)) ?? personInFileName(fileName));
  if (!person) {
    return { ok: false, reason: l10n.t('no person in its folder, name or front matter') };
  }
  if (split.body.trim().length === 0) {
    return { ok: false, reason: l10n.t('it is empty') };
  }
  if (!isMarkedPrivate(split.fields)) {
    return { ok: true, person, date, content: split.body };
  }
  const content = asPrivateNote(split.body);
  return content === undefined ? { ok: false, reason: l10n.t('it is marked private, but its text could not be kept private') } : { ok: true, person, date, content, private: true };
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
