/**
 * What the front matter (`---` YAML at the top) of a Markdown file kept elsewhere says: the
 * date, the person (`person:` or `with:`, plain text or an Obsidian wikilink), and whether the note
 * is private (`private: true` in any spelling, `visibility: private`, a `private` tag). The YAML
 * is checked for depth before it is parsed. Pure and linear-time; never throws.
 */
import * as l10n from '../l10n';
import { parse as parseYaml } from 'yaml';
import { calendarDay } from './importedPaths';

const FRONT_MATTER_MAX_CHARS = 16 * 1024;
/** Deeper flow collections (`[`, `{`) than this are refused before parsing: the parser recurses per level. */
const MAX_FLOW_DEPTH = 16;
/** Block nesting needs one column per level: a line starting further right than this is refused. */
const MAX_BLOCK_COLUMN = 80;

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

/** The day a `date:` field names: a YAML date, or text starting with `YYYY-MM-DD`. */
export function dateField(value: unknown): string | undefined {
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

export type PersonField = { readonly name: string } | { readonly absent: true } | { readonly problem: string };

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
export function personInFrontMatter(fields: Readonly<Record<string, unknown>>): PersonField {
  const person = personField('person', fieldNamed(fields, 'person'));
  return 'absent' in person ? personField('with', fieldNamed(fields, 'with')) : person;
}

/** A front-matter field by name, in any case (`Date:`, `PERSON:`); undefined when absent. */
export function fieldNamed(fields: Readonly<Record<string, unknown>>, name: string): unknown {
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
export function isMarkedPrivate(fields: Readonly<Record<string, unknown>>): boolean {
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
