// Every error state of the token dialog, produced by the real renewal against the emulator.
import { writeFile } from 'node:fs/promises';
import { invokeContract } from '../../electron/shared/contract';
import { createAppWorld, scenario, scenarioFiles, type AppWorld } from '../harness/app-world';
import { expect, expectAccessible, test } from '../harness/fixtures';
import { withinOneWindow } from '../../testing/scenario/lab-renewal';

let world: AppWorld;
test.afterEach(async () => world?.close());

const CODE_LABEL = '6-digit code from your authenticator';
const openDialog = () => world.open('#/token-dialog?target=MyRepositoryAssumer');

test('wrong code: says so, clears the field and refocuses it', async ({ context, rendererUrl, shoot }) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const dialog = await openDialog();
  const field = dialog.getByLabel(CODE_LABEL);
  await field.fill(world.code(10));
  await expect(dialog.getByRole('alert')).toContainText('Wrong code');
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  await shoot(dialog, 'token-dialog-wrong-code');
  await expectAccessible(dialog);
});

test('pasted code with a space is accepted and Esc closes', async ({ context, rendererUrl }) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const dialog = await openDialog();
  const code = world.code();
  await dialog.getByLabel(CODE_LABEL).fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();
  const other = await openDialog();
  await other.getByLabel(CODE_LABEL).press('Escape');
  await expect.poll(() => world.shellLog.filter((entry) => entry.startsWith('hide')).length).toBeGreaterThanOrEqual(1);
});

test('a dialog window that loads after the request still shows the session it was opened for', async ({
  context,
  rendererUrl,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  await world.dispatcher.dispatch(
    invokeContract.openTokenDialog.channel,
    { trusted: true, senderId: 0 },
    { target: 'MyRepositoryAssumer' },
  );
  // As the app's hidden dialog window loads: no target in the URL, the push already gone.
  const late = await world.open('#/token-dialog');
  await expect(late.getByText('MyRepositoryAssumer')).toBeVisible();
  await expect(late.getByLabel(CODE_LABEL)).toBeFocused();
});

test('code already used: counts down to the next 30-second window', async ({ context, rendererUrl, shoot }) => {
  // The code is typed again within its own window (in the next one it would simply be an old code).
  await withinOneWindow(10_000);
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const code = world.code();
  const first = await world.dispatcher.dispatch(
    invokeContract.renew.channel,
    { trusted: true, senderId: 0 },
    { target: 'MyRepositoryAssumer', code },
  );
  expect(first).toMatchObject({ ok: true });
  // The session is gone again (say, deleted by hand): the same code must not be sent twice.
  const files = scenarioFiles();
  await writeFile(world.files.config, files.config);
  await writeFile(world.files.credentials, files.credentials);
  const dialog = await openDialog();
  await dialog.getByLabel(CODE_LABEL).fill(code);
  await expect(dialog.getByRole('alert')).toContainText('Code already used');
  await expect(dialog.getByTestId('retry-countdown')).toContainText(/A new code is ready in \d+ s/);
  await expect(dialog.getByRole('button', { name: 'Renew', exact: true })).toBeDisabled();
  await shoot(dialog, 'token-dialog-code-used');
  await expectAccessible(dialog);
});

test('invalid keys: names the profile to fix and offers the folder', async ({ context, rendererUrl, shoot }) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles({ accessKeyId: 'AKIAUNKNOWNEXAMPLE12' }));
  const dialog = await openDialog();
  await dialog.getByLabel(CODE_LABEL).fill(world.code());
  await expect(dialog.getByRole('alert')).toContainText('Access key not accepted');
  await expect(dialog.getByRole('alert')).toContainText('FetchMfaCredentials');
  await dialog.getByRole('button', { name: 'Open AWS folder' }).click();
  await expect.poll(() => world.shellLog.some((entry) => entry.startsWith('open /'))).toBe(true);
  await shoot(dialog, 'token-dialog-invalid-key');
  await expectAccessible(dialog);
});

test('clock skew: shows how far the clock is off', async ({ context, rendererUrl, shoot }) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  world.emulator.setClockOffset(-20 * 60_000);
  const dialog = await openDialog();
  await dialog.getByLabel(CODE_LABEL).fill(world.code());
  await expect(dialog.getByRole('alert')).toContainText('Clock out of sync');
  await expect(dialog.getByRole('alert')).toContainText(/clock is (19 min \d+ s|20 min( \d+ s)?) ahead of AWS/);
  await shoot(dialog, 'token-dialog-clock-skew');
});

test('network failure: asks for the next code, and never resends within the same 30-second window', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  // Both codes go in within one 30-second window: the second is refused because the first one's window is used.
  test.setTimeout(60_000);
  await withinOneWindow(15_000);
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  world.emulator.injectFault({ action: 'GetSessionToken', kind: 'drop-connection' });
  const dialog = await openDialog();
  const code = world.code();
  await dialog.getByLabel(CODE_LABEL).fill(code);
  await expect(dialog.getByRole('alert')).toContainText('Could not reach AWS');
  await expect(dialog.getByLabel(CODE_LABEL)).toHaveValue('');
  await expect(dialog.getByLabel(CODE_LABEL)).toBeFocused();
  await shoot(dialog, 'token-dialog-network');
  // The lost request may have used the code: the dialog counts down to the window a new code may be sent in.
  await dialog.getByLabel(CODE_LABEL).fill(world.code(1));
  await expect(dialog.getByRole('alert')).toContainText('Code already used');
  await expect(dialog.getByTestId('retry-countdown')).toBeVisible();
});

const hides = () => world.shellLog.filter((entry) => entry.startsWith('hide')).length;

test('success: one line, then the dialog closes itself after a visible countdown', async ({ context, rendererUrl }) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const dialog = await openDialog();
  await dialog.getByLabel(CODE_LABEL).fill(world.code());
  const renewed = dialog.getByRole('status').filter({ hasText: 'Renewed' });
  await expect(renewed).toHaveText(/^Renewed until (today|tomorrow) .+ \((1 d|23 h 59 min) left\)\.$/);
  await expect(dialog.getByText('Renewed', { exact: false })).toHaveCount(1);
  await expect(dialog.getByTestId('closing-countdown')).toHaveText(/^Closes in [1-5] s$/);
  expect(hides()).toBe(0);
  await expect.poll(hides, { timeout: 8_000 }).toBe(1);
});

test('success: a click keeps the dialog open until the user closes it', async ({ context, rendererUrl }) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const dialog = await openDialog();
  await dialog.getByLabel(CODE_LABEL).fill(world.code());
  await expect(dialog.getByTestId('closing-countdown')).toBeVisible();
  await dialog.getByRole('status').click();
  await expect(dialog.getByText('Stays open until you close it.')).toBeVisible();
  await dialog.waitForTimeout(6_000);
  expect(hides()).toBe(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect.poll(hides).toBe(1);
});

test('lab device with an error: the tallest state still fits the fixed window', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  await world.dispatcher.dispatch(
    invokeContract.labDeviceImport.channel,
    { trusted: true, senderId: 0 },
    { serial: scenario.mfaSerial, input: { format: 'base32', text: scenario.mfaSecret } },
  );
  world.emulator.setClockOffset(-20 * 60_000);
  const dialog = await openDialog();
  await expect(dialog.getByRole('button', { name: 'Use lab device' })).toBeVisible();
  await dialog.getByLabel(CODE_LABEL).fill(world.code());
  await expect(dialog.getByRole('alert')).toContainText('Clock out of sync');
  await shoot(dialog, 'token-dialog-lab-device-error');
  await expectAccessible(dialog);
});

test('a dialog asked for by programs names the first and counts the others, and fits with an error showing', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const shown = world.nextDialog();
  const connection = { progress: () => undefined };
  const folder = '~/src/a-repository-with-a-rather-long-name/and/a/sub/folder/inside/it';
  const answers = [1, 2, 3].map((n) =>
    world.service.requestRenewalFor(
      { program: 'git', folder: n === 1 ? folder : `~/src/other${n}` },
      'MyRepositoryAssumer',
      connection,
    ),
  );
  const dialog = await shown;
  await expect(dialog.getByTestId('requested-by')).toHaveText(`Requested by git in ${folder} and 2 more`);
  await dialog.getByLabel(CODE_LABEL).fill(world.code(10));
  await expect(dialog.getByRole('alert')).toContainText('Wrong code');
  await shoot(dialog, 'token-dialog-requested-by');
  await expectAccessible(dialog);
  // Escape closes the dialog: in the app that hides its window, which answers every waiting program.
  await world.service.tokenDialogClosed();
  for (const answer of await Promise.all(answers)) expect(answer).toMatchObject({ kind: 'cancelled' });
});
