/**
 * Localizable strings for the code that runs in more than one place (the shared zone and the
 * webview). The host installs VS Code's own translator (`vscode.l10n.t`) at start; the webview
 * installs the bundle the host hands it. Until then, and for English, the message itself is used.
 *
 * Call it as `l10n.t('Text with {0}', value)` after `import * as l10n from '…/l10n'`: that exact
 * shape is what `@vscode/l10n-dev export` finds and extracts into l10n/bundle.l10n.json.
 */

export type Translator = (message: string, args: readonly (string | number)[]) => string;

let translate: Translator = (message, args) => format(message, args);

/** Replaces `{0}`, `{1}`… with the arguments; a brace without a matching argument stays as it is. */
export function format(message: string, args: readonly (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

/** The translated message with its arguments in place. */
export function t(message: string, ...args: (string | number)[]): string {
  return translate(message, args);
}

export function setTranslator(translator: Translator): void {
  translate = translator;
}

/** A translator from a bundle (message → translation), as `vscode.l10n.bundle` holds one. */
export function bundleTranslator(bundle: Readonly<Record<string, string>> | undefined): Translator {
  return (message, args) => format(bundle?.[message] ?? message, args);
}

let active: { readonly bundle: Readonly<Record<string, string>> | undefined; readonly language: string } = { bundle: undefined, language: 'en' };

/**
 * Translates from this bundle from now on, and remembers it with its language so the host can
 * hand the same bundle to the webview (see sidebarHtml.ts). No bundle means English.
 */
export function useBundle(bundle: Readonly<Record<string, string>> | undefined, language: string): void {
  active = { bundle, language };
  setTranslator(bundleTranslator(bundle));
}

/** The bundle and language in use: `useBundle`'s, or none and English. */
export function activeBundle(): { readonly bundle: Readonly<Record<string, string>> | undefined; readonly language: string } {
  return active;
}
