// 1,000 profiles: the dashboard renders the first rows, measures its first render, finds any profile by search.
import { createAppWorld, type AppWorld } from '../harness/app-world';
import { manyProfiles } from '../harness/many-profiles';
import { expect, test } from '../harness/fixtures';

let world: AppWorld;
test.afterEach(async () => world?.close());

test('1,000 profiles: light first render, search finds the last profile, more rows on request', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  world = await createAppWorld(context, rendererUrl, manyProfiles(1000, Date.now()));
  const dashboard = await world.open('#/dashboard');
  await expect(dashboard.getByText('250 MFA sessions, 500 roles in 1000 profiles')).toBeVisible();
  const measured = await dashboard.evaluate(() => performance.getEntriesByName('mfa-dashboard-first-render').length);
  expect(measured).toBe(1);
  // The DOM holds one page of rows, not all 750 (ROW_PAGE = 100).
  expect(await dashboard.locator('li.row').count()).toBe(100);
  await dashboard.getByRole('button', { name: 'Show 100 more' }).click();
  expect(await dashboard.locator('li.row').count()).toBe(200);
  await dashboard.getByLabel('Search profiles').fill('Read249');
  await expect(dashboard.getByTestId('role-Read249')).toBeVisible();
  await expect(dashboard.locator('li.row')).toHaveCount(1);
  await shoot(dashboard, 'dashboard-search');
});
