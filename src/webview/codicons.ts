/**
 * Every codicon the sidebar shows, and only those: the build keeps just these glyphs of the icon
 * font and their rules of its stylesheet (esbuild.mjs reads this list, one quoted name per line).
 * The full font rode in every sidebar page as 170 KB of base64, parsed and decoded before the
 * first paint of a fresh window (issue #15); these glyphs are a few kilobytes. `icon()` and
 * `button()` take only a name from this list, so an icon used without being kept fails to compile.
 */
export const SIDEBAR_CODICONS = [
  'add',
  'archive',
  'arrow-right',
  'arrow-swap',
  'calendar',
  'check',
  'checklist',
  'circle-large-outline',
  'chevron-down',
  'chevron-right',
  'close',
  'code',
  'comment',
  'comment-discussion',
  'compass',
  'discard',
  'edit',
  'error',
  'eye',
  'git-commit',
  'go-to-file',
  'history',
  'lock',
  'note',
  'pass',
  'pass-filled',
  'person',
  'person-add',
  'pulse',
  'settings',
  'target',
  'trash',
  'warning',
] as const;

export type Codicon = (typeof SIDEBAR_CODICONS)[number];
