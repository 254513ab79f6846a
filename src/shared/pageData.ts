/**
 * The sidebar page's data blocks (JSON in `<script type="application/json">`, never run): written
 * by the host (src/host/sidebar/sidebarHtml.ts), read by the page's script (src/webview/main.ts).
 */
export const PAGE_DATA = {
  /** VS Code's display language's translations of the page's strings. */
  translations: 'two-hats-l10n',
  /** A fresh window's cached team, painted before any message arrives. */
  openingSnapshot: 'two-hats-snapshot',
} as const;
