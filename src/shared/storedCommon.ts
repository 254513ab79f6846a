/** Schema pieces shared by the files Two Hats keeps in storage. */
import * as z from 'zod/mini';
import { CODE_FOLDER_MAX_LENGTH, CODE_PATH_MAX_LENGTH, migrateCodeReference } from './codeReferences';
import { ISO_DAY, STORED_ID, TEMPLATE_ID } from './storageLayout';

export const isoDay = z.string().check(z.regex(ISO_DAY));
export const storedId = z.string().check(z.regex(STORED_ID));
export const templateId = z.string().check(z.regex(TEMPLATE_ID));

/**
 * A place in the code: a talking point or a delegation item made from a selection. Older files
 * kept the absolute `uri`; it is read, turned into the relative form, and never kept.
 */
export const codeReference = z.pipe(
  z.object({
    folder: z.optional(z.string().check(z.minLength(1), z.maxLength(CODE_FOLDER_MAX_LENGTH))),
    path: z.string().check(z.minLength(1), z.maxLength(CODE_PATH_MAX_LENGTH)),
    startLine: z.int().check(z.positive()),
    endLine: z.int().check(z.positive()),
    commit: z.optional(z.string().check(z.regex(/^[0-9a-f]{7,64}$/))),
    pathLeftOut: z.optional(z.literal(true)),
    uri: z.optional(z.string().check(z.maxLength(4000))),
  }),
  z.transform(migrateCodeReference),
);
