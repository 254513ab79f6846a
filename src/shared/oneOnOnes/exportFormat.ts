/**
 * Notes exported as plain Markdown files, one per note, each opening with a small header that
 * says whose note it is, so that importing the folder brings every note back as it was.
 */
import * as z from 'zod/mini';
import { withoutLocalFileLinks } from '../codeReferences';
import { isoDay, storedId } from '../storedCommon';
import type { NoteHeader } from './noteIndex';
import { shareableAgenda } from './templates';

export const EXPORT_FORMAT_VERSION = 1;
const FENCE = '---';

const exportHeader = z.object({
  'two-hats-export': z.literal(EXPORT_FORMAT_VERSION),
  id: storedId,
  personId: storedId,
  person: z.string().check(z.minLength(1), z.maxLength(400)),
  date: isoDay,
  templateId: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  title: z.string().check(z.maxLength(400)),
  createdAt: z.number(),
  private: z.enum(['included', 'left-out']),
});

export interface ExportedNote {
  readonly header: NoteHeader;
  readonly person: string;
  readonly privateIncluded: boolean;
  readonly content: string;
}

/** A name that is safe as a file or folder name on every system. */
export function safeFileName(text: string, fallback: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, 80);
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) || cleaned === '' ? fallback : cleaned;
}

export function exportedNote(header: NoteHeader, person: string, content: string, includePrivate: boolean): { path: string; text: string } {
  const fields = {
    'two-hats-export': EXPORT_FORMAT_VERSION,
    id: header.id,
    personId: header.personId,
    person,
    date: header.date,
    templateId: header.templateId,
    title: header.title,
    createdAt: header.createdAt,
    private: includePrivate ? 'included' : 'left-out',
  };
  // One JSON value per line: any name or title survives the round trip exactly.
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  // Notes from before code references were relative may still link to local files.
  const body = withoutLocalFileLinks(includePrivate ? content : shareableAgenda(content));
  const template = safeFileName(header.title.split(' · ').at(-1) ?? '', header.templateId);
  return {
    path: `${safeFileName(person, header.personId)}/${header.date} ${template} ${header.id.slice(0, 8)}.md`,
    text: `${FENCE}\n${lines.join('\n')}\n${FENCE}\n${body}`,
  };
}

export type ParsedExport = { ok: true; note: ExportedNote } | { ok: false; reason: string };

export function parseExportedNote(text: string): ParsedExport {
  const normalized = text.replace(/^\uFEFF/, '');
  if (!normalized.startsWith(`${FENCE}\n`) && !normalized.startsWith(`${FENCE}\r\n`)) {
    return { ok: false, reason: 'it has no Two Hats export header' };
  }
  const end = normalized.search(/\r?\n---\r?\n/);
  if (end < 0) {
    return { ok: false, reason: 'its header is not closed' };
  }
  const fields: Record<string, unknown> = {};
  for (const line of normalized.slice(normalized.indexOf('\n') + 1, end).split(/\r?\n/)) {
    const match = /^([A-Za-z-]+):\s(.*)$/.exec(line);
    if (!match) {
      return { ok: false, reason: `its header has a line Two Hats cannot read: ${line.slice(0, 60)}` };
    }
    try {
      fields[match[1]!] = JSON.parse(match[2]!);
    } catch {
      return { ok: false, reason: `its header value for ${match[1]} is not readable` };
    }
  }
  const parsed = exportHeader.safeParse(fields);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: `its header does not match (${first?.path.join('.')}: ${first?.message})` };
  }
  const header = parsed.data;
  const content = normalized.slice(end).replace(/^\r?\n---\r?\n/, '');
  return {
    ok: true,
    note: {
      header: { id: header.id, personId: header.personId, date: header.date, templateId: header.templateId, title: header.title, createdAt: header.createdAt },
      person: header.person,
      privateIncluded: header.private === 'included',
      content,
    },
  };
}
