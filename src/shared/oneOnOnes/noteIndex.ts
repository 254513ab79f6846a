/** The index of 1:1 notes on disk: what each note is, without reading its body. */
import * as z from 'zod/mini';
import { parseVersionedJson, type Refusal } from '../versionedFile';

export const NOTE_INDEX_VERSION = 1;

const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

const noteMeta = z.object({
  id,
  personId: id,
  date: isoDay,
  templateId: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  title: z.string().check(z.maxLength(400)),
  createdAt: z.number(),
  updatedAt: z.number(),
  openItems: z.array(z.object({ line: z.int(), text: z.string().check(z.maxLength(2000)) })),
  /** Tagged list items, for the week's balance; absent in indexes written before it existed. */
  hatTags: z.optional(z.object({ leadership: z.int(), management: z.int() })),
});

const noteIndexV1 = z.object({ schemaVersion: z.literal(1), notes: z.array(noteMeta) });

export type NoteMeta = z.infer<typeof noteMeta>;

export type NoteIndexResult = { ok: true; notes: NoteMeta[] } | Refusal;

export function parseNoteIndex(text: string): NoteIndexResult {
  const result = parseVersionedJson(text, NOTE_INDEX_VERSION, noteIndexV1);
  return result.ok ? { ok: true, notes: result.value.notes } : result;
}

export function serializeNoteIndex(notes: readonly NoteMeta[]): string {
  return `${JSON.stringify({ schemaVersion: NOTE_INDEX_VERSION, notes })}\n`;
}
