/**
 * The user's own 1:1 templates: Markdown files in a folder they choose, with the same
 * {{variables}} as the built-in ones. Templates are not private, so a note saved as a template
 * leaves its private section and the person's name behind.
 */
import { PRIVATE_HEADING, TEMPLATE_VARIABLES, shareableAgenda } from './templates';

export const OWN_TEMPLATE_PREFIX = 'own-';
/** Enough for any real template; a bigger file in the folder is probably not one. */
export const OWN_TEMPLATE_MAX_BYTES = 256 * 1024;

export interface OwnTemplate {
  readonly id: string;
  readonly title: string;
  readonly fileName: string;
  readonly markdown: string;
}

/** A stable id from the file name: `Quarterly review.md` is `own-quarterly-review`. */
export function ownTemplateId(fileName: string): string | undefined {
  const slug = fileName
    .replace(/\.md$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 64 - OWN_TEMPLATE_PREFIX.length);
  return slug ? `${OWN_TEMPLATE_PREFIX}${slug}` : undefined;
}

export function ownTemplateTitle(fileName: string): string {
  return fileName.replace(/\.md$/i, '').trim() || fileName;
}

/** {{names}} in a template that Two Hats does not fill; they stay in the note as written. */
export function unknownVariables(markdown: string): string[] {
  const known = new Set<string>(TEMPLATE_VARIABLES);
  const unknown = new Set<string>();
  for (const match of markdown.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)) {
    if (!known.has(match[1]!)) {
      unknown.add(match[1]!);
    }
  }
  return [...unknown];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A note turned into a template: the private section emptied, the person's name and the date
 * turned back into {{person}} and {{date}}, answers to the check-in and goal scores cleared.
 */
export function noteAsTemplate(note: string, person: string, date: string): string {
  let text = shareableAgenda(note).trimEnd();
  if (person.trim()) {
    text = text.replace(new RegExp(escapeRegExp(person), 'g'), '{{person}}');
  }
  text = text.replace(new RegExp(escapeRegExp(date), 'g'), '{{date}}');
  text = text.replace(/^([^\S\n\r\u2028\u2029]*(?:[-*+]\s+)?check-in:\s*)(?:10|[1-9])(\s*\/\s*10)/gim, '$1$2');
  text = text.replace(/(progress:\s*)(?:10|[1-9])(\s*\/\s*10)/gi, '$1$2');
  return `${text}\n\n## ${PRIVATE_HEADING}\n\n<!-- Only you see this section. It is left out when you copy or export the agenda. -->\n`;
}

export function templateFileNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) {
    return 'Give the template a name.';
  }
  if (trimmed.length > 80) {
    return 'Keep the name under 80 characters.';
  }
  if (/[\\/:*?"<>|\p{Cc}]/u.test(trimmed) || trimmed.startsWith('.')) {
    return 'Use letters, numbers, spaces and dashes; no slashes or dots at the start.';
  }
  if (!ownTemplateId(trimmed)) {
    return 'Use at least one letter or number.';
  }
  return undefined;
}
