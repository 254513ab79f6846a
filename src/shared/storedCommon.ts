/** Schema pieces shared by the files Two Hats keeps in storage. */
import * as z from 'zod/mini';

export const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export const storedId = z.string().check(z.regex(/^[\w-]{1,64}$/));

/** A place in the code: a talking point or a delegation item made from a selection. */
export const codeReference = z.object({
  path: z.string().check(z.maxLength(2000)),
  startLine: z.int().check(z.positive()),
  endLine: z.int().check(z.positive()),
  commit: z.optional(z.string().check(z.regex(/^[0-9a-f]{7,64}$/))),
  uri: z.string().check(z.maxLength(4000)),
});
