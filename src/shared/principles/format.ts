/** Principles as Markdown: to read in a preview, and to drop into a note at the cursor. */
import * as l10n from '../l10n';
import { PAIR_LABELS, SIDE_LABELS, type Principle } from './catalogue';
import { SOURCES } from './sources';

/** Escapes characters Markdown would treat as syntax, for text inserted into a document. */
function plain(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function principleAsMarkdown(principle: Principle): string {
  const lines = [
    `# ${plain(principle.title)}`,
    '',
    `*${plain(principle.summary)}*`,
    '',
    plain(principle.body),
    '',
  ];
  if (principle.quote) {
    lines.push(`> “${plain(principle.quote.text)}” — ${plain(principle.quote.by)}`, '');
  }
  lines.push('## Ask or try', '', ...principle.prompts.map((p) => `- ${plain(p)}`), '');
  lines.push(
    '---',
    '',
    `**Hat:** ${SIDE_LABELS[principle.side]}${principle.pair ? ` · **Kotter pair:** ${PAIR_LABELS[principle.pair]}` : ''}`,
    '',
    `**From:** *${plain(SOURCES[principle.source].title)}*, in Two Hats’ own words.`,
    '',
  );
  return lines.join('\n');
}

/** A question to drop into a note at the cursor, credited so the note says where it came from. */
export function promptForNote(principle: Principle, prompt: string): string {
  return `${prompt} *(${principle.title}, after “${SOURCES[principle.source].short}”)*`;
}

/**
 * A principle's lines in a picker. People remember a principle by who said it ("Drucker") or a
 * few words of the quote as often as by its title, so the quoted person goes in the description
 * and the quote in the detail, both of which the picker matches on.
 */
export function principlePickerText(principle: Principle): { label: string; description: string; detail: string } {
  const source = SOURCES[principle.source].short;
  const quote = principle.quote;
  return {
    label: principle.title,
    description: quote ? l10n.t('{0} · quoting {1}', source, quote.by) : source,
    detail: [principle.summary, principle.tags.join(', '), ...(quote ? [`“${quote.text}”`] : [])].join('  ·  '),
  };
}
