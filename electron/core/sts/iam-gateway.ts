// The IAM calls the onboarding wizard and lab devices need (who am I, which MFA devices, create and enable a
// virtual device), with the same typed outcomes, timeouts and retry rules as the STS gateway.
import {
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetUserCommand,
  IAMClient,
  ListMFADevicesCommand,
} from '@aws-sdk/client-iam';
import type { SettingValue } from '../profiles/types';
import { systemClock, type Clock } from '../time/clock';
import { callWithPolicy, DEFAULT_CALL_POLICY, type CallPolicy } from './call-policy';
import type { FailureContext } from './classify-error';
import { recordClockOffset } from './clock-offset';
import { resolveServiceTarget } from './endpoint';
import { TOKEN_CODE_PATTERN } from '../../shared/vocabulary';
import type { AwsKeys, StsFailure, StsResult } from './outcomes';

export interface IamGatewayOptions {
  keys: AwsKeys;
  profileSettings?: Readonly<Record<string, SettingValue>>;
  servicesSections?: Readonly<Record<string, Readonly<Record<string, SettingValue>>>>;
  env?: NodeJS.ProcessEnv;
  policy?: Partial<CallPolicy>;
  clock?: Clock;
}

export interface IamUser {
  userName: string;
  arn: string;
  userId: string;
}
export interface MfaDeviceSummary {
  serialNumber: string;
  userName: string;
  enableDate?: Date;
}
/** Holds the TOTP seed: the caller must store it encrypted and never log it. */
export interface NewVirtualMfaDevice {
  serialNumber: string;
  base32Seed: string;
  qrCodePng: Uint8Array;
}

export interface IamGateway {
  getUser(): Promise<StsResult<IamUser>>;
  listMfaDevices(userName?: string): Promise<StsResult<MfaDeviceSummary[]>>;
  createVirtualMfaDevice(name: string, path?: string): Promise<StsResult<NewVirtualMfaDevice>>;
  enableMfaDevice(input: {
    userName: string;
    serialNumber: string;
    code1: string;
    code2: string;
  }): Promise<StsResult<void>>;
  close(): void;
}

const incomplete = (what: string): StsResult<never> => ({
  ok: false,
  failure: {
    kind: 'malformed-response',
    category: 'aws',
    message: `AWS IAM answered ${what} without the expected data.`,
  },
});

/** IAM's own error codes, where they mean something more precise than the shared STS mapping. */
function iamSpecific(result: StsResult<unknown>, code: string | undefined): StsFailure | undefined {
  if (result.ok || result.failure.kind !== 'unexpected') return undefined;
  // The SDK names IAM errors with an "Exception" suffix (EntityAlreadyExistsException); AWS sends the bare code.
  switch (code?.replace(/Exception$/, '')) {
    case 'InvalidAuthenticationCode':
      return {
        kind: 'wrong-code',
        category: 'user',
        message: 'IAM rejected the two codes: type two consecutive codes from the device, right away.',
      };
    case 'EntityAlreadyExists':
      return {
        kind: 'invalid-parameter',
        category: 'user',
        message: 'An MFA device with that name already exists in this account.',
      };
    case 'NoSuchEntity':
      return { kind: 'invalid-parameter', category: 'user', message: 'IAM does not know that user or device.' };
    case 'LimitExceeded':
      return {
        kind: 'invalid-parameter',
        category: 'user',
        message: 'The IAM limit for MFA devices is reached (8 per user).',
      };
    default:
      return undefined;
  }
}

export function createIamGateway(options: IamGatewayOptions): IamGateway {
  const policy = { ...DEFAULT_CALL_POLICY, ...options.policy };
  const target = resolveServiceTarget('iam', {
    env: options.env ?? process.env,
    profileSettings: options.profileSettings,
    servicesSections: options.servicesSections,
  });
  const client = new IAMClient({
    // IAM is global: its endpoint is iam.amazonaws.com, signed for us-east-1, whatever the profile's region.
    region: 'us-east-1',
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    credentials: { ...options.keys },
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: policy.connectionTimeoutMs,
      requestTimeout: policy.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  });
  const clock = recordClockOffset(client.middlewareStack, options.clock ?? systemClock);
  const context = (sendsCode: boolean, serialNumber?: string) => (): FailureContext => ({
    operation: 'IAM',
    keys: options.keys,
    sendsCode,
    serialNumber,
    clockOffsetMs: clock.lastOffsetMs(),
  });
  async function call<T>(send: () => Promise<T>, sendsCode: boolean, serial?: string): Promise<StsResult<T>> {
    let code: string | undefined;
    const result = await callWithPolicy(
      () =>
        send().catch((error: unknown) => {
          code = (error as { name?: string }).name;
          throw error;
        }),
      context(sendsCode, serial),
      policy,
    );
    const precise = iamSpecific(result, code);
    return precise ? { ok: false, failure: precise } : result;
  }

  return {
    async getUser() {
      const r = await call(() => client.send(new GetUserCommand({})), false);
      if (!r.ok) return r;
      const u = r.value.User;
      return u?.UserName && u.Arn && u.UserId
        ? { ok: true, value: { userName: u.UserName, arn: u.Arn, userId: u.UserId } }
        : incomplete('GetUser');
    },
    async listMfaDevices(userName) {
      const r = await call(() => client.send(new ListMFADevicesCommand(userName ? { UserName: userName } : {})), false);
      if (!r.ok) return r;
      const devices = (r.value.MFADevices ?? []).flatMap((d) =>
        d.SerialNumber && d.UserName
          ? [
              {
                serialNumber: d.SerialNumber,
                userName: d.UserName,
                ...(d.EnableDate ? { enableDate: d.EnableDate } : {}),
              },
            ]
          : [],
      );
      return { ok: true, value: devices };
    },
    async createVirtualMfaDevice(name, path) {
      const r = await call(
        () =>
          client.send(
            new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, ...(path ? { Path: path } : {}) }),
          ),
        false,
      );
      if (!r.ok) return r;
      const d = r.value.VirtualMFADevice;
      if (!d?.SerialNumber || !d.Base32StringSeed || !d.QRCodePNG) return incomplete('CreateVirtualMFADevice');
      return {
        ok: true,
        value: {
          serialNumber: d.SerialNumber,
          base32Seed: Buffer.from(d.Base32StringSeed).toString('utf8'),
          qrCodePng: d.QRCodePNG,
        },
      };
    },
    async enableMfaDevice({ userName, serialNumber, code1, code2 }) {
      if (!TOKEN_CODE_PATTERN.test(code1) || !TOKEN_CODE_PATTERN.test(code2)) {
        return {
          ok: false,
          failure: {
            kind: 'invalid-code-format',
            category: 'user',
            message: 'Both MFA codes must be exactly 6 digits.',
          },
        };
      }
      const r = await call(
        () =>
          client.send(
            new EnableMFADeviceCommand({
              UserName: userName,
              SerialNumber: serialNumber,
              AuthenticationCode1: code1,
              AuthenticationCode2: code2,
            }),
          ),
        true,
        serialNumber,
      );
      return r.ok ? { ok: true, value: undefined } : r;
    },
    close: () => client.destroy(),
  };
}
