// Keyboard only: from the dashboard to a renewed session, and through the settings, without a mouse.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createAppWorld, scenarioFiles, type AppWorld } from '../harness/app-world';
import { expect, expectAccessible, test } from '../harness/fixtures';

let world: AppWorld;
test.afterEach(async () => world?.close());

/** Presses Tab until the element with this accessible name has focus (fails after `limit` presses). */
async function tabTo(page: Page, name: string, limit = 25): Promise<void> {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      return element?.getAttribute('aria-label') ?? element?.labels?.[0]?.textContent ?? element?.textContent ?? '';
    });
    if (focused.trim() === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

test('renews from the dashboard with the keyboard only', async ({ context, rendererUrl }) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const dashboard = await world.open('#/dashboard');
  await expect(dashboard.getByTestId('session-MyRepositoryAssumer')).toBeVisible();
  const dialogOpened = world.nextDialog();
  await tabTo(dashboard, 'Renew MyRepositoryAssumer');
  await dashboard.keyboard.press('Enter');
  const dialog = await dialogOpened;
  // The field has focus on open: typing goes straight in; Enter submits.
  await expect(dialog.getByLabel('6-digit code from your authenticator')).toBeFocused();
  await dialog.keyboard.type(world.code(10).slice(0, 5));
  await dialog.keyboard.press('Enter');
  await expect(dialog.getByText('Type all 6 digits.')).toBeVisible();
  await dialog.keyboard.press('Control+a');
  await dialog.keyboard.type(world.code());
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();
  await expect(dashboard.getByTestId('session-MyRepositoryAssumer')).toContainText('Valid');
});

test('changes every setting with the keyboard only, and main saves them', async ({ context, rendererUrl, shoot }) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles({ expiration: new Date(Date.now() + 3600_000) }));
  const settings = await world.open('#/settings');
  await expect(settings.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectAccessible(settings);

  await tabTo(settings, 'Warn me this many minutes before a session expires');
  await settings.keyboard.press('Control+a');
  await settings.keyboard.type('900');
  await expect(settings.getByText('Choose between 1 and 720 minutes.')).toBeVisible();
  await settings.keyboard.press('Control+a');
  await settings.keyboard.type('25');
  await settings.keyboard.press('Tab');
  await expect(settings.getByRole('status')).toHaveText('Saved.');
  await tabTo(settings, 'Start MFA Tray when I log in');
  await settings.keyboard.press('Space');
  await expect.poll(() => world.shellLog).toContain('start at login true');
  await tabTo(settings, 'Notify before MyRepositoryAssumer expires');
  await settings.keyboard.press('Space');
  await expect(settings.getByLabel('Notify before MyRepositoryAssumer expires')).not.toBeChecked();
  await shoot(settings, 'settings');

  const saved = await world.dispatcher.dispatch('mfa-tray:get-settings', { trusted: true, senderId: 0 }, undefined);
  expect(saved).toMatchObject({ leadTimeMinutes: 25, startAtLogin: true, mutedSessions: ['MyRepositoryAssumer'] });
  expect(await readFile(join(world.home, 'state', 'settings.json'), 'utf8').catch(() => '')).toContain('25');
});

test('every screen stays accessible in dark mode', async ({ context, rendererUrl, shoot }) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles({ expiration: new Date(Date.now() + 5 * 60_000) }));
  for (const [hash, name] of [
    ['#/dashboard', 'dashboard-dark'],
    ['#/token-dialog?target=MyRepositoryAssumer', 'token-dialog-dark'],
    ['#/settings', 'settings-dark'],
    ['#/wizard', 'wizard-dark'],
  ] as const) {
    const page = await world.open(hash);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('h1').first()).toBeVisible();
    await expectAccessible(page);
    await shoot(page, name);
    await page.close();
  }
});
