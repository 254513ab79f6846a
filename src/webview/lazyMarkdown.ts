/**
 * Note previews are the sidebar's only Markdown, and marked and DOMPurify were two thirds of the
 * page's script: 80 KB carried to the webview and parsed before a fresh window's first paint
 * (issue #15). They ship as their own script (markdownBundle.ts), loaded when a preview is first
 * asked for, or a while after the first paint. Until it has loaded, and if it never does, a
 * preview shows the note's text as plain text: never as markup, never lost.
 */
export const MARKDOWN_LOADED_EVENT = 'twoHats:markdownLoaded';

export type RenderMarkdown = (container: HTMLElement, markdown: string) => void;

export class LazyMarkdown {
  private render: RenderMarkdown | undefined;
  private asked = false;

  /**
   * `src`: the script's webview URL (undefined: plain text only); `nonce`: this page's, which the
   * CSP asks of every script; `onLoaded`: repaints what was shown as plain text meanwhile.
   */
  constructor(
    private readonly src: string | undefined,
    private readonly nonce: string,
    private readonly onLoaded: () => void,
  ) {}

  /** Starts loading the renderer, once. */
  load(): void {
    if (this.asked || this.src === undefined) {
      return;
    }
    this.asked = true;
    document.addEventListener(
      MARKDOWN_LOADED_EVENT,
      (event) => {
        const render = (event as CustomEvent<unknown>).detail;
        if (typeof render === 'function' && this.render === undefined) {
          this.render = render as RenderMarkdown;
          this.onLoaded();
        }
      },
      { once: true },
    );
    const script = document.createElement('script');
    script.nonce = this.nonce;
    script.src = this.src;
    document.head.append(script);
  }

  /** Renders `markdown` into `container`: as Markdown once loaded, as plain text until then. */
  readonly renderInto: RenderMarkdown = (container, markdown) => {
    if (this.render) {
      this.render(container, markdown);
      return;
    }
    this.load();
    const text = document.createElement('pre');
    text.className = 'preview-plain';
    text.textContent = markdown;
    container.replaceChildren(text);
  };
}
