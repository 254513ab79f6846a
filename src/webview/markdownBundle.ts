/**
 * The sidebar's Markdown renderer (marked and DOMPurify, two thirds of the page's script) as a
 * script of its own, which the page loads after its first paint (lazyMarkdown.ts: why). It hands
 * its one function to the page by an event on the document: no global is left behind.
 */
import { MARKDOWN_LOADED_EVENT } from './lazyMarkdown';
import { renderMarkdownInto } from './markdown';

document.dispatchEvent(new CustomEvent(MARKDOWN_LOADED_EVENT, { detail: renderMarkdownInto }));
