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
 * a `private` tag) puts the whole note in its private part. Tasks in other tools' forms become
 * Two Hats' own (importedTasks.ts).
 * Pure and linear-time; never throws.
 */
import * as l10n from '../l10n';
import { dateField, fieldNamed, isMarkedPrivate, personInFrontMatter, splitFrontMatter } from './importedFrontMatter';
import { normalizeImportedTasks } from './importedTasks';
import { dateInFileName, personInFileName, personInFolders } from './importedPaths';
import { PRIVATE_HEADING, splitPrivate } from './privacy';

export type ImportedNote =
  | { readonly ok: true; readonly person: string; readonly date: string; readonly content: string; readonly private?: true }
  | { readonly ok: false; readonly reason: string };

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
  // Other tools' tasks (numbered, in progress, forwarded) come in as Two Hats' own action items.
  const body = normalizeImportedTasks(split.body);
  if (!isMarkedPrivate(split.fields)) {
    return { ok: true, person, date, content: body };
  }
  const content = asPrivateNote(body);
  return content === undefined ? { ok: false, reason: l10n.t('it is marked private, but its text could not be kept private') } : { ok: true, person, date, content, private: true };
}
