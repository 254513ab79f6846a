/**
 * 1:1 templates: their shape, how one becomes a note's Markdown, and its {{variables}}. The
 * built-in ones are data, in builtInTemplates.ts (the place a translation replaces).
 */
import type { PrincipleId } from '../principles/catalogue';
import { BUILT_IN_TEMPLATES } from './builtInTemplates';
import { PRIVATE_HEADING } from './privacy';

export { BUILT_IN_TEMPLATES } from './builtInTemplates';
export { templateTitleOf } from './templateTitle';

// What is private is privacy.ts's to say; these were here first and are still imported from here.
export { PRIVATE_HEADING, shareableAgenda } from './privacy';

export interface TemplateSection {
  readonly heading: string;
  /** The principle this section puts into practice. */
  readonly principleId?: PrincipleId;
  /** A short, curated set of questions; more live in the template's question bank. */
  readonly questions: readonly string[];
  /** Markdown placed under the questions, variables allowed. */
  readonly body?: string;
}

export interface Template {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly sections: readonly TemplateSection[];
  /** "More questions", offered on demand rather than printed into every note. */
  readonly moreQuestions: readonly string[];
}

/** Variables a template may use; anything else in double braces is left as it is. */
export const TEMPLATE_VARIABLES = ['person', 'date', 'openActionItems', 'talkingPoints', 'delegationCheckIns', 'goals'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export function findTemplate(id: string): Template | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id);
}

/** The template as Markdown with its variables still in place. */
export function templateAsMarkdown(template: Template, principleTitle: (id: string) => string | undefined): string {
  const lines = [`# 1:1 with {{person}} · {{date}}`, '', `*${template.title}*`, ''];
  for (const section of template.sections) {
    lines.push(`## ${section.heading}`, '');
    const credit = section.principleId ? principleTitle(section.principleId) : undefined;
    if (credit) {
      lines.push(`<!-- Principle: ${credit} -->`);
    }
    for (const question of section.questions) {
      lines.push(`> ${question}`);
    }
    if (section.questions.length > 0 || credit) {
      lines.push('');
    }
    lines.push(section.body ?? '', '');
  }
  lines.push(`## ${PRIVATE_HEADING}`, '', '<!-- Only you see this section. It is left out when you copy or export the agenda. -->', '', '');
  return lines.join('\n');
}

export type TemplateValues = Partial<Record<TemplateVariable, string>>;

/**
 * Fills {{variables}}. Unknown names and missing values are left as written, so a typo in an own
 * template shows up in the note rather than silently vanishing.
 */
export function fillTemplate(markdown: string, values: TemplateValues): string {
  return markdown.replace(/\{\{\s*([A-Z]+)\s*\}\}/gi, (whole, name: string) => {
    const value = (TEMPLATE_VARIABLES as readonly string[]).includes(name) ? values[name as TemplateVariable] : undefined;
    return value ?? whole;
  });
}
