/**
 * Runs axe-core (Deque's accessibility rules, a tool no one here wrote) inside the sidebar's
 * webview document. The script goes in through the browser's debugging protocol, which the
 * webview's CSP does not govern, so the product's CSP stays as strict as it ships.
 */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
  /** axe's own words on the first failing node (for contrast: the colours and the ratio it measured). */
  readonly summary: string;
}

/** The sidebar's inner document as a Frame (axe needs to evaluate in it, not only locate). */
async function sidebarDocument(page: Page): Promise<Frame> {
  const outer = await page.locator('iframe.webview.ready').filter({ visible: true }).first().elementHandle();
  const outerFrame = await outer?.contentFrame();
  const inner = await outerFrame?.locator('iframe#active-frame').elementHandle();
  const frame = await inner?.contentFrame();
  if (!frame) {
    throw new Error('The sidebar webview is not showing.');
  }
  return frame;
}

/** WCAG 2.1 A and AA violations in the sidebar as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const frame = await sidebarDocument(page);
  if (!(await frame.evaluate(() => 'axe' in window))) {
    await frame.evaluate(AXE_SOURCE);
  }
  return frame.evaluate(async () => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')), summary: v.nodes[0]?.failureSummary ?? '' }));
  });
}
