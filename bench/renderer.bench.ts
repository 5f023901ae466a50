// The renderer's budgets, measured: JavaScript size gzip (budget 150 KB) and the dashboard's first render with
// 1,000 profiles (budget 200 ms) next to 12 profiles, in Debian's Chromium bound to the real app service.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/playwright.config';
import { createAppWorld } from '../e2e/harness/app-world';
import { manyProfiles } from '../e2e/harness/many-profiles';
import { RENDERER_DIST, serveRenderer } from '../e2e/harness/static-server';

const JS_BUDGET_KB = 150;
const RENDER_BUDGET_MS = 200;
const LOADS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function run(): Promise<void> {
  const assets = join(RENDERER_DIST, 'assets');
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const raw = scripts.reduce((sum, name) => sum + readFileSync(join(assets, name)).length, 0);
  const gzip = scripts.reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length, 0);
  console.log(
    `renderer JS: ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip = ${((gzip / 1024 / JS_BUDGET_KB) * 100).toFixed(0)}% of the ${JS_BUDGET_KB} KB budget`,
  );

  const server = await serveRenderer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const results: Record<number, number> = {};
    for (const count of [12, 1000]) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 720 } });
      const world = await createAppWorld(context, server.url, manyProfiles(count, Date.now()));
      const samples: number[] = [];
      try {
        for (let load = 0; load < LOADS; load++) {
          const page = await world.open('#/dashboard');
          await page.waitForFunction(() => performance.getEntriesByName('mfa-dashboard-first-render').length === 1);
          samples.push(
            await page.evaluate(() => performance.getEntriesByName('mfa-dashboard-first-render')[0]!.duration),
          );
          await page.close();
        }
      } finally {
        await world.close();
        await context.close();
      }
      // The first load warms Chromium's caches; the median of the rest is reported.
      results[count] = median(samples.slice(1));
      console.log(
        `dashboard first render, ${count} profiles: median ${results[count]!.toFixed(1)} ms over ${LOADS - 1} loads (min ${Math.min(...samples.slice(1)).toFixed(1)}, max ${Math.max(...samples.slice(1)).toFixed(1)})`,
      );
    }
    console.log(
      `1000 vs 12 profiles: ×${(results[1000]! / Math.max(results[12]!, 0.1)).toFixed(2)}; 1000 profiles = ${((results[1000]! / RENDER_BUDGET_MS) * 100).toFixed(0)}% of the ${RENDER_BUDGET_MS} ms budget`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
