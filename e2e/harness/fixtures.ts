// Playwright fixtures: the built renderer served once per worker, a fresh world per test, screenshots and axe.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serveRenderer } from './static-server';
import { expectFits } from './window-fit';

const SCREENSHOTS = fileURLToPath(new URL('../screenshots', import.meta.url));

export const test = base.extend<{ shoot: (page: Page, name: string) => Promise<void> }, { rendererUrl: string }>({
  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await serveRenderer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  shoot: async ({}, use) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    // Every screen that is shot is also checked to fit its window: nothing clipped, no scrollbar in a fixed one.
    await use(async (page, name) => {
      await expectFits(page);
      await page.screenshot({
        path: `${SCREENSHOTS}/${name}.png`,
        fullPage: true,
        animations: 'disabled',
        caret: 'hide',
      });
    });
  },
});

/** axe-core with WCAG 2.x A/AA rules; fails with the list of violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

export { expect };
