/**
 * Errors whose message Two Hats wrote itself, in words safe to show in a notification. Other
 * errors may carry a path under the user's home folder (a disk error names its file) or text
 * from a note, so their message stays in the log.
 */
const ownSentences = new WeakSet<Error>();

/** Marks `error` as carrying one of Two Hats' own sentences, and returns it for a `throw`. */
export function withOwnSentence<E extends Error>(error: E): E {
  ownSentences.add(error);
  return error;
}

export function hasOwnSentence(error: unknown): error is Error {
  return error instanceof Error && ownSentences.has(error);
}
