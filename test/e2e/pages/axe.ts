import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

const BLOCKING = new Set(['serious', 'critical']);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One line per violation: impact, id, help, and each node's target with the reason. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map(
        (n) =>
          `    ${JSON.stringify(n.target)} — ${(n.failureSummary ?? '')
            .replace(/\s+/g, ' ')
            .replace(/^Fix \w+ of the following: /, '')
            .slice(0, 220)}`,
      );
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
    })
    .join('\n');
}

export function scanA11y(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page }).withTags(TAGS).analyze();
}

/** Serious and critical violations: the ones that block a keyboard or screen-reader user. */
export function blockingViolations(results: AxeResults): Violation[] {
  return results.violations.filter((v) => v.impact != null && BLOCKING.has(v.impact));
}

/** Runs axe (WCAG 2.x A/AA + best practices) and fails on serious or critical violations, printing ids and targets. */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  const blocking = blockingViolations(await scanA11y(page));
  expect(
    blocking.map((v) => `${v.id} ×${v.nodes.length}`),
    `${screen}: ${blocking.length} serious/critical axe violation(s):\n${describeViolations(blocking)}`,
  ).toEqual([]);
}
