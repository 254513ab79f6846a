/**
 * The user's own 1:1 templates: Markdown files in a folder they choose, with the same
 * {{variables}} as the built-in ones. Templates are not private (they may be committed), so a
 * note saved as a template keeps its structure only: no private part, no name, no answers.
 */
import * as l10n from '../l10n';
import type { Token, Tokens } from 'marked';
import { PRIVATE_HEADING, shareableAgenda, topLevelBlocks } from './privacy';
import { TEMPLATE_ID_MAX_LENGTH } from '../storageLayout';
import { TEMPLATE_VARIABLES, type TemplateVariable } from './templates';

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
    .slice(0, TEMPLATE_ID_MAX_LENGTH - OWN_TEMPLATE_PREFIX.length);
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

/** Sections Two Hats fills from what carries over; a template keeps their variable, not their content. */
const CARRIED_SECTIONS: readonly { readonly heading: RegExp; readonly variable: TemplateVariable }[] = [
  { heading: /^follow-?ups?\b/i, variable: 'openActionItems' },
  { heading: /^talking points?\b/i, variable: 'talkingPoints' },
  { heading: /^(?:growth|growing)\b/i, variable: 'goals' },
  { heading: /^delegat(?:ed|ion)\b/i, variable: 'delegationCheckIns' },
];

/** A line break, or the U+2028 that topLevelBlocks folds plain lines with. */
const FOLDED_LINE = /\n|\u2028/;
const VARIABLE = /\{\{\s*[a-z]+\s*\}\}/i;
const CHECK_IN = /^\s*(?:[-*+]\s+)?check-in:/i;
const EMPTY_TASK = /^\s*[-*+]\s+\[[ x]\]\s*$/i;

/** The lines of a block that are template, not conversation. */
function keptLines(block: Token): string[] {
  if (block.type === 'blockquote') {
    // Only the quoted lines: a lazy line typed right under a prompt is an answer.
    return block.raw.split(FOLDED_LINE).filter((line) => /^ {0,3}>/.test(line));
  }
  if (block.type === 'html') {
    const end = block.raw.lastIndexOf('-->');
    return /^\s*<!--/.test(block.raw) && end >= 0 ? block.raw.slice(0, end + 3).split(FOLDED_LINE) : [];
  }
  if (block.type === 'code') {
    return [];
  }
  return block.raw.split(FOLDED_LINE).flatMap((line) => {
    if (CHECK_IN.test(line)) {
      const label = /check-in:/i.exec(line)!;
      return [`${line.slice(0, label.index + label[0].length)} /10`];
    }
    if (EMPTY_TASK.test(line)) {
      return ['- [ ] '];
    }
    return VARIABLE.test(line) ? [line] : [];
  });
}

/** One kept line, with the person's name, first name, @mentions and the date taken out. */
function scrubbed(line: string, names: readonly string[], date: string): string {
  let text = line;
  for (const name of names) {
    text = text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu'), '{{person}}');
  }
  text = text.replace(/(?:^|(?<=\s))@[\p{L}\p{N}_.-]+/gu, '');
  return date ? text.split(date).join('{{date}}') : text;
}

/**
 * A note turned into a template: its structure without the conversation. Headings, `> prompts`,
 * HTML comments, `{{variables}}` and the check-in line (score cleared) stay; every other line the
 * user typed goes, and the carried sections get their variable back. The private part goes as a
 * whole; an empty private heading closes the template, as in the built-in ones.
 */
export function noteAsTemplate(note: string, person: string, date: string): string {
  const fullName = person.trim();
  const names = [fullName, ...fullName.split(/\s+/).filter((part) => part.length > 1)].filter((name) => name !== '');
  const out: string[] = [];
  let carried: TemplateVariable | undefined;
  const closeSection = () => {
    if (carried) {
      out.push('', `{{${carried}}}`, '');
      carried = undefined;
    }
  };
  // A note too hostile to read leaves nothing but the closing private heading.
  for (const block of topLevelBlocks(shareableAgenda(note)) ?? []) {
    if (block.type === 'heading') {
      closeSection();
      const heading = block as Tokens.Heading;
      out.push(`${'#'.repeat(heading.depth)} ${scrubbed(heading.text.split(FOLDED_LINE).map((part) => part.trim()).join(' '), names, date)}`, '');
      carried = CARRIED_SECTIONS.find((section) => section.heading.test(heading.text.trim()))?.variable;
      continue;
    }
    const text = keptLines(block).map((line) => scrubbed(line, names, date)).join('\n').trim();
    if (text && !(carried && text.includes(`{{${carried}}}`))) {
      out.push(text, '');
    }
  }
  closeSection();
  const body = out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return `${body}\n\n## ${PRIVATE_HEADING}\n\n<!-- Only you see this section. It is left out when you copy or export the agenda. -->\n`;
}

export function templateFileNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) {
    return l10n.t('Give the template a name.');
  }
  if (trimmed.length > 80) {
    return l10n.t('Keep the name under {0} characters.', 80);
  }
  if (/[\\/:*?"<>|\p{Cc}]/u.test(trimmed) || trimmed.startsWith('.')) {
    return l10n.t('Use letters, numbers, spaces and dashes; no slashes or dots at the start.');
  }
  if (!ownTemplateId(trimmed)) {
    return l10n.t('Use at least one letter or number.');
  }
  return undefined;
}
