// Creating a lab device for the signed-in IAM user (the source profile's long-term keys): CreateVirtualMFADevice,
// store the seed (sealed) at once as 'not-enabled', EnableMFADevice with two consecutive codes (waiting for the
// window to turn), then mark it ready and set the source profile's mfa_serial. Any step that fails leaves a
// device the list shows as 'not-enabled' with what to do — never a secret only AWS knows.
import { usedCodeRecord, writeUsedCode } from '../app-state';
import { readAwsFile, writeProfileSettings, type AwsFileLocations } from '../aws-files';
import { loadConfig } from '../ini';
import { loadProfileModel, type ProfileModel, type SettingValue } from '../profiles';
import { createIamGateway, type CallPolicy, type IamGateway, type IamGatewayOptions, type StsFailure } from '../sts';
import type { Clock } from '../time/clock';
import { generateTotp, msUntilNextWindow, totpWindow } from '../totp';
import { errorMessage } from '../../shared/error-message';
import type { Sleep } from './device-codes';
import type { LabDeviceRecord, LabDeviceStore } from './device-store';
import { LabDeviceError } from './lab-device-error';

/** IAM allows this many MFA devices per user. */
export const MAX_MFA_DEVICES_PER_USER = 8;

export type CreateOutcomeKind =
  | 'enabled'
  | 'device-exists'
  | 'limit-reached'
  | 'codes-rejected'
  | 'not-enabled'
  | 'aws-error'
  | 'configuration'
  | 'not-found';

export interface CreateOutcome {
  ok: boolean;
  kind: CreateOutcomeKind | LabDeviceError['kind'];
  message: string;
  device?: LabDeviceRecord;
}

export interface CreateDeviceDeps {
  store: LabDeviceStore;
  stateDir: string;
  locations: AwsFileLocations;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  sleep: Sleep;
  policy?: Partial<CallPolicy>;
  loadModel?: (locations: AwsFileLocations) => Promise<ProfileModel>;
  createIamGateway?: (options: IamGatewayOptions) => IamGateway;
}

function text(settings: Readonly<Record<string, SettingValue>>, key: string): string | undefined {
  const value = settings[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

async function gatewayFor(profileName: string, deps: CreateDeviceDeps): Promise<IamGateway | CreateOutcome> {
  const model = await (deps.loadModel ?? loadProfileModel)(deps.locations);
  const profile = model.profiles.get(profileName);
  if (!profile) return { ok: false, kind: 'configuration', message: `There is no profile named ${profileName}.` };
  const accessKeyId = text(profile.settings, 'aws_access_key_id');
  const secretAccessKey = text(profile.settings, 'aws_secret_access_key');
  if (!accessKeyId || !secretAccessKey) {
    return {
      ok: false,
      kind: 'configuration',
      message: `Profile ${profileName} has no access keys: the lab device is created with the IAM user's long-term keys.`,
    };
  }
  if (text(profile.settings, 'aws_session_token')) {
    return {
      ok: false,
      kind: 'configuration',
      message: `Profile ${profileName} holds temporary session keys; creating an MFA device needs the IAM user's long-term keys.`,
    };
  }
  const servicesSections =
    typeof profile.settings.services === 'string'
      ? loadConfig((await readAwsFile(deps.locations.config)).text).services
      : undefined;
  return (deps.createIamGateway ?? createIamGateway)({
    keys: { accessKeyId, secretAccessKey },
    profileSettings: profile.settings,
    ...(servicesSections && { servicesSections }),
    env: deps.env,
    clock: deps.clock,
    ...(deps.policy && { policy: deps.policy }),
  });
}

function awsFailure(failure: StsFailure, what: string): CreateOutcome {
  return { ok: false, kind: 'aws-error', message: `${what}: ${failure.message}` };
}

function refusal(error: unknown): CreateOutcome {
  if (error instanceof LabDeviceError) return { ok: false, kind: error.kind, message: error.message };
  throw error;
}

/** Refuses before anything is created in AWS when the secret could not be stored afterwards. */
function storeRefusal(store: LabDeviceStore, acceptWeakStore: boolean): CreateOutcome | undefined {
  const backend = store.backend();
  if (backend.kind === 'unavailable') {
    return {
      ok: false,
      kind: 'no-secret-store',
      message: `No secret store is available (${backend.name}); nothing was created in AWS.`,
    };
  }
  if (backend.kind === 'weak' && !acceptWeakStore) {
    return {
      ok: false,
      kind: 'weak-store-not-accepted',
      message: `Only a weak secret store exists (${backend.name}); nothing was created in AWS. Accept the weak store for this lab device to go ahead.`,
    };
  }
  return undefined;
}

export async function createLabDevice(
  request: { sourceProfile: string; deviceName: string; acceptWeakStore: boolean },
  deps: CreateDeviceDeps,
): Promise<CreateOutcome> {
  const refused = storeRefusal(deps.store, request.acceptWeakStore);
  if (refused) return refused;
  const gateway = await gatewayFor(request.sourceProfile, deps);
  if ('kind' in gateway) return gateway;
  try {
    const user = await gateway.getUser();
    if (!user.ok) return awsFailure(user.failure, `Could not find the IAM user of ${request.sourceProfile}`);
    const existing = await gateway.listMfaDevices(user.value.userName);
    if (existing.ok && existing.value.length >= MAX_MFA_DEVICES_PER_USER) {
      return {
        ok: false,
        kind: 'limit-reached',
        message: `${user.value.userName} already has ${existing.value.length} MFA devices, the IAM limit; nothing was created. Remove one in the IAM console first.`,
      };
    }
    const created = await gateway.createVirtualMfaDevice(request.deviceName);
    if (!created.ok) {
      const exists = created.failure.kind === 'invalid-parameter';
      return exists
        ? {
            ok: false,
            kind: 'device-exists',
            message: `A virtual MFA device named ${request.deviceName} already exists in this account; choose another name (nothing was created).`,
          }
        : awsFailure(created.failure, 'AWS did not create the device');
    }
    const { serialNumber, base32Seed } = created.value;
    try {
      await deps.store.put(
        {
          serial: serialNumber,
          label: `${request.deviceName} (lab)`,
          state: 'not-enabled',
          addedAt: new Date(deps.clock.now()).toISOString(),
          sourceProfile: request.sourceProfile,
          userName: user.value.userName,
        },
        base32Seed,
        { acceptWeakStore: request.acceptWeakStore },
      );
    } catch (error) {
      const outcome = refusal(error);
      return {
        ...outcome,
        message: `${outcome.message} The device ${serialNumber} exists in IAM but is not enabled; delete it in the IAM console.`,
      };
    }
    return await enable(serialNumber, user.value.userName, request.sourceProfile, gateway, deps);
  } finally {
    gateway.close();
  }
}

/** Retries EnableMFADevice for a stored device left 'not-enabled'. */
export async function finishLabDevice(serial: string, deps: CreateDeviceDeps): Promise<CreateOutcome> {
  const record = await deps.store.get(serial);
  if (!record) return { ok: false, kind: 'not-found', message: `MFA Tray holds no lab device ${serial}.` };
  if (record.state === 'ready')
    return { ok: true, kind: 'enabled', message: `${serial} is already enabled.`, device: record };
  if (!record.sourceProfile || !record.userName) {
    return {
      ok: false,
      kind: 'configuration',
      message: `MFA Tray does not know which IAM user ${serial} belongs to; remove it and import it again.`,
    };
  }
  const gateway = await gatewayFor(record.sourceProfile, deps);
  if ('kind' in gateway) return gateway;
  try {
    return await enable(serial, record.userName, record.sourceProfile, gateway, deps);
  } finally {
    gateway.close();
  }
}

async function enable(
  serial: string,
  userName: string,
  sourceProfile: string,
  gateway: IamGateway,
  deps: CreateDeviceDeps,
): Promise<CreateOutcome> {
  let secret: string;
  try {
    secret = await deps.store.secretOf(serial);
  } catch (error) {
    return refusal(error);
  }
  const code1 = generateTotp(secret, deps.clock.now());
  // Two consecutive codes: the second comes from the next window, and both are sent right after it begins.
  await deps.sleep(msUntilNextWindow(deps.clock.now()) + 50);
  const secondAt = deps.clock.now();
  const code2 = generateTotp(secret, secondAt);
  const enabled = await gateway.enableMfaDevice({ userName, serialNumber: serial, code1, code2 });
  const pending = `${serial} is stored as "not enabled": finish enabling it, or remove it (and delete it in the IAM console).`;
  if (!enabled.ok) {
    const kind: CreateOutcomeKind = enabled.failure.kind === 'wrong-code' ? 'codes-rejected' : 'not-enabled';
    const why =
      enabled.failure.kind === 'wrong-code'
        ? "IAM rejected the two codes (is this computer's clock right?)"
        : enabled.failure.message;
    return { ok: false, kind, message: `The device was created but not enabled: ${why}. ${pending}` };
  }
  // AWS spent the second code's window: the first renewal must wait for the next one.
  await writeUsedCode(deps.stateDir, serial, usedCodeRecord(serial, code2, totpWindow(secondAt), secondAt));
  await deps.store.setState(serial, 'ready');
  try {
    await writeProfileSettings(deps.locations, sourceProfile, { mfa_serial: serial });
  } catch (error) {
    return {
      ok: false,
      kind: 'configuration',
      message: `The lab device ${serial} is enabled and stored, but mfa_serial could not be written to ${sourceProfile} (${errorMessage(error)}); set it there yourself.`,
      device: await deps.store.get(serial),
    };
  }
  return {
    ok: true,
    kind: 'enabled',
    message: `Created and enabled the lab device ${serial} for ${userName}, and set it as mfa_serial of ${sourceProfile}. Lab accounts only: MFA Tray now holds this device's secret.`,
    device: await deps.store.get(serial),
  };
}
