/**
 * The one place that builds webview HTML. Strict CSP: nothing loads unless it ships with the
 * extension, scripts run only with this render's nonce, and there are no inline handlers or styles.
 * Free of `vscode` so the page and its policy can be checked by plain unit tests.
 */
import { randomBytes } from 'node:crypto';
import * as l10n from '../../shared/l10n';
import type { Snapshot } from '../../shared/protocol';

/** 128 bits from the OS's CSPRNG, fresh for every render so a leaked page cannot be replayed. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
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
}

/** Escapes a value for a double-quoted HTML attribute. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The icon font is preloaded: the workbench shows the page at its load event (or 200 ms after its
 * DOMContentLoaded), and a font first asked for by the first paint would hold that event back.
 *
 * `openingSnapshot`, when given, rides in the page (an escaped attribute, read by the script, never
 * run): the first paint then needs no message, and no message the workbench may drop or delay.
 */
export function buildSidebarHtml(resources: WebviewResources, nonce = createNonce(), translation = l10n.activeBundle(), openingSnapshot?: Snapshot): string {
  const csp = contentSecurityPolicy(resources.cspSource, nonce);
  const asset = (...parts: string[]) => attribute(resources.asset(...parts));
  return `<!DOCTYPE html>
<html lang="${attribute(translation.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="preload" href="${asset('dist', 'webview', 'codicon.ttf')}" as="font" type="font/ttf" crossorigin>
<link rel="stylesheet" href="${asset('dist', 'webview', 'codicon.css')}">
<link rel="stylesheet" href="${asset('media', 'sidebar.css')}">
<title>Two Hats</title>
</head>
<body>
<main id="app" aria-live="polite" aria-busy="true" data-l10n="${attribute(JSON.stringify(translation.bundle ?? {}))}"${openingSnapshot ? ` data-snapshot="${attribute(JSON.stringify(openingSnapshot))}"` : ''}></main>
<script nonce="${attribute(nonce)}" src="${asset('dist', 'webview', 'sidebar.js')}"></script>
</body>
</html>`;
}
