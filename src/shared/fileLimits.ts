/**
 * How much Two Hats agrees to read from files it did not write itself: a note edited by another
 * program, an own template, an import folder. Checked against the size on disk before reading,
 * so a stray video or a folder of a million files costs a stat, not the window's memory.
 */
import * as l10n from './l10n';

/** A 1:1 note is a few kilobytes; eight megabytes is several books (notes of 5 MB are supported). */
export const NOTE_MAX_BYTES = 8 * 1024 * 1024;
/** An exported note is a note and a header of a few hundred bytes. */
/**
 * The persisted search index (several megabytes at ten thousand notes): a larger file is taken
 * for damaged and rebuilt, never read whole into memory.
 */
export const SEARCH_INDEX_MAX_BYTES = 256 * 1024 * 1024;
export const IMPORT_FILE_MAX_BYTES = NOTE_MAX_BYTES + 64 * 1024;
/** Twice the notes of a lead who wrote five a day for ten years. */
export const IMPORT_MAX_FILES = 20_000;
/** More new names than any team has: an import that would add more is not this team's notes. */
export const IMPORT_MAX_NEW_PEOPLE = 200;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} bytes`;
  }
  if (bytes < 1024 * 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Why a file of `size` bytes is not read, or undefined when it may be. */
export function sizeProblem(size: number, limit: number): string | undefined {
  return size > limit ? l10n.t('it is {0}, more than the {1} Two Hats reads', formatBytes(size), formatBytes(limit)) : undefined;
}

/** Why an import of this many files, bringing this many new people, is refused as a whole. */
export function importProblem(found: { files: number; newPeople: number }): string | undefined {
  if (found.files > IMPORT_MAX_FILES) {
    return l10n.t(
      'The folder holds more than {0} Markdown files, more than any export of Two Hats. Pick the export folder itself. Nothing was imported.',
      IMPORT_MAX_FILES.toLocaleString('en-US'),
    );
  }
  if (found.newPeople > IMPORT_MAX_NEW_PEOPLE) {
    return l10n.t(
      'The notes name {0} people who are not on your team, more than the {1} an import may add. Is this the right folder? Nothing was imported.',
      found.newPeople.toLocaleString('en-US'),
      IMPORT_MAX_NEW_PEOPLE,
    );
  }
  return undefined;
}
