/**
 * Builds DOM from data. Text always goes in through textContent, never as markup, so a name such
 * as `<img src=x onerror=...>` is shown as those characters and never parsed.
 */
import type { Codicon } from './codicons';

type Attributes = Record<string, string | boolean | undefined>;
type Child = Node | string | false | null | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) {
      continue;
    }
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === false || child === null || child === undefined) {
      continue;
    }
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** The classes that show a codicon; only icons the build kept (codicons.ts) can be named. */
export function codiconClass(name: Codicon): string {
  return `codicon codicon-${name}`;
}

export function icon(name: Codicon): HTMLElement {
  return h('span', { class: codiconClass(name), 'aria-hidden': 'true' });
}

/** Replaces a container's children, keeping keyboard focus and the caret on the same control. */
export function replaceKeepingFocus(container: HTMLElement, children: Node[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active?.dataset['focusKey'];
  const selection =
    active instanceof HTMLInputElement ? { start: active.selectionStart, end: active.selectionEnd } : undefined;
  container.replaceChildren(...children);
  if (!key) {
    return;
  }
  const next = container.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
  if (next) {
    next.focus();
    if (next instanceof HTMLInputElement && selection) {
      next.setSelectionRange(selection.start, selection.end);
    }
  }
}

/** A button with an accessible name; icon-only buttons carry it as aria-label and tooltip. */
export function button(
  label: string,
  codicon: Codicon | undefined,
  onClick: () => void,
  attributes: Record<string, string>,
  showLabel = false,
): HTMLButtonElement {
  const element = h(
    'button',
    { type: 'button', ...attributes, ...(showLabel ? {} : { 'aria-label': label, title: label }) },
    codicon ? icon(codicon) : null,
    showLabel ? h('span', {}, label) : null,
  );
  element.addEventListener('click', onClick);
  return element;
}
