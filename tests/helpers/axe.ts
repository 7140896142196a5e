// axe-core in a real page: the WCAG 2.0–2.2 A and AA rules, with each violation told in one line.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The rule sets of WCAG 2.2 level AA (axe's tags). */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Puts axe into the page once (the page's CSP must be bypassed: it forbids inline scripts). */
async function injectAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
}

const describe = (v: AxeViolation) => v.nodes.map((n) => `${v.id} (${v.impact}) ${JSON.stringify(n.target)}: ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`);

/**
 * Runs axe on the whole page; returns one line per violating element, empty when the page passes.
 * Text whose colour equals its background (1:1) is only "incomplete" to axe, which cannot tell it
 * from text hidden on purpose; here nothing is hidden that way, so it counts as a violation.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const { violations, incomplete } = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[]; incomplete: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: tags, resultTypes: ['violations', 'incomplete'] });
    return { violations: result.violations, incomplete: result.incomplete };
  }, WCAG_AA_TAGS);
  const invisible = incomplete
    .filter((v) => v.id === 'color-contrast')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => /1:1|same as|equal/i.test(n.failureSummary ?? '')) }));
  return [...violations, ...invisible].flatMap(describe);
}

/** What axe could not decide about colour contrast, for a person to look at (not a failure). */
export async function axeContrastToReview(page: Page): Promise<string[]> {
  await injectAxe(page);
  const incomplete = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ incomplete: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: tags, resultTypes: ['incomplete'] })).incomplete;
  }, WCAG_AA_TAGS);
  return incomplete.filter((v) => v.id === 'color-contrast').flatMap(describe);
}
