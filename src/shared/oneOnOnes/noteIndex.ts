/** The index of 1:1 notes on disk: what each note is, without reading its body. */
import * as z from 'zod/mini';

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

export type NoteIndexResult = { ok: true; notes: NoteMeta[] } | { ok: false; reason: string; fromNewerVersion?: boolean };

export function parseNoteIndex(text: string): NoteIndexResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `it is not valid JSON (${(error as Error).message})` };
  }
  const version = z.object({ schemaVersion: z.int() }).safeParse(raw);
  if (!version.success) {
    return { ok: false, reason: 'it has no schema version' };
  }
  if (version.data.schemaVersion > NOTE_INDEX_VERSION) {
    return { ok: false, fromNewerVersion: true, reason: `it was written by a newer version of Two Hats (schema ${version.data.schemaVersion})` };
  }
  const parsed = noteIndexV1.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: `it does not match the expected shape (${first?.path.join('.')}: ${first?.message})` };
  }
  return { ok: true, notes: parsed.data.notes };
}

export function serializeNoteIndex(notes: readonly NoteMeta[]): string {
  return `${JSON.stringify({ schemaVersion: NOTE_INDEX_VERSION, notes })}\n`;
}
