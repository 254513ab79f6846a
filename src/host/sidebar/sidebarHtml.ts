/**
 * The one place that builds webview HTML. Strict CSP: nothing loads unless it ships with the
 * extension (the page's own script, stylesheets and icon font may ride in it), scripts and style
 * elements run only with this render's nonce, and there are no inline handlers or style attributes.
 * Free of `vscode` so the page and its policy can be checked by plain unit tests.
 */
import { randomBytes } from 'node:crypto';
import * as l10n from '../../shared/l10n';
import { PAGE_DATA } from '../../shared/pageData';
import type { Snapshot } from '../../shared/protocol';

/** 128 bits from the OS's CSPRNG, fresh for every render so a leaked page cannot be replayed. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/** `inlineFont`: the icon font rides in the page's stylesheet as a data: URL (see `buildSidebarHtml`). */
export function contentSecurityPolicy(cspSource: string, nonce: string, inlineFont = false): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}${inlineFont ? ' data:' : ''}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** What the page needs from the webview: its CSP source and URIs for the files it loads. */
export interface WebviewResources {
  readonly cspSource: string;
  /** The webview URI of a file shipped with the extension, by its path parts. */
  asset(...pathParts: string[]): string;
  /**
   * The bytes of a file shipped with the extension, to be put in the page itself; undefined when
   * they cannot be read, and the page then links the file.
   */
  read?(...pathParts: string[]): Uint8Array | undefined;
}

/** Escapes a value for a double-quoted HTML attribute. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The page's script, stylesheets and icon font, in the page itself where they can be read. Every
 * file a webview loads is a round trip through the workbench (in code-server, over the network)
 * started only once the page's service worker runs, and the workbench shows the page at its load
 * event (or 200 ms after its DOMContentLoaded), which waits for them: a fresh window's sidebar
 * waited 0.5 to 0.7 s for four files. Text that could close its own element is never put in the
 * page: the file is linked instead, as it is when it cannot be read.
 */
class PageFiles {
  /** The icon font as a data: URL, or undefined (then its file is linked and preloaded). */
  readonly font: string | undefined;

  constructor(
    private readonly resources: WebviewResources,
    private readonly nonce: string,
  ) {
    const font = resources.read?.('dist', 'webview', 'codicon.ttf');
    this.font = font === undefined ? undefined : `data:font/ttf;base64,${Buffer.from(font).toString('base64')}`;
  }

  /** The file's text, unless it holds one of `unsafe` (in any case). */
  private text(unsafe: readonly string[], parts: readonly string[]): string | undefined {
    const bytes = this.resources.read?.(...parts);
    const text = bytes === undefined ? undefined : new TextDecoder().decode(bytes);
    return text !== undefined && !unsafe.some((marker) => text.toLowerCase().includes(marker)) ? text : undefined;
  }

  link(...parts: string[]): string {
    return attribute(this.resources.asset(...parts));
  }

  /** A stylesheet; its relative URLs (the icon font's) point where they did from its file. */
  stylesheet(...parts: string[]): string {
    const folder = parts.slice(0, -1);
    const css = this.text(['</style'], parts)?.replace(/url\("\.\/([\w.-]+)"\)/g, (_, name: string) =>
      `url("${name === 'codicon.ttf' && this.font !== undefined ? this.font : this.resources.asset(...folder, name)}")`,
    );
    return css === undefined ? `<link rel="stylesheet" href="${this.link(...parts)}">` : `<style nonce="${attribute(this.nonce)}">${css}</style>`;
  }

  script(...parts: string[]): string {
    // `</script` would end the element early; `<script` after a `<!--` (DOMPurify's source has
    // those) would keep our closing tag from ending it, and the page would have no script.
    const js = this.text(['</script', '<script'], parts);
    return js === undefined ? `<script nonce="${attribute(this.nonce)}" src="${this.link(...parts)}"></script>` : `<script nonce="${attribute(this.nonce)}">${js}</script>`;
  }

  /**
   * A linked icon font is preloaded: a font first asked for by the first paint would hold the
   * load event back further.
   */
  fontPreload(): string {
    return this.font === undefined ? `<link rel="preload" href="${this.link('dist', 'webview', 'codicon.ttf')}" as="font" type="font/ttf" crossorigin>\n` : '';
  }
}

/**
 * `value` as a JSON data block: never run (not a script type), and with every `<` written as the
 * JSON escape \u003c, no text in it can end the element or open a comment, whatever a name holds.
 * Smaller and faster to parse than the same JSON escaped into an attribute (a quote is 6 bytes
 * there): a 200-person team's first page was 82 KB of attribute.
 */
function dataBlock(id: string, value: unknown, nonce: string): string {
  return `<script type="application/json" id="${id}" nonce="${attribute(nonce)}">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;
}

/**
 * `openingSnapshot`, when given, rides in the page (a data block, read by the script, never run):
 * the first paint then needs no message, and no message the workbench may drop or delay.
 */
export function buildSidebarHtml(resources: WebviewResources, nonce = createNonce(), translation = l10n.activeBundle(), openingSnapshot?: Snapshot): string {
  const files = new PageFiles(resources, nonce);
  const csp = contentSecurityPolicy(resources.cspSource, nonce, files.font !== undefined);
  return `<!DOCTYPE html>
<html lang="${attribute(translation.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${files.fontPreload()}${files.stylesheet('dist', 'webview', 'codicon.css')}
${files.stylesheet('media', 'sidebar.css')}
<title>Two Hats</title>
</head>
<body>
${dataBlock(PAGE_DATA.translations, translation.bundle ?? {}, nonce)}
${openingSnapshot ? `${dataBlock(PAGE_DATA.openingSnapshot, openingSnapshot, nonce)}\n` : ''}<main id="app" aria-live="polite" aria-busy="true" data-markdown="${files.link('dist', 'webview', 'markdown.js')}"></main>
${files.script('dist', 'webview', 'sidebar.js')}
</body>
</html>`;
}
