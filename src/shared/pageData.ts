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

/**
 * How many people a long team's first paint shows: the rows in sight, and a few more. The rest
 * are added after the page has loaded (main.ts); a fresh window's first page does not even carry
 * them (firstPage.ts): the host's next snapshot brings the whole team.
 */
export const FIRST_PAINT_ROWS = 25;
