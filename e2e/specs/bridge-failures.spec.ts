// A bridge call that main rejects (it threw, or the IPC failed) shows what could not be done and why, in the screen
// that asked — never an unhandled rejection. Rejections are made the way Electron's ipcRenderer.invoke makes them.
import type { Page } from '@playwright/test';
import { createAppWorld, scenarioFiles, type AppWorld } from '../harness/app-world';
import { expect, expectAccessible, test } from '../harness/fixtures';

let world: AppWorld;
let pageErrors: string[] = [];
test.beforeEach(() => {
  pageErrors = [];
});
test.afterEach(async () => {
  expect(pageErrors).toEqual([]);
  await world?.close();
});

/** Records uncaught errors and unhandled rejections of the page. */
function watchErrors(page: Page): Page {
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

/** From now on this bridge method rejects as ipcRenderer.invoke does when main throws `reason`. */
function rejectCalls([method, reason]: readonly [string, string]): void {
  const w = window as unknown as { mfaTray: Record<string, unknown>; realMfaTray?: Record<string, unknown> };
  w.realMfaTray ??= w.mfaTray;
  w.mfaTray = Object.freeze({
    ...w.mfaTray,
    [method]: () => Promise.reject(new Error(`Error invoking remote method 'mfa-tray:${method}': Error: ${reason}`)),
  });
}

function restoreBridge(): void {
  const w = window as unknown as { mfaTray: Record<string, unknown>; realMfaTray?: Record<string, unknown> };
  if (w.realMfaTray) w.mfaTray = w.realMfaTray;
}

test('dashboard: a rejected copy or folder call says what failed and why, in the status line', async ({
  context,
  rendererUrl,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles({ expiration: new Date(Date.now() + 3600_000) }));
  const dashboard = watchErrors(await world.open('#/dashboard'));
  await expect(dashboard.getByTestId('session-MyRepositoryAssumer')).toBeVisible();
  await dashboard.evaluate(rejectCalls, ['copyExportLines', 'the clipboard is locked'] as const);
  await dashboard.getByRole('button', { name: 'Copy export lines for MyRepositoryAssumer' }).click();
  await expect(dashboard.getByRole('status').filter({ hasText: 'Could not copy' })).toHaveText(
    'Could not copy the export lines: the clipboard is locked',
  );
  expect(world.shellLog).not.toContain('clipboard written');
  await expectAccessible(dashboard);

  await dashboard.evaluate(rejectCalls, ['openProfilesFolder', 'no file manager'] as const);
  await dashboard.getByRole('button', { name: 'Open AWS folder' }).click();
  await expect(dashboard.getByRole('status').filter({ hasText: 'Could not open' })).toHaveText(
    'Could not open the AWS folder: no file manager',
  );
});

test('settings: a rejected save says it was not saved and why', async ({ context, rendererUrl }) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const settings = watchErrors(await world.open('#/settings'));
  await expect(settings.getByLabel('Start MFA Tray when I log in')).toBeVisible();
  await settings.evaluate(rejectCalls, ['updateSettings', 'settings.json is read-only'] as const);
  await settings.getByLabel('Start MFA Tray when I log in').click();
  await expect(settings.getByRole('status')).toHaveText('Not saved: settings.json is read-only');
  expect(world.shellLog).not.toContain('start at login true');
});

test('token dialog: a renewal that could not be sent is a failure with Retry, and Retry sends the same code', async ({
  context,
  rendererUrl,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const dialog = watchErrors(await world.open('#/token-dialog?target=MyRepositoryAssumer'));
  const field = dialog.getByLabel('6-digit code from your authenticator');
  await expect(field).toBeFocused();
  await dialog.evaluate(rejectCalls, ['renew', 'the main process is restarting'] as const);
  await field.fill(world.code());
  await expect(dialog.getByRole('alert')).toContainText(
    'Renewal failed. Could not renew: the main process is restarting',
  );
  await expectAccessible(dialog);

  await dialog.evaluate(restoreBridge);
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();
  expect(world.emulator.callCount('GetSessionToken')).toBe(1);
});

test('token dialog: a session main does not know is named with the reason, and Close still works', async ({
  context,
  rendererUrl,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  // A real rejection: main's handler throws for an unknown session.
  const dialog = watchErrors(await world.open('#/token-dialog?target=Nobody'));
  await expect(dialog.getByRole('alert')).toHaveText(
    'Could not load the session Nobody: Nobody is not an MFA session MFA Tray knows.',
  );
  await expectAccessible(dialog);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => world.shellLog.some((entry) => entry.startsWith('hide'))).toBe(true);
});

test('every screen whose first call main rejects names the screen and says why it could not load', async ({
  context,
  rendererUrl,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  for (const [hash, method, heading, message] of [
    ['#/dashboard', 'getState', 'MFA Tray', 'Could not load your profiles: the AWS folder is not readable'],
    ['#/settings', 'getSettings', 'Settings', 'Could not load the settings: the AWS folder is not readable'],
    ['#/devices', 'labDeviceList', 'Lab devices', 'Could not load the lab devices: the AWS folder is not readable'],
    ['#/wizard', 'wizardStart', 'Set up MFA profiles', 'The wizard could not start: the AWS folder is not readable'],
  ] as const) {
    const page = watchErrors(await world.open(hash));
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    // Runs after the bridge is installed on every load: the reloaded screen's first call is rejected.
    await page.addInitScript(rejectCalls, [method, 'the AWS folder is not readable'] as const);
    await page.reload();
    await expect(page.getByRole('alert')).toHaveText(message);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.close();
  }
});

test('lab devices: a rejected import is reported in the status line and the form keeps what was typed', async ({
  context,
  rendererUrl,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const page = watchErrors(await world.open('#/devices'));
  await page.getByLabel('MFA device ARN').fill('arn:aws:iam::111111111111:mfa/MyRepositoryUser');
  await page.getByLabel('Secret key (Base32 seed)').check();
  await page.getByLabel('Paste the secret key (Base32)').fill('JBSWY3DPEHPK3PXP');
  await page.evaluate(rejectCalls, ['labDeviceImport', 'the keychain is locked'] as const);
  await page.getByRole('button', { name: 'Import device' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Could not import' })).toHaveText(
    'Could not import the device: the keychain is locked',
  );
  await expect(page.getByLabel('MFA device ARN')).toHaveValue('arn:aws:iam::111111111111:mfa/MyRepositoryUser');
  await expect(page.getByRole('button', { name: 'Import device' })).not.toHaveAttribute('aria-disabled', 'true');
});
