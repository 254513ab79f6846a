/**
 * The sidebar's half-typed add or edit form on disk, so that it survives a window reload even
 * when VS Code's saved webview state does not. Read back through the same schema the webview's
 * messages are checked against.
 */
import * as z from 'zod/mini';
import { keptDraftSchema, type KeptDraft } from './protocol';
import { parseVersionedJson, type Parsed } from './versionedFile';

export const SIDEBAR_DRAFT_SCHEMA_VERSION = 1;

const fileV1 = z.object({ schemaVersion: z.literal(1), form: z.optional(keptDraftSchema) });

export function parseSidebarDraftFile(text: string): Parsed<KeptDraft | undefined> {
  const result = parseVersionedJson(text, SIDEBAR_DRAFT_SCHEMA_VERSION, fileV1);
  return result.ok ? { ok: true, value: result.value.form } : result;
}

export function serializeSidebarDraftFile(form: KeptDraft | undefined): string {
  return `${JSON.stringify({ schemaVersion: SIDEBAR_DRAFT_SCHEMA_VERSION, ...(form ? { form } : {}) }, null, 2)}\n`;
}
