/**
 * The one place markup enters the sidebar's DOM. Markdown from notes is untrusted: raw HTML in it
 * is shown as the text it is (so a stray `<style>` cannot swallow the rest of a note), marked
 * turns the Markdown into HTML, DOMPurify keeps only plain formatting, and the CSP stands behind
 * all three. No images, SVG, forms, frames or styles; links are shown, never followed.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html: ({ text }) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!),
  },
});

const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code',
  'ul', 'ol', 'li', 'strong', 'em', 'del', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input',
];

export function renderMarkdownInto(container: HTMLElement, markdown: string): void {
  const html = marked.parse(markdown, { async: false });
  const clean = DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'type', 'checked', 'disabled'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
    RETURN_DOM_FRAGMENT: true,
  });
  // Links are shown, never followed: the webview host would open a clicked link in the browser,
  // which is a request leaving the machine. The address stays visible as the link's tooltip.
  clean.querySelectorAll('a').forEach((link) => {
    const href = link.getAttribute('href');
    link.removeAttribute('href');
    if (href) {
      link.setAttribute('title', href);
    }
  });
  // Task-list checkboxes are for reading here; they are ticked from the person's row instead.
  clean.querySelectorAll('input').forEach((input) => {
    if (input.getAttribute('type') !== 'checkbox') {
      input.remove();
    } else {
      input.setAttribute('disabled', '');
    }
  });
  container.replaceChildren(clean);
}
