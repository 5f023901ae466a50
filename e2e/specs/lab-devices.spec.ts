// The built-in virtual MFA device (lab accounts only) through the real renderer, dispatcher and core: import by
// link, seed and QR image, create and enable against the emulator's IAM, renew from the token dialog, remove.
// The OS keychain is a cipher that really encrypts; after each test every file the app wrote is searched for the
// secret in plain text.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { scanForSecret } from '../../testing/lab-devices/secret-scan';
import { loadConfig } from '../../electron/core/ini';
import { buildOtpauthUri, generateTotp } from '../../electron/core/totp';
import { invokeContract } from '../../electron/shared/contract';
import { createAppWorld, scenario, scenarioFiles, type AppWorld } from '../harness/app-world';
import { expect, expectAccessible, test } from '../harness/fixtures';

const TARGET = 'MyRepositoryAssumer';
const SOURCE = 'FetchMfaCredentials';
const CREATED_SERIAL = 'arn:aws:iam::111111111111:mfa/LabDevice';

let world: AppWorld;
/** Secrets the test put into the app: none may be found in plain text in what the app wrote. */
let secrets: string[] = [];

test.beforeEach(() => {
  secrets = [scenario.mfaSecret];
});
test.afterEach(async () => {
  if (!world) return;
  for (const secret of secrets) {
    const scan = await scanForSecret([world.home], secret);
    expect(scan.scanned).toBeGreaterThan(0);
    expect(scan.leaks).toEqual([]);
  }
  await world.close();
});

const caller = { trusted: true as const, senderId: 0 };
const sealedDevices = async () => readFile(join(world.stateDir, 'lab-devices.json'), 'utf8').catch(() => '');

/** The shown code is the device's code for this window (or the one just ended, if the window turned meanwhile). */
async function expectCurrentCode(shown: string, secret: string): Promise<void> {
  const now = Date.now();
  expect([generateTotp(secret, now), generateTotp(secret, now - 30_000)]).toContain(shown.replace(/\s/g, ''));
}

test('import by otpauth link: labelled lab only, sealed, live code with its countdown, copied through main', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const page = await world.open('#/dashboard');
  await page.getByRole('link', { name: 'Lab devices' }).click();
  await expect(page.getByRole('heading', { name: 'Lab devices' })).toBeVisible();
  await expect(page.getByTestId('secret-store')).toContainText('encrypted with the OS keychain (test_keychain)');
  await expect(page.getByText('No lab devices yet')).toBeVisible();

  await page.getByLabel('MFA device ARN').fill(scenario.mfaSerial);
  await page
    .getByLabel('Paste the otpauth:// link')
    .fill(buildOtpauthUri('MyRepositoryUser@111111111111', scenario.mfaSecret, 'Amazon Web Services'));
  await page.getByRole('button', { name: 'Import device' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stored the lab device' })).toBeVisible();
  // The secret left the page with the request.
  await expect(page.getByLabel('Paste the otpauth:// link')).toHaveValue('');

  const device = page.getByTestId(`device-${scenario.mfaSerial}`);
  await expect(device.getByText('Lab only')).toBeVisible();
  await expect(device).toContainText(`renews ${TARGET}`);
  await expect(device.getByTestId('device-code')).toContainText(/valid for \d+ s/);
  await expectCurrentCode((await device.getByTestId('current-code').textContent()) ?? '', scenario.mfaSecret);
  const sealed = await sealedDevices();
  expect(sealed).toContain(scenario.mfaSerial);

  await device.getByRole('button', { name: 'Copy the code of MyRepositoryUser@111111111111' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the code' })).toBeVisible();
  expect(world.clipboardWrites()).toBe(1);
  await expectAccessible(page);
  await shoot(page, 'devices');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await shoot(page, 'devices-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The dashboard marks the session as a lab device's.
  await page.getByRole('link', { name: 'Back to dashboard' }).click();
  await expect(page.getByTestId(`session-${TARGET}`).getByText('Lab device')).toBeVisible();
});

test('weak store: explained, and a Base32 seed is stored only once the user accepts it for that device', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles(), { secretStore: 'weak' });
  const page = await world.open('#/devices');
  await expect(page.getByTestId('secret-store')).toContainText('Only a weak store exists here (basic_text)');
  await page.getByLabel('MFA device ARN').fill(scenario.mfaSerial);
  await page.getByLabel('Secret key (Base32 seed)').check();
  await page.getByLabel('Paste the secret key (Base32)').fill(scenario.mfaSecret.replace(/(.{4})/g, '$1 '));
  await page.getByRole('button', { name: 'Import device' }).click();
  await expect(page.getByText('Tick this to store the device in the weak store')).toBeVisible();
  expect(await sealedDevices()).toBe('');
  await shoot(page, 'devices-weak-store');
  await expectAccessible(page);

  await page
    .getByRole('form', { name: 'Import a device you already have' })
    .getByLabel("Keep this device's secret in the weak store (basic_text)")
    .check();
  await page.getByRole('button', { name: 'Import device' }).click();
  const device = page.getByTestId(`device-${scenario.mfaSerial}`);
  await expect(device).toContainText('its secret is in the weak store you accepted');
  await expect(device).toContainText('in the weak store (your choice)');
  await expectCurrentCode((await device.getByTestId('current-code').textContent()) ?? '', scenario.mfaSecret);
});

test('import by QR image: the PNG is read in main, and an image without a QR code is refused clearly', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  // Outside the world's folders: the scan covers only what the app wrote.
  const qrFile = test.info().outputPath('qr.png');
  const blankFile = test.info().outputPath('blank.png');
  await writeFile(
    qrFile,
    await QRCode.toBuffer(buildOtpauthUri('MyRepositoryUser@111111111111', scenario.mfaSecret, 'Amazon Web Services'), {
      type: 'png',
    }),
  );
  await writeFile(blankFile, await QRCode.toBuffer('https://example.com/not-an-mfa-code', { type: 'png' }));
  const page = await world.open('#/devices');
  await page.getByLabel('MFA device ARN').fill(scenario.mfaSerial);
  await page.getByLabel('QR code image (PNG)', { exact: true }).check();
  const fileInput = page.getByLabel('Choose the QR code image (PNG)');
  await fileInput.setInputFiles(blankFile);
  await expect(page.getByText('Read blank.png.')).toBeVisible();
  await page.getByRole('button', { name: 'Import device' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'does not hold an otpauth:// URI' })).toBeVisible();

  await fileInput.setInputFiles(qrFile);
  await expect(page.getByText('Read qr.png.')).toBeVisible();
  await page.getByRole('button', { name: 'Import device' }).click();
  const device = page.getByTestId(`device-${scenario.mfaSerial}`);
  await expect(device.getByRole('heading', { name: 'MyRepositoryUser@111111111111' })).toBeVisible();
  await expectCurrentCode((await device.getByTestId('current-code').textContent()) ?? '', scenario.mfaSecret);
  await shoot(page, 'devices-import-qr');
});

test('token dialog: "Use lab device" renews with the held device and writes the session', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  await world.dispatcher.dispatch(invokeContract.labDeviceImport.channel, caller, {
    serial: scenario.mfaSerial,
    input: { format: 'base32', text: scenario.mfaSecret },
  });
  const dialog = await world.open(`#/token-dialog?target=${TARGET}`);
  const useLab = dialog.getByRole('button', { name: 'Use lab device' });
  await expect(useLab).toBeVisible();
  await expect(dialog.getByText('waits up to 30 s if this window')).toBeVisible();
  await shoot(dialog, 'token-dialog-lab-device');
  await expectAccessible(dialog);
  await useLab.focus();
  await dialog.keyboard.press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();
  await shoot(dialog, 'token-dialog-lab-device-renewed');
  expect(world.emulator.callCount('GetSessionToken')).toBe(1);
  const credentials = await readFile(world.files.credentials, 'utf8');
  expect(credentials).toMatch(new RegExp(`\\[${TARGET}\\]\\naws_access_key_id = ASIA`));
  const expiration = loadConfig(await readFile(world.files.config, 'utf8')).profiles[TARGET]?.expiration;
  expect(Date.parse(String(expiration))).toBeGreaterThan(Date.now() + 23 * 3600_000);
});

test('create against the emulator: progress while IAM enables it, then mfa_serial points at it and it renews', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  test.setTimeout(150_000);
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const page = await world.open('#/devices');
  await expect(page.getByLabel("Profile with the IAM user's keys")).toHaveValue(SOURCE);
  await page.getByLabel('Device name in IAM').fill('LabDevice');
  const create = page.getByRole('button', { name: 'Create and enable' });
  await create.click();
  await expect(page.getByRole('status').filter({ hasText: 'enabling it with two consecutive codes' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Creating the lab device' })).toBeVisible();
  // Focus stays where the user acted, and a second press does not start a second creation.
  await expect(page.getByRole('button', { name: 'Creating…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await shoot(page, 'devices-creating');
  const device = page.getByTestId(`device-${CREATED_SERIAL}`);
  await expect(device).toContainText('Ready', { timeout: 90_000 });
  await expect(page.getByRole('status').filter({ hasText: /enabled/i })).toBeVisible();
  expect(world.emulator.callCount('CreateVirtualMFADevice')).toBe(1);
  secrets.push(world.emulator.state.devices.get(CREATED_SERIAL)!.secret);
  expect(loadConfig(await readFile(world.files.config, 'utf8')).profiles[SOURCE]?.mfa_serial).toBe(CREATED_SERIAL);
  await expect(device).toContainText(`for ${SOURCE}`);
  await expect(device.getByTestId('device-code')).toContainText(/valid for \d+ s/);
  await shoot(page, 'devices-created');
  await expectAccessible(page);

  // Enabling spent this window's code: the dialog's renewal waits for the next window instead of being refused.
  const dialog = await world.open(`#/token-dialog?target=${TARGET}`);
  await dialog.getByRole('button', { name: 'Use lab device' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible({ timeout: 45_000 });
  expect(world.emulator.callCount('GetSessionToken')).toBe(1);
});

test('remove asks first (keyboard only), erases the sealed secret, and the dialog no longer offers the device', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  await world.dispatcher.dispatch(invokeContract.labDeviceImport.channel, caller, {
    serial: scenario.mfaSerial,
    input: { format: 'base32', text: scenario.mfaSecret },
    label: 'Scenario device',
  });
  const page = await world.open('#/devices');
  const remove = page.getByRole('button', { name: 'Remove Scenario device…' });
  await remove.focus();
  await page.keyboard.press('Enter');
  const keep = page.getByRole('button', { name: 'Keep' });
  await expect(keep).toBeFocused();
  await shoot(page, 'devices-remove-confirm');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(remove).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Erase secret' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Removed the lab device' })).toBeVisible();
  await expect(page.getByTestId(`device-${scenario.mfaSerial}`)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Devices', exact: true })).toBeFocused();
  expect(await sealedDevices()).not.toContain(scenario.mfaSerial);

  const dialog = await world.open(`#/token-dialog?target=${TARGET}`);
  await expect(dialog.getByLabel('6-digit code from your authenticator')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Use lab device' })).toHaveCount(0);
});

test('no secret store: the screen says why nothing can be stored and the forms are disabled', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles(), { secretStore: 'unavailable' });
  const page = await world.open('#/devices');
  await expect(page.getByTestId('secret-store')).toContainText(
    'MFA Tray cannot hold lab device secrets on this system',
  );
  await expect(page.getByRole('button', { name: 'Import device' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Create and enable' })).toBeDisabled();
  await shoot(page, 'devices-no-store');
  await expectAccessible(page);
});
