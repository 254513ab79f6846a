/**
 * The notes of a sealed handover, as the import reads them: the summary first, then the shareable
 * part of each 1:1 note. Pure, so that what leaves for the next manager can be checked without a disk.
 */
import { exportedNote } from './exportFormat';
import { handoverSummary, type Handover } from './handover';
import type { NoteHeader } from './noteIndex';

/** A note of the handover with the header it is exported under. */
export interface HandoverSource {
  readonly header: NoteHeader;
  readonly content: string;
}

/**
 * A stored title is `person · date · template`: the person's name as it was (before a rename, say)
 * is not the next manager's to read. Both forms of the handover keep only the template's part.
 */
export function handoverNoteTitle(storedTitle: string): string {
  return storedTitle.split(' · ').at(-1) ?? storedTitle;
}

/** The summary and each note, as export texts (summary first). */
export function sealedHandoverTexts(handover: Handover, summaryHeader: NoteHeader, sources: readonly HandoverSource[]): string[] {
  // The summary is built from goals and shareable open items already: the privacy rule, applied
  // again, would cut it at a heading such as `# Private Ryan: notes for their next manager`.
  const summary = exportedNote(summaryHeader, handover.name, handoverSummary(handover), true).text;
  const notes = sources.map((source) => exportedNote({ ...source.header, title: handoverNoteTitle(source.header.title) }, handover.name, source.content, false).text);
  return [summary, ...notes];
}
