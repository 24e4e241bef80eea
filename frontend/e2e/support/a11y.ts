// axe-core on a rendered screen: WCAG 2.0/2.1 A and AA rules. A serious or
// critical violation fails the test; moderate and minor ones are printed.
// Every result is also written to test-results/axe/<screen>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { RESULTS_DIR } from './stack.mjs';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describe(vs: Violation[]): string {
  return vs
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 300)}\n      ${(n.failureSummary ?? '').replaceAll('\n', '\n      ')}`)
        .join('\n');
      return `  - ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Runs axe on the page as it is now; throws on serious/critical violations. */
export async function checkA11y(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = results.violations.filter((v) => !blocking.includes(v));

  const dir = join(RESULTS_DIR, 'axe');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${screen}.json`),
    JSON.stringify(
      {
        screen,
        url: results.url,
        violations: results.violations,
        // "needs review": axe could not decide, e.g. contrast over an image or a hidden element
        incomplete: results.incomplete.map((i) => ({
          id: i.id,
          nodes: i.nodes.map((n) => ({ target: n.target, why: n.any.map((c) => c.message).join(' ') })),
        })),
      },
      null,
      2,
    ),
  );

  if (other.length) console.warn(`axe: ${other.length} moderate/minor finding(s) on ${screen}:\n${describe(other)}`);
  if (blocking.length) {
    throw new Error(`axe: ${blocking.length} serious/critical violation(s) on "${screen}" (${results.url}):\n${describe(blocking)}`);
  }
}
