/** A note's template title, apart from templates.ts so the sidebar's first page needs no Markdown parser. */
import { BUILT_IN_TEMPLATES } from './builtInTemplates';

/**
 * The title of the template a note was started from. An own template is not in this module, but
 * its title is the last part of the note's title (see compose.noteTitle).
 */
export function templateTitleOf(note: { readonly templateId: string; readonly title: string }): string {
  return BUILT_IN_TEMPLATES.find((t) => t.id === note.templateId)?.title ?? note.title.split(' · ').at(-1) ?? note.templateId;
}
