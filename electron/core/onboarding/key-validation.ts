// Step 2 and 3: are these an IAM user's working long-term keys (GetCallerIdentity), and which MFA device
// belongs to that user (ListMFADevices, else the ARN the console gives a virtual device by default).
import type { WizardKeysResult } from '../../shared/contract';
import type { SettingValue } from '../profiles/types';
import type { GatewayOptions, IamGateway, IamGatewayOptions, StsFailure, StsGateway } from '../sts';
import type { LongTermKeys } from './access-key-csv';

export interface GatewayFactories {
  sts: (options: GatewayOptions) => StsGateway;
  iam: (options: IamGatewayOptions) => IamGateway;
  env: NodeJS.ProcessEnv;
}

const UNREACHABLE: ReadonlySet<StsFailure['kind']> = new Set([
  'throttled',
  'timeout',
  'network',
  'service-error',
  'malformed-response',
  'unexpected',
]);

/** `arn:aws:iam::ACCOUNT:user/PATH/NAME` → `arn:aws:iam::ACCOUNT:mfa/NAME` (the console's default device name). */
export function mfaSerialFromUserArn(userArn: string): string | undefined {
  const match = /^arn:(aws[\w-]*):iam::(\d{12}):user\/(?:.*\/)?([\w+=,.@-]+)$/.exec(userArn);
  return match ? `arn:${match[1]}:iam::${match[2]}:mfa/${match[3]}` : undefined;
}

export async function validateKeys(
  keys: LongTermKeys,
  factories: GatewayFactories,
  profileSettings?: Readonly<Record<string, SettingValue>>,
): Promise<WizardKeysResult> {
  const base = { accessKeyId: keys.accessKeyId, mfaDevices: [] as string[] };
  const sts = factories.sts({ keys, env: factories.env, profileSettings });
  let identity;
  try {
    identity = await sts.getCallerIdentity();
  } finally {
    sts.close();
  }
  if (!identity.ok) {
    const kind = UNREACHABLE.has(identity.failure.kind) ? 'unreachable' : 'rejected';
    return { ok: false, kind, message: identity.failure.message, ...base };
  }
  const { account, arn } = identity.value;
  const userName = /:user\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
  if (!userName) {
    const what = arn.endsWith(':root') ? "the account's root user" : 'a role session';
    return {
      ok: false,
      kind: 'not-an-iam-user',
      message: `These keys belong to ${what} (${arn}), not to an IAM user: use the access key of your IAM user.`,
      ...base,
      accountId: account,
      userArn: arn,
    };
  }
  const derived = mfaSerialFromUserArn(arn);
  const iam = factories.iam({ keys, env: factories.env, profileSettings });
  let listed;
  try {
    listed = await iam.listMfaDevices();
  } finally {
    iam.close();
  }
  const mfaDevices = listed.ok ? listed.value.map((device) => device.serialNumber) : [];
  const suggestedMfaSerial = mfaDevices[0] ?? derived;
  const mfaDeviceNote = listed.ok
    ? mfaDevices.length > 0
      ? `IAM lists ${mfaDevices.length === 1 ? 'one MFA device' : `${mfaDevices.length} MFA devices`} for ${userName}.`
      : `IAM lists no MFA device for ${userName} yet; the usual name is filled in — assign the device in the IAM console first.`
    : `MFA devices could not be listed (${listed.failure.message}); the usual name is filled in from your user ARN — change it if your device is named differently.`;
  return {
    ok: true,
    kind: 'valid',
    message: `The keys work: IAM user ${userName} in account ${account}.`,
    accessKeyId: keys.accessKeyId,
    accountId: account,
    userArn: arn,
    mfaDevices,
    ...(suggestedMfaSerial ? { suggestedMfaSerial } : {}),
    mfaDeviceNote,
  };
}
