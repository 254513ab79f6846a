/**
 * What Two Hats knows about each 1:1 note without reading its body. Each note has a header file
 * written once when the note is created (who, when, which template); everything else is derived
 * from the body. The index of all notes is only a cache of both, so it can always be rebuilt.
 */
import * as z from 'zod/mini';
import { balanceOfNote } from '../principles/balance';
import { INDEXED_ITEM_TEXT_MAX_LENGTH, STORED_NOTE_TITLE_MAX_LENGTH } from '../storageLayout';
import { isoDay, storedId, templateId } from '../storedCommon';
import { parseVersionedJson, type Parsed, type Refusal } from '../versionedFile';
import { openActionItems } from './actionItems';
import { goalScoresOf, moodOf } from './checkIns';
import { isPrivateLine, PRIVACY_RULE_VERSION, splitPrivate } from './privacy';

export const NOTE_INDEX_VERSION = 1;
export const NOTE_HEADER_VERSION = 1;

const noteHeader = z.object({
  id: storedId,
  personId: storedId,
  date: isoDay,
  templateId,
  title: z.string().check(z.maxLength(STORED_NOTE_TITLE_MAX_LENGTH)),
  createdAt: z.number(),
});

const noteMeta = z.object({
  ...noteHeader.shape,
  updatedAt: z.number(),
  /** `private` items were typed in a private part: the lead's own, never carried into a shared section. */
  openItems: z.array(z.object({ line: z.int(), text: z.string().check(z.maxLength(INDEXED_ITEM_TEXT_MAX_LENGTH)), private: z.optional(z.literal(true)) })),
  /** Tagged list items, for the week's balance; absent in indexes written before it existed. */
  hatTags: z.optional(z.object({ leadership: z.int(), management: z.int() })),
  /** The 1-10 check-in, when the note has one. */
  mood: z.optional(z.int().check(z.minimum(1), z.maximum(10))),
  goals: z.optional(z.array(z.object({ goal: z.string().check(z.maxLength(INDEXED_ITEM_TEXT_MAX_LENGTH)), score: z.int().check(z.minimum(1), z.maximum(10)) }))),
});

const noteIndexV1 = z.object({
  schemaVersion: z.literal(1),
  /** The privacy rule the notes were derived by; absent before privacy.ts. */
  privacyRule: z.optional(z.int()),
  notes: z.array(noteMeta),
});
const noteHeaderV1 = z.object({ schemaVersion: z.literal(1), ...noteHeader.shape });

export type NoteHeader = z.infer<typeof noteHeader>;
export type NoteMeta = z.infer<typeof noteMeta>;

/** `outdated`: derived by an older privacy rule; every note must be derived again from its text. */
export type NoteIndexResult = { ok: true; notes: NoteMeta[]; outdated: boolean } | Refusal;

export function parseNoteIndex(text: string): NoteIndexResult {
  const result = parseVersionedJson(text, NOTE_INDEX_VERSION, noteIndexV1);
  if (!result.ok) {
    return result;
  }
  if ((result.value.privacyRule ?? 0) >= PRIVACY_RULE_VERSION) {
    return { ok: true, notes: result.value.notes, outdated: false };
  }
  // Until each note is read again, fail safe: none of its open items may reach a shared section.
  const notes = result.value.notes.map((note) => ({ ...note, openItems: note.openItems.map((item) => ({ ...item, private: true as const })) }));
  return { ok: true, notes, outdated: true };
}

export function serializeNoteIndex(notes: readonly NoteMeta[]): string {
  return `${JSON.stringify({ schemaVersion: NOTE_INDEX_VERSION, privacyRule: PRIVACY_RULE_VERSION, notes })}\n`;
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

/**
 * Everything the index says about a note, from its header and its text. Mood, goal scores and
 * the balance come from the shareable part only; open items keep their line in the whole note,
 * marked when they are private.
 */
export function deriveNoteMeta(header: NoteHeader, content: string, updatedAt: number): NoteMeta {
  const { shareable, ranges } = splitPrivate(content);
  const mood = moodOf(shareable);
  const goals = goalScoresOf(shareable);
  return {
    ...header,
    updatedAt,
    openItems: openActionItems(content).map(({ line, text }) => ({
      line,
      text: text.slice(0, INDEXED_ITEM_TEXT_MAX_LENGTH),
      ...(isPrivateLine(ranges, line) ? { private: true as const } : {}),
    })),
    hatTags: balanceOfNote(shareable),
    ...(mood !== undefined ? { mood } : {}),
    ...(goals.length > 0 ? { goals: goals.map((g) => ({ goal: g.goal.slice(0, INDEXED_ITEM_TEXT_MAX_LENGTH), score: g.score })) } : {}),
  };
}
