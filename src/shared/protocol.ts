/**
 * The one message protocol between the extension host and the sidebar webview.
 *
 * Messages from the webview are untrusted input: the host parses every one with
 * `parseWebviewMessage` before acting on it. Messages to the webview come from the host, which
 * owns the data; the webview keeps only UI state (drafts, what is expanded) in getState/setState.
 */
import * as z from 'zod/mini';
import type { Phase } from './delegation/checklist';
import type { Filter, Status } from './delegation/items';
import type { Hat } from './principles/hats';
import { asTypedBound, PERSON_NAME_MAX_LENGTH, PERSON_ROLE_MAX_LENGTH, STEP_ID, STORED_ID } from './storageLayout';
import { CADENCES, type Cadence } from './team';

// Generous bounds: the domain rules give the friendly message, these only stop abuse.
const text = (limit: number) => z.string().check(z.maxLength(asTypedBound(limit)));
const personId = z.string().check(z.regex(STORED_ID));
/**
 * A count or index up to `max`. A structured clone can carry -0, which passes "nonnegative";
 * it is read as 0 so what the host acts on is the same value a JSON round trip gives.
 */
const count = (max: number) => z.int().check(z.nonnegative(), z.maximum(max), z.overwrite((value) => (value === 0 ? 0 : value)));
const requestId = count(Number.MAX_SAFE_INTEGER);

const personDraft = z.strictObject({
  name: text(PERSON_NAME_MAX_LENGTH),
  role: text(PERSON_ROLE_MAX_LENGTH),
  cadence: z.enum(CADENCES),
});

const itemId = personId;
const stepId = z.string().check(z.regex(STEP_ID));

/** The sidebar's add or edit form as typed so far: sent by the webview, kept on disk by the host. */
export const keptDraftSchema = z.strictObject({ draft: personDraft, personId: z.optional(personId) });

/** What the sidebar's delegation section asks for; the host checks each id before acting. */
export const delegationIntentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('add') }),
  z.strictObject({ kind: z.literal('findBottlenecks') }),
  z.strictObject({ kind: z.literal('assign'), itemId }),
  z.strictObject({ kind: z.literal('changeLevel'), itemId }),
  z.strictObject({ kind: z.literal('setStatus'), itemId }),
  z.strictObject({ kind: z.literal('relapse'), itemId }),
  z.strictObject({ kind: z.literal('openSource'), itemId }),
  z.strictObject({ kind: z.literal('delete'), itemId }),
  z.strictObject({ kind: z.literal('restore'), itemId }),
  z.strictObject({ kind: z.literal('tickStep'), itemId, stepId, done: z.boolean() }),
  z.strictObject({ kind: z.literal('noteStep'), itemId, stepId }),
  z.strictObject({ kind: z.literal('selfCheckDone'), week: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)) }),
]);

export type DelegationIntent = z.infer<typeof delegationIntentSchema>;

export const webviewMessageSchema = z.discriminatedUnion('type', [
  /** The webview has loaded and wants a snapshot, with the history of the person it has open. */
  z.strictObject({ type: z.literal('ready'), historyOf: z.optional(personId) }),
  /**
   * The add or edit form as typed so far (none once it is saved or cancelled). The webview's own
   * saved state lost it now and then: when the view was hidden at once after typing, and across a
   * reload on a slower machine. The host keeps it on disk (`storedSidebarDraft`).
   */
  z.strictObject({ type: z.literal('keepDraft'), form: z.optional(keptDraftSchema) }),
  /** The person whose 1:1 history the sidebar shows, or none. */
  z.strictObject({ type: z.literal('showHistory'), personId: z.optional(personId) }),
  z.strictObject({ type: z.literal('addPerson'), requestId, draft: personDraft }),
  z.strictObject({ type: z.literal('updatePerson'), requestId, id: personId, draft: personDraft }),
  z.strictObject({ type: z.literal('setArchived'), requestId, id: personId, archived: z.boolean() }),
  z.strictObject({ type: z.literal('openFolder') }),
  z.strictObject({ type: z.literal('useGlobalStorage') }),
  z.strictObject({ type: z.literal('showDataLocation') }),
  z.strictObject({ type: z.literal('unlock') }),
  z.strictObject({ type: z.literal('switchHat') }),
  z.strictObject({ type: z.literal('startOneOnOne'), personId }),
  z.strictObject({ type: z.literal('prepareOneOnOne'), personId }),
  z.strictObject({ type: z.literal('queueTalkingPoint'), personId }),
  z.strictObject({ type: z.literal('addGoal'), personId }),
  z.strictObject({ type: z.literal('markGoalReached'), personId, goalId: personId }),
  z.strictObject({ type: z.literal('openNote'), noteId: personId }),
  z.strictObject({ type: z.literal('previewNote'), noteId: personId }),
  z.strictObject({
    type: z.literal('tickActionItem'),
    noteId: personId,
    line: count(1_000_000),
    text: z.string().check(z.maxLength(8000)),
    done: z.boolean(),
  }),
  z.strictObject({ type: z.literal('delegation'), intent: delegationIntentSchema }),
  /** The banner's Stop button: end presenting mode. */
  z.strictObject({ type: z.literal('stopPresenting') }),
  /** Open a principle from the catalogue; the host checks the id exists. */
  z.strictObject({ type: z.literal('openPrinciple'), id: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)) }),
]);

export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
export type WebviewRequest = Extract<WebviewMessage, { requestId: number }>;

/** Largest message the host will look at; anything bigger is dropped unread. */
export const MAX_WEBVIEW_MESSAGE_CHARS = 64 * 1024;

export type ParseResult = { ok: true; message: WebviewMessage } | { ok: false; reason: string };

export function parseWebviewMessage(raw: unknown): ParseResult {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, reason: 'message is not plain data' };
  }
  if (size > MAX_WEBVIEW_MESSAGE_CHARS) {
    return { ok: false, reason: `message of ${size} characters is over the limit` };
  }
  const result = webviewMessageSchema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    return { ok: false, reason: first ? `${first.path.join('.') || 'message'}: ${first.message}` : 'invalid message' };
  }
  return { ok: true, message: result.data };
}

/**
 * The request id of a message the protocol rejected, when it has a usable one: the sidebar waits
 * for an answer to every request (a form stays busy until then), so a rejected request is answered
 * with an error instead of silence.
 */
export function requestIdOfRejected(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return undefined;
  }
  const id: unknown = Object.getOwnPropertyDescriptor(raw, 'requestId')?.value;
  const parsed = requestId.safeParse(id);
  return parsed.success ? parsed.data : undefined;
}

/** Where the data lives, or why there is nowhere to keep it yet. */
export type StorageState =
  | { kind: 'ready'; scope: 'workspace' | 'global' }
  | { kind: 'noFolder' }
  /** `locked`: the data is encrypted and waits for the passphrase (nothing is damaged). */
  | { kind: 'unavailable'; message: string; locked?: boolean }
  /** A file was written by a newer Two Hats: shown, never written, until the window reloads. */
  | { kind: 'readOnly'; scope: 'workspace' | 'global'; message: string };

export interface OpenItemView {
  readonly noteId: string;
  readonly line: number;
  readonly text: string;
  /** Typed in the note's private part: the lead's own to-do, never carried into a shared section. */
  readonly private?: boolean;
}

export interface NoteHistoryEntry {
  readonly id: string;
  readonly date: string;
  readonly template: string;
  readonly openItems: number;
  readonly mood?: number;
}

/** A queued talking point as the sidebar lists it: its words, not its id, date or code location. */
export interface TalkingPointView {
  readonly text: string;
  readonly standing: boolean;
  /** Queued from a selection of code; where exactly stays in the host. */
  readonly fromCode: boolean;
}

/**
 * A person as the sidebar shows them. Its own type, not the stored `Person` with fields added:
 * what reaches the webview is chosen field by field in snapshot.ts, so a field added to storage
 * stays in the host until someone decides the sidebar needs it.
 */
export interface PersonView {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly cadence: Cadence;
  readonly archived: boolean;
  readonly talkingPoints: readonly TalkingPointView[];
  readonly dueOn: string;
  readonly dueLabel: string;
  readonly overdue: boolean;
  /** How many recent notes the history lists. */
  readonly historyCount: number;
  /**
   * The person's most recent notes, newest first: only for the person whose history the sidebar
   * has open (about two thirds of a snapshot otherwise, for a list shown one person at a time).
   */
  readonly history?: readonly NoteHistoryEntry[];
  /** Open action items from the person's latest 1:1 note (earlier ones carried into it). */
  readonly openItems: readonly OpenItemView[];
  readonly lastNote?: { readonly id: string; readonly label: string };
  /** The 1-10 check-ins of recent 1:1s, oldest first. */
  readonly moodTrend: readonly number[];
  readonly goalViews: readonly GoalView[];
}

export interface GoalView {
  readonly id: string;
  readonly text: string;
  /** Progress scores from recent 1:1s, oldest first. */
  readonly trend: readonly number[];
  readonly reachedOn?: string;
}

export interface DelegationStepView {
  readonly id: string;
  readonly text: string;
  readonly source: string;
  readonly done: boolean;
  readonly note?: string;
}

export interface DelegationItemView {
  readonly id: string;
  readonly title: string;
  readonly status: Status;
  readonly statusLabel: string;
  readonly ownerName?: string;
  /** "3 · Consult", and the target when it differs. */
  readonly levelLabel?: string;
  readonly targetLabel?: string;
  /** Levels over time, oldest first, e.g. [2, 3, 5]. */
  readonly levelTrend: readonly number[];
  readonly progress: { readonly done: number; readonly total: number };
  readonly phases: readonly { readonly phase: Phase; readonly title: string; readonly steps: readonly DelegationStepView[] }[];
  readonly relapses: number;
  readonly lastRelapse?: string;
  readonly nextCheckInOn?: string;
  readonly sourceLabel?: string;
  /** Days since it was added, for work still held. */
  readonly heldDays: number;
}

export interface DelegationView {
  readonly items: readonly DelegationItemView[];
  readonly counts: Readonly<Record<Filter, number>>;
  /** This week's Peter-Principle self-check, when it is on and not done yet. */
  readonly selfCheck?: { readonly week: string; readonly sentence: string };
}

export interface Snapshot {
  readonly storage: StorageState;
  readonly delegation: DelegationView;
  /** Sorted for display: active people by who is due soonest, then archived ones. */
  readonly people: readonly PersonView[];
  readonly today: string;
  readonly hat: Hat;
  /** Items tagged for each hat this week, and the sentence that sums them up. */
  readonly balance: { readonly leadership: number; readonly management: number; readonly label: string };
  readonly principleOfTheDay: PrincipleCard;
  /** A question from the current hat's side of the catalogue, for today. */
  readonly hatPrompt: PrincipleCard;
  /**
   * Presenting mode (screen sharing) is on: the host left out every private detail, and the
   * sidebar says so in a banner with a Stop button.
   */
  readonly presenting?: true;
  /**
   * The team as the sidebar showed it last time, painted while the data files are still being
   * read: names and due dates only, no notes, talking points, goals or delegation yet.
   */
  readonly fromCache?: true;
  /**
   * How many people this snapshot leaves out, active and archived: a fresh window's first page
   * carries a long team's first rows only (out of sight below them, the rest made the page
   * 50 KB larger for 200 people), and the host's next snapshot carries everyone.
   */
  readonly leftOut?: { readonly active: number; readonly archived: number };
}

/** A principle as the sidebar shows it: enough to read at a glance and to open in full. */
export interface PrincipleCard {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly prompt: string;
  readonly source: string;
}

export type HostMessage =
  | { type: 'didChangeSnapshot'; snapshot: Snapshot }
  /** The answer to a request; `error` is a sentence for the user when it failed. */
  | { type: 'didCompleteRequest'; requestId: number; error?: string; personId?: string }
  /** A note's Markdown, for the sidebar's preview; rendered there through the sanitizer. */
  | { type: 'didLoadNotePreview'; noteId: string; title: string; markdown: string }
  /** A delegation item was deleted from the sidebar; the webview offers Undo. */
  | { type: 'didDeleteDelegationItem'; itemId: string; title: string }
  /** Delete All My Data ran: drafts and other UI state go too. */
  | { type: 'didDeleteAllData' }
  | { type: 'didRestoreDraft'; form: KeptDraft };

/** A half-typed add or edit form, kept by the host while the view is hidden. */
export type KeptDraft = z.infer<typeof keptDraftSchema>;
