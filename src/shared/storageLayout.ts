/**
 * The layout of Two Hats' data, in one place: the name of every folder and file it writes, the
 * rule its ids follow, the keys it keeps in VS Code's own state, and the text limits that the
 * sidebar's rules, the protocol and the stored files all check. Pure (no VS Code, no Node), so the
 * stored-file schemas, the protocol and the tests read the same names.
 *
 * How much Two Hats agrees to read from a file (a note, an import) is in `fileLimits.ts`, beside
 * the sentences that refuse it.
 */

// ---- The data folder (workspace storage, or `NO_FOLDER_DATA` in global storage) ----

export const TEAM_FILE = 'team.json';
export const DELEGATION_FILE = 'delegation.json';
export const SIDEBAR_DRAFT_FILE = 'sidebar-draft.json';
/** A cache of what every note says, rebuilt from the notes when it is missing or damaged. */
export const NOTE_INDEX_FILE = 'notes-index.json';
/**
 * The full-text index of every note's words and text, for search: a cache like the note index,
 * rebuilt from the notes when missing, damaged, of another version or behind them. Never backed up.
 */
export const SEARCH_INDEX_FILE = 'search-index.json';
export const NOTES_FOLDER = 'notes';
const NOTE_BODY_SUFFIX = '.md';
const NOTE_HEADER_SUFFIX = '.header.json';
/** The data folder's lock, taken by every window before it changes or cleans up a file. */
export const LOCK_FILE = '.two-hats.lock';
/**
 * Encrypted at rest (issue 14): the data key wrapped by the passphrase, kept beside the data and
 * stored as it is (never through the codec). Its presence is what says the folder is encrypted.
 */
export const ENCRYPTION_KEY_FILE = 'encryption-key.json';
/** Exists exactly while a folder is being converted to or from encryption (conversionJournal.ts). */
export const ENCRYPTION_JOURNAL_FILE = 'encryption-journal.json';
/**
 * Exists from the start of Encrypt My Notes until the workspace's older backup folders are
 * encrypted too (otherBackupsPending.ts): a window killed in between finishes them at the next
 * open. Holds a schema version only, never a name or a path; never converted, never backed up.
 */
export const OTHER_BACKUPS_PENDING_FILE = 'encryption-older-backups-pending.json';
/** The JSON files a backup copies, beside the notes. */
export const BACKED_UP_FILES = [TEAM_FILE, DELEGATION_FILE] as const;
export type BackedUpFile = (typeof BACKED_UP_FILES)[number];

// ---- Global storage ----

/** The data folder when no folder is open and the user chose global storage. */
export const NO_FOLDER_DATA = 'no-folder';
/** One folder per workspace, named after a hash of its storage path, each laid out like the data folder. */
export const BACKUPS_FOLDER = 'backups';
export const BACKUP_MANIFEST_FILE = 'backup.json';
/** A backup folder's first copies of its note files, in one file (notePackFormat.ts); copies in `notes/` are newer. */
export const NOTE_PACK_FILE = 'notes.pack';
/**
 * The most note files one pack holds (a quarter of a million notes): bounds its index (a few
 * dozen megabytes at most), so a reader can refuse a larger one before allocating for it. A store
 * with more is backed up file by file beyond it.
 */
export const MAX_NOTE_PACK_ENTRIES = 500_000;
/** The longest note file name: an id of 64 characters and the header's suffix. */
export const MAX_NOTE_FILE_NAME_LENGTH = 64 + '.header.json'.length;

// ---- Ids ----

/** A day as Two Hats stores it (YYYY-MM-DD): the stored files' schemas and the sidebar's cached team. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const ID = '[\\w-]{1,64}';
/** Every id Two Hats stores (people, notes, items, goals, points): also what note file names start with. */
export const STORED_ID = new RegExp(`^${ID}$`);

export function isStoredId(text: string): boolean {
  return STORED_ID.test(text);
}

/** A step of the hand-over checklist (`why-this-person`): kept with an item, sent by the sidebar. */
export const STEP_ID = /^[a-z-]{1,64}$/;

/** The longest template id: a built-in one (`weekly`) or the user's own (`own-<slug of its file>`). */
export const TEMPLATE_ID_MAX_LENGTH = 64;
/** A 1:1 template, as each note's header, the note index and an export name it. */
export const TEMPLATE_ID = new RegExp(`^[a-z0-9-]{1,${TEMPLATE_ID_MAX_LENGTH}}$`);

// ---- Names of note files ----

/** A note's Markdown body: `notes/<id>.md`. */
export function noteBodyName(id: string): string {
  return `${id}${NOTE_BODY_SUFFIX}`;
}

/** A note's header, written once at creation: `notes/<id>.header.json`. */
export function noteHeaderName(id: string): string {
  return `${id}${NOTE_HEADER_SUFFIX}`;
}

const NOTE_BODY = new RegExp(`^(${ID})\\.md$`);
const NOTE_FILE = new RegExp(`^(${ID})(?:\\.md|\\.header\\.json)$`);

/** The note id of a body's file name, or undefined when the name is not one. */
export function noteIdOfBody(fileName: string): string | undefined {
  return NOTE_BODY.exec(fileName)?.[1];
}

/** The note id of a body's or a header's file name, or undefined when the name is neither. */
export function noteIdOfFile(fileName: string): string | undefined {
  return NOTE_FILE.exec(fileName)?.[1];
}

/** The header's file name's note id, or undefined when it is not a header. */
export function noteIdOfHeader(fileName: string): string | undefined {
  return fileName.endsWith(NOTE_HEADER_SUFFIX) ? fileName.slice(0, -NOTE_HEADER_SUFFIX.length) : undefined;
}

/** Every file of a note (body, header, originals kept beside it) starts with its id and a dot. */
export function isFileOfNote(fileName: string, id: string): boolean {
  return fileName.startsWith(`${id}.`);
}

/** The id a file in the notes folder belongs to, by that rule; undefined for a name with no dot. */
export function noteIdPrefixOf(fileName: string): string | undefined {
  const dot = fileName.indexOf('.');
  return dot < 0 ? undefined : fileName.slice(0, dot);
}

// ---- Names Two Hats gives files it moves or keeps aside ----

/** A timestamp safe in file names on every system. */
export function fileStamp(at: Date = new Date()): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** `team.json` set aside as damaged becomes `team.corrupt-<stamp>.json`, never overwritten. */
export function setAsideName(fileName: string, why: 'corrupt' | 'newer', stamp: string): string {
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : '';
  return `${base}.${why}-${stamp}${ext}`;
}

/** A note's original bytes, not valid UTF-8, kept before the editor's version replaces them. */
export function undecodableOriginalName(id: string, at: number): string {
  return `${id}.not-utf8-${at}.bak`;
}

const UNDECODABLE_ORIGINAL = new RegExp(`^(${ID})\\.not-utf8-\\d+\\.bak$`);

/** The note id of a kept original's file name, or undefined when the name is not one. */
export function noteIdOfUndecodableOriginal(fileName: string): string | undefined {
  return UNDECODABLE_ORIGINAL.exec(fileName)?.[1];
}

/** A backup's copy of a file set aside in the data folder, kept as the last good version. */
export function keptBeforeSetAsideName(fileName: string, stamp: string): string {
  return fileName.replace(/\.json$/, `.before-set-aside-${stamp}.json`);
}

/** `<name>.<pid>-<random>.tmp`; before the pid was part of it, `<name>.<random>.tmp`. */
export const TEMP_TAIL = /\.(?:(\d+)-)?[0-9a-f]{12}\.tmp$/;

/** A temporary file beside `fileName`, named after the writing process so other windows can tell it is in use. */
export function tempName(fileName: string, pid: number, randomHex12: string): string {
  return `${fileName}.${pid}-${randomHex12}.tmp`;
}

// ---- Keys in VS Code's own state (Memento) ----

/** Every key starts with this, so Delete All My Data can find them all. */
export const MEMENTO_PREFIX = 'twoHats.';

/** The keychain (SecretStorage) entry of a data key: this prefix and the key's id in hex. */
export const DATA_KEY_SECRET_PREFIX = 'twoHats.dataKey.';

export const MEMENTO_KEYS = {
  /** workspaceState: the template last used per person. */
  lastTemplate: 'twoHats.lastTemplate.v1',
  /** workspaceState: the day the due reminder last showed. */
  lastDueReminder: 'twoHats.lastDueReminder.v1',
  /** workspaceState: the week whose delegation self-check is done. */
  selfCheckDoneForWeek: 'twoHats.selfCheckDoneForWeek.v1',
  /** workspaceState: what the user allowed Two Hats to read in this workspace. */
  consents: 'twoHats.consents.v1',
  /** workspaceState: the user declined restoring a backup into this workspace. */
  restoreDeclined: 'twoHats.restoreDeclined.v1',
  /** workspaceState: the team as the sidebar last showed it, for a fresh window's first paint. */
  sidebarTeam: 'twoHats.sidebarTeam.v1',
  /**
   * workspaceState: the same while the data is encrypted, sealed with the data key (an envelope,
   * base64): a fresh window opens it with the key from the keychain, before the data is read.
   */
  sidebarTeamSealed: 'twoHats.sidebarTeamSealed.v1',
  /** globalState: the hat the lead wears now. */
  hat: 'twoHats.hat.v1',
  /** globalState: whether presenting mode is on. */
  presenting: 'twoHats.presenting.v1',
} as const;

// ---- Text limits ----

/**
 * A person's name, in characters once normalized (see `normalizeName`). The sidebar's rule says
 * so in a sentence; the team file holds nothing longer.
 */
export const PERSON_NAME_MAX_LENGTH = 80;
/** A person's role or team, once trimmed. */
export const PERSON_ROLE_MAX_LENGTH = 120;
/**
 * How much of an open action item's (or a goal score's) text the note index keeps. A longer item
 * is still ticked: it is recognized by its line and this much of its text (see `setActionItemDone`).
 */
export const INDEXED_ITEM_TEXT_MAX_LENGTH = 2000;
/** A delegation item's title. */
export const DELEGATION_TITLE_MAX_LENGTH = 200;
/** A note on a step taken in a delegation item. */
export const STEP_NOTE_MAX_LENGTH = 1000;
/** A growth goal's text. */
export const GOAL_MAX_LENGTH = 200;
/** A queued talking point. */
export const TALKING_POINT_MAX_LENGTH = 500;
/**
 * A note's title as its header, the note index and an export keep it: made from a person's name,
 * a date and a template's title, so there is no rule to type against, only this bound.
 */
export const STORED_NOTE_TITLE_MAX_LENGTH = 400;

/**
 * The bound the protocol puts on text as typed, for a limit that applies once it is normalized:
 * runs of spaces collapse, so what arrives may be longer than the limit and still fit. A multiple
 * of the limit, not a limit of its own: over-long text still reaches the rule that says why it is
 * refused, and only abuse stops at the boundary.
 */
export function asTypedBound(limit: number): number {
  return limit * 4;
}

/**
 * The bound a stored file puts on the same text: wider than the rule, never narrower than what
 * earlier versions accepted (400 for a name, 600 for a role), so a team file written before the
 * limits were unified is read, not set aside with the whole team in it.
 */
export function asStoredBound(limit: number): number {
  return limit * 5;
}

/**
 * Text cut to a stored bound, ending in "…" when cut, so that text rewritten after it was checked
 * (a name erased, a title composed) never makes its file one the reader sets aside. Never splits a
 * character made of two UTF-16 units.
 */
export function clippedTo(bound: number, text: string): string {
  if (text.length <= bound) {
    return text;
  }
  if (bound < 1) {
    return '';
  }
  const last = text.charCodeAt(bound - 2);
  const endsInHalfACharacter = last >= 0xd800 && last <= 0xdbff;
  return `${text.slice(0, endsInHalfACharacter ? bound - 2 : bound - 1)}…`;
}
