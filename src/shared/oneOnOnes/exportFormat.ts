/**
 * Notes exported as plain Markdown files, one per note, each opening with a small header that
 * says whose note it is, so that importing the folder brings every note back as it was.
 */
import * as z from 'zod/mini';
import { withoutLocalFileLinks } from '../codeReferences';
import * as l10n from '../l10n';
import { asStoredBound, PERSON_NAME_MAX_LENGTH, STORED_NOTE_TITLE_MAX_LENGTH } from '../storageLayout';
import { isoDay, storedId, templateId } from '../storedCommon';
import type { NoteHeader } from './noteIndex';
import { shareableAgenda } from './privacy';

export const EXPORT_FORMAT_VERSION = 1;
const FENCE = '---';

const exportHeader = z.object({
  'two-hats-export': z.literal(EXPORT_FORMAT_VERSION),
  id: storedId,
  personId: storedId,
  person: z.string().check(z.minLength(1), z.maxLength(asStoredBound(PERSON_NAME_MAX_LENGTH))),
  date: isoDay,
  templateId,
  title: z.string().check(z.maxLength(STORED_NOTE_TITLE_MAX_LENGTH)),
  createdAt: z.number(),
  private: z.enum(['included', 'left-out']),
});

export interface ExportedNote {
  readonly header: NoteHeader;
  readonly person: string;
  readonly privateIncluded: boolean;
  readonly content: string;
}

/**
 * Names Windows reserves for devices, whatever follows the first dot (`nul.txt`, `com1.tar.md`)
 * and with trailing dots or spaces ignored, as Windows ignores them. The superscript digits are
 * reserved too.
 */
const RESERVED_ON_WINDOWS = /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/i;
const NAME_MAX_CHARS = 80;

/** Whether Windows would take `segment` (one file or folder name) for a device. */
export function isReservedOnWindows(segment: string): boolean {
  // The part before the first dot holds no dot; its trailing spaces are ignored, as Windows does.
  const stem = segment.split('.')[0]!.trimEnd();
  return RESERVED_ON_WINDOWS.test(stem);
}

/** A name that is safe as a file or folder name on every system. */
export function safeFileName(text: string, fallback: string): string {
  const spaced = text
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+/, '')
    .slice(0, NAME_MAX_CHARS);
  // Trailing dots and spaces trimmed by hand (after the cut, which may leave one): /[.\s]+$/
  // rescans a long run of them at every start.
  let end = spaced.length;
  while (end > 0 && (spaced[end - 1] === '.' || spaced[end - 1] === ' ')) {
    end--;
  }
  const cleaned = spaced.slice(0, end);
  return cleaned === '' || isReservedOnWindows(cleaned) ? fallback : cleaned;
}

/**
 * Hands out export paths that no other note in the same export has: compared without regard to
 * case or Unicode form, as Windows and macOS compare names, and told apart by `-2`, `-3`…
 */
export class ExportNames {
  private readonly taken = new Set<string>();

  claim(path: string): string {
    const dot = path.lastIndexOf('.');
    const [stem, ext] = dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? path : `${stem}-${n}${ext}`;
      const key = candidate.normalize('NFC').toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}

/** The export of one note: where it goes in the export folder (`/`-separated) and its text. */
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
  const template = safeFileName(header.title.split(' · ').at(-1) ?? '', safeFileName(header.templateId, 'note'));
  // The id's start helps a reader tell two notes of a day apart; `ExportNames` makes names unique.
  const file = [safeFileName(header.date, 'undated'), template, safeFileName(header.id.slice(0, 8), '')].filter(Boolean).join(' ');
  return {
    path: `${safeFileName(person, safeFileName(header.personId, 'person'))}/${file}.md`,
    text: `${FENCE}\n${lines.join('\n')}\n${FENCE}\n${body}`,
  };
}

export type ParsedExport = { ok: true; note: ExportedNote } | { ok: false; reason: string };

export function parseExportedNote(text: string): ParsedExport {
  const normalized = text.replace(/^\uFEFF/, '');
  if (!normalized.startsWith(`${FENCE}\n`) && !normalized.startsWith(`${FENCE}\r\n`)) {
    return { ok: false, reason: l10n.t('it has no Two Hats export header') };
  }
  const end = normalized.search(/\r?\n---\r?\n/);
  if (end < 0) {
    return { ok: false, reason: l10n.t('its header is not closed') };
  }
  const fields: Record<string, unknown> = {};
  for (const line of normalized.slice(normalized.indexOf('\n') + 1, end).split(/\r?\n/)) {
    // The s flag: JSON.stringify leaves U+2028 and U+2029 in a value as they are.
    const match = /^([a-z-]+):\s(.*)$/is.exec(line);
    if (!match) {
      return { ok: false, reason: l10n.t('its header has a line Two Hats cannot read: {0}', line.slice(0, 60)) };
    }
    try {
      fields[match[1]!] = JSON.parse(match[2]!);
    } catch {
      return { ok: false, reason: l10n.t('its header value for {0} is not readable', match[1]!) };
    }
  }
  const parsed = exportHeader.safeParse(fields);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: l10n.t('its header does not match ({0}: {1})', String(first?.path.join('.')), String(first?.message)) };
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
