/**
 * Turning encryption on or off converts the data folder file by file, and a crash may stop it
 * at any point. The rules that keep every file readable, in its old form or its new one, and let
 * the next start finish the job:
 *
 * - Each file is replaced atomically (temporary file, then rename), so it is whole in one form
 *   or the other. Converting a file is idempotent: a file already in the target form is skipped,
 *   so redoing work after a crash is harmless.
 * - A journal file (direction, key id, a cursor over the sorted file names) exists for exactly
 *   as long as files may be mixed. While it exists readers accept both forms; without it they
 *   accept only the one form the key file says (plain files are refused once encrypted, and the
 *   other way round), so a plain file slipped into an encrypted folder is noticed.
 * - Encrypting: journal, then key file, then files, then the journal goes. A crash before the
 *   key file exists leaves nothing encrypted, and the next start drops the journal (there is no
 *   passphrase-wrapped key yet, so it cannot go on). After it, the next start resumes once the
 *   key is at hand (keychain or passphrase).
 * - Decrypting: journal, then files, then the key file goes, then the journal. The key file stays
 *   until no file needs it.
 * - Files go in batches: a batch is read, converted and written together (each file still
 *   atomically, flushed before its rename), the renames are made durable (`filesReplaced`), and
 *   only then does the cursor move past the batch, once. A kill mid-batch leaves some of its files
 *   converted and the cursor before them all: the next run redoes the batch, skipping what is done.
 *   The cursor only saves re-reading files already done, but it must never pass a file whose new
 *   form could still be lost: a decryption that believed it would remove the key that file needs.
 *
 * Pure: the file system comes in as `ConversionIo`, which the host implements over the data
 * folder's one place for bytes, and which the unit tests implement in memory with a kill switch.
 */
import * as z from 'zod/mini';
import { parseVersionedJson } from '../versionedFile';
import { isSetAsideName } from './logicalNames';

export type ConversionDirection = 'encrypt' | 'decrypt';
export type StoredForm = 'plain' | 'encrypted';
export const JOURNAL_SCHEMA_VERSION = 1;
/** How many files are converted together, between two writes of the cursor. */
export const DEFAULT_JOURNAL_EVERY = 50;

const journalSchema = z.object({
  schemaVersion: z.literal(JOURNAL_SCHEMA_VERSION),
  direction: z.enum(['encrypt', 'decrypt']),
  keyId: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  /** Every file whose name sorts at or before this one is done; `null` before the first. */
  doneThrough: z.nullable(z.string().check(z.maxLength(4096))),
});
export type ConversionJournal = z.infer<typeof journalSchema>;

export function serializeJournal(journal: ConversionJournal): string {
  return `${JSON.stringify(journal, null, 2)}\n`;
}

export function parseJournal(text: string): ConversionJournal | undefined {
  const parsed = parseVersionedJson(text, JOURNAL_SCHEMA_VERSION, journalSchema);
  return parsed.ok ? parsed.value : undefined;
}

/** The form to write a file in now. */
export function formToWrite(journal: ConversionJournal | undefined, keyfileExists: boolean): StoredForm {
  if (journal?.direction === 'decrypt') {
    return 'plain';
  }
  // Encrypting but the key file not yet written: a crash now drops the journal, and a file
  // encrypted meanwhile would be readable through the keychain only.
  return keyfileExists ? 'encrypted' : 'plain';
}

/** The forms a file may be found in now; any other is refused (and reported) by the reader. */
export function formsToAccept(journal: ConversionJournal | undefined, keyfileExists: boolean): readonly StoredForm[] {
  if (journal) {
    return ['plain', 'encrypted'];
  }
  return keyfileExists ? ['encrypted'] : ['plain'];
}

/** What one file's conversion gives: new bytes, or why the file stays as it is. */
export type Converted = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** The data folder, as the conversion sees it. Every write is atomic. */
export interface ConversionIo {
  /** The logical names of every data file (not the journal, not the key file). */
  listFiles(): Promise<string[]>;
  /** `undefined` when the file is gone (deleted meanwhile). */
  readFile(name: string): Promise<Uint8Array | undefined>;
  replaceFile(name: string, bytes: Uint8Array): Promise<void>;
  /** After a batch of `replaceFile`s: their renames made durable, before the cursor passes them. */
  filesReplaced?(): Promise<void>;
  readJournal(): Promise<string | undefined>;
  writeJournal(text: string): Promise<void>;
  removeJournal(): Promise<void>;
  keyfileExists(): Promise<boolean>;
  /** Encrypting: writes the key file the host prepared (the data key wrapped by the passphrase). */
  writeKeyfile(): Promise<void>;
  removeKeyfile(): Promise<void>;
  formOf(bytes: Uint8Array): StoredForm;
  /**
   * A cache (the note index, the search index): rebuilt from the notes when missing, so one that
   * cannot be converted is deleted with `removeFile` rather than left in its old form.
   */
  isCache?(name: string): boolean;
  removeFile?(name: string): Promise<void>;
  /** Encrypts or decrypts one file; needs the unlocked key. */
  convert(name: string, bytes: Uint8Array, direction: ConversionDirection): Converted;
}

export type ConversionOutcome = {
  /** `abandoned`: an encryption that stopped before its key file existed; nothing was encrypted. */
  outcome: 'finished' | 'abandoned' | 'nothingToDo';
  direction?: ConversionDirection;
  converted: number;
  /** Files left as they were, with why (damaged, encrypted with another key): report them. */
  skipped: { name: string; reason: string }[];
  /**
   * Copies Two Hats had already set aside as damaged that could not be converted either: reported,
   * but they hold nothing back. They are never read again, so waiting for them would block the
   * conversion (and keep the folder accepting both forms) for good.
   */
  setAside: { name: string; reason: string }[];
  /** Caches that could not be converted, deleted (rebuilt from the notes): never left in the old form. */
  cachesDropped?: number;
};

/** Marks a cache file to delete: it cannot be converted. */
const CACHE_DROPPED: Converted = { ok: false, reason: 'cache dropped' };

/** Told after every batch: files looked at so far, of how many this run looks at. */
export type ConversionProgress = (done: number, total: number) => void;

/**
 * Every task run to its end before the first failure is thrown: a batch cut short by a failure
 * leaves no write still under way behind the run (the caller may reopen the folder meanwhile).
 */
async function allSettled<T>(tasks: readonly (Promise<T> | undefined)[]): Promise<(T | undefined)[]> {
  const settled = await Promise.allSettled(tasks.map((task) => task ?? Promise.resolve(undefined)));
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    throw failed.reason;
  }
  return settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined));
}

/** Encrypt My Notes, after the key is held and the key file prepared. */
export async function startEncrypting(io: ConversionIo, keyId: string, journalEvery = DEFAULT_JOURNAL_EVERY): Promise<ConversionOutcome> {
  await io.writeJournal(serializeJournal({ schemaVersion: JOURNAL_SCHEMA_VERSION, direction: 'encrypt', keyId, doneThrough: null }));
  await io.writeKeyfile();
  return resumeConversion(io, journalEvery);
}

/** Decrypt My Notes, while unlocked. */
export async function startDecrypting(io: ConversionIo, keyId: string, journalEvery = DEFAULT_JOURNAL_EVERY): Promise<ConversionOutcome> {
  await io.writeJournal(serializeJournal({ schemaVersion: JOURNAL_SCHEMA_VERSION, direction: 'decrypt', keyId, doneThrough: null }));
  return resumeConversion(io, journalEvery);
}

/**
 * At start, and to carry out a conversion begun above: finishes whatever the journal says.
 * A damaged journal is read as the direction the key file implies; either way every file stays
 * readable with the key.
 */
export async function resumeConversion(io: ConversionIo, journalEvery = DEFAULT_JOURNAL_EVERY, report?: ConversionProgress): Promise<ConversionOutcome> {
  const text = await io.readJournal();
  if (text === undefined) {
    return { outcome: 'nothingToDo', converted: 0, skipped: [], setAside: [] };
  }
  const keyfileExists = await io.keyfileExists();
  const parsed = parseJournal(text);
  if (parsed?.direction === 'encrypt' && !keyfileExists) {
    await io.removeJournal();
    return { outcome: 'abandoned', direction: 'encrypt', converted: 0, skipped: [], setAside: [] };
  }
  const journal: ConversionJournal = parsed ?? {
    schemaVersion: JOURNAL_SCHEMA_VERSION,
    direction: keyfileExists ? 'encrypt' : 'decrypt',
    keyId: '0000000000000000',
    doneThrough: null,
  };
  const target: StoredForm = journal.direction === 'encrypt' ? 'encrypted' : 'plain';
  const names = (await io.listFiles()).sort().filter((name) => journal.doneThrough === null || name > journal.doneThrough);
  const skipped: ConversionOutcome['skipped'] = [];
  const setAside: ConversionOutcome['setAside'] = [];
  let converted = 0;
  let cachesDropped = 0;
  const isCache = (name: string) => io.removeFile !== undefined && io.isCache?.(name) === true;
  // Once a file could not be converted, the journal's cursor stays before it: the next run must
  // see it again, not take it for done (it would then remove the key it still needs).
  let cursorHeld = false;
  for (let start = 0; start < names.length; start += journalEvery) {
    const batch = names.slice(start, start + journalEvery);
    const stored = await allSettled(batch.map((name) => io.readFile(name)));
    const results = batch.map((name, i) => {
      const bytes = stored[i];
      if (bytes === undefined) {
        return undefined;
      }
      const result = io.formOf(bytes) === target ? undefined : io.convert(name, bytes, journal.direction);
      // A cache that fails to convert, or only looks encrypted (a torn or garbled file beginning
      // like an envelope, its words in plain after it), is deleted: left, it would keep note words
      // in the clear after Encrypt My Notes, or hold a decryption back for good.
      if (isCache(name) && (result ? !result.ok : target === 'encrypted' && !io.convert(name, bytes, 'decrypt').ok)) {
        return CACHE_DROPPED;
      }
      return result;
    });
    await allSettled(batch.map((name, i) => {
      const result = results[i];
      return result === CACHE_DROPPED ? io.removeFile?.(name) : result?.ok ? io.replaceFile(name, result.bytes) : undefined;
    }));
    await io.filesReplaced?.();
    batch.forEach((name, i) => {
      const result = results[i];
      if (result === CACHE_DROPPED) {
        cachesDropped++;
      } else if (result?.ok) {
        converted++;
      } else if (result && isSetAsideName(name)) {
        setAside.push({ name, reason: result.reason });
      } else if (result) {
        skipped.push({ name, reason: result.reason });
        cursorHeld = true;
      }
      if (!cursorHeld) {
        journal.doneThrough = name;
      }
    });
    // After the last batch the journal goes, or is written below: no cursor to keep.
    if (start + journalEvery < names.length) {
      await io.writeJournal(serializeJournal(journal));
    }
    report?.(start + batch.length, names.length);
  }
  if (journal.direction === 'decrypt' && skipped.length === 0 && keyfileExists) {
    await io.removeKeyfile();
  }
  // A conversion that had to leave files behind keeps its journal (and a decryption its key
  // file): both forms stay readable meanwhile, and the next start tries those files again. An
  // encryption that dropped its journal here would leave plain files the folder then refuses.
  if (skipped.length === 0) {
    await io.removeJournal();
  } else {
    await io.writeJournal(serializeJournal(journal));
  }
  return { outcome: 'finished', direction: journal.direction, converted, skipped, setAside, ...(cachesDropped > 0 ? { cachesDropped } : {}) };
}

