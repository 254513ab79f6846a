/**
 * What Two Hats knows about each 1:1 note without reading its body. Each note has a header file
 * written once when the note is created (who, when, which template); everything else is derived
 * from the body. The index of all notes is only a cache of both, so it can always be rebuilt.
 */
import * as z from 'zod/mini';
import { balanceOfNote } from '../principles/balance';
import { isoDay, storedId } from '../storedCommon';
import { parseVersionedJson, type Parsed, type Refusal } from '../versionedFile';
import { openActionItems } from './actionItems';
import { goalScoresOf, moodOf } from './checkIns';

export const NOTE_INDEX_VERSION = 1;
export const NOTE_HEADER_VERSION = 1;

const templateId = z.string().check(z.regex(/^[a-z0-9-]{1,64}$/));

const noteHeader = z.object({
  id: storedId,
  personId: storedId,
  date: isoDay,
  templateId,
  title: z.string().check(z.maxLength(400)),
  createdAt: z.number(),
});

const noteMeta = z.object({
  ...noteHeader.shape,
  updatedAt: z.number(),
  openItems: z.array(z.object({ line: z.int(), text: z.string().check(z.maxLength(2000)) })),
  /** Tagged list items, for the week's balance; absent in indexes written before it existed. */
  hatTags: z.optional(z.object({ leadership: z.int(), management: z.int() })),
  /** The 1-10 check-in, when the note has one. */
  mood: z.optional(z.int().check(z.minimum(1), z.maximum(10))),
  goals: z.optional(z.array(z.object({ goal: z.string().check(z.maxLength(2000)), score: z.int().check(z.minimum(1), z.maximum(10)) }))),
});

const noteIndexV1 = z.object({ schemaVersion: z.literal(1), notes: z.array(noteMeta) });
const noteHeaderV1 = z.object({ schemaVersion: z.literal(1), ...noteHeader.shape });

export type NoteHeader = z.infer<typeof noteHeader>;
export type NoteMeta = z.infer<typeof noteMeta>;

export type NoteIndexResult = { ok: true; notes: NoteMeta[] } | Refusal;

export function parseNoteIndex(text: string): NoteIndexResult {
  const result = parseVersionedJson(text, NOTE_INDEX_VERSION, noteIndexV1);
  return result.ok ? { ok: true, notes: result.value.notes } : result;
}

export function serializeNoteIndex(notes: readonly NoteMeta[]): string {
  return `${JSON.stringify({ schemaVersion: NOTE_INDEX_VERSION, notes })}\n`;
}

export function parseNoteHeader(text: string): Parsed<NoteHeader> {
  const result = parseVersionedJson(text, NOTE_HEADER_VERSION, noteHeaderV1);
  if (!result.ok) {
    return result;
  }
  const { id, personId, date, templateId, title, createdAt } = result.value;
  return { ok: true, value: { id, personId, date, templateId, title, createdAt } };
}

export function serializeNoteHeader(header: NoteHeader): string {
  return `${JSON.stringify({ schemaVersion: NOTE_HEADER_VERSION, ...header })}\n`;
}

export function headerOf(meta: NoteMeta): NoteHeader {
  return { id: meta.id, personId: meta.personId, date: meta.date, templateId: meta.templateId, title: meta.title, createdAt: meta.createdAt };
}

/** Everything the index says about a note, from its header and its text. */
export function deriveNoteMeta(header: NoteHeader, content: string, updatedAt: number): NoteMeta {
  const mood = moodOf(content);
  const goals = goalScoresOf(content);
  return {
    ...header,
    updatedAt,
    openItems: openActionItems(content).map(({ line, text }) => ({ line, text: text.slice(0, 2000) })),
    hatTags: balanceOfNote(content),
    ...(mood !== undefined ? { mood } : {}),
    ...(goals.length > 0 ? { goals: goals.map((g) => ({ goal: g.goal.slice(0, 2000), score: g.score })) } : {}),
  };
}
