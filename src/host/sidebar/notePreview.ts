/** The note text the sidebar's preview shows. */

/** A preview that stays quick however long the note: a 5 MB note is shown in part. */
const PREVIEW_MAX_CHARS = 200_000;

export function previewOf(markdown: string): string {
  return markdown.length <= PREVIEW_MAX_CHARS
    ? markdown
    : `${markdown.slice(0, PREVIEW_MAX_CHARS)}\n\n---\n\n_The preview shows the first part of this long note. Open the note to see all of it._\n`;
}
