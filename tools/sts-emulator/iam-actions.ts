import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { buildOtpauthUri, encodeBase32 } from '../../electron/core/totp';
import { AwsError, noSuchUser, validationError } from './aws-error';
import type { ActionContext, ActionHandler } from './action-context';
import { isoSeconds } from './identifiers';
import { consecutiveCodesWindow } from './mfa';
import type { UserRecord } from './state';
import { ParameterReader } from './validation';

const USER_NAME_RULE = { min: 1, max: 128, pattern: '[\\w+=,.@-]+' };
const CODE_RULE = { required: true, min: 6, max: 6, pattern: '[\\d]+' };
const MAX_DEVICES_PER_USER = 8;

/** The user an IAM call is about: the named one in the caller's account, or the caller itself. */
function targetUser({ caller, state }: ActionContext, userName: string | undefined): UserRecord {
  if (userName === undefined) {
    if (caller.kind === 'role') throw validationError('Must specify userName when calling with non-User credentials');
    return caller.user;
  }
  const user = state.user(caller.accountId, userName);
  if (!user) throw noSuchUser(userName);
  return user;
}

const getUser: ActionHandler = (context) => {
  const read = new ParameterReader(context.params);
  const userName = read.string('UserName', USER_NAME_RULE);
  read.done();
  const user = targetUser(context, userName);
  return {
    User: {
      Path: user.path,
      UserName: user.name,
      UserId: user.userId,
      Arn: user.arn,
      CreateDate: isoSeconds(user.createdAtMs),
    },
  };
};

const listMfaDevices: ActionHandler = (context) => {
  const read = new ParameterReader(context.params);
  const userName = read.string('UserName', USER_NAME_RULE);
  read.done();
  const user = targetUser(context, userName);
  return {
    MFADevices: context.state.devicesOf(user).map((device) => ({
      UserName: user.name,
      SerialNumber: device.serial,
      EnableDate: isoSeconds(device.enabledAtMs ?? context.nowMs),
    })),
    IsTruncated: false,
  };
};

const createVirtualMfaDevice: ActionHandler = async ({ params, caller, state }) => {
  const read = new ParameterReader(params);
  const name = read.string('VirtualMFADeviceName', { required: true, min: 1, max: 226, pattern: '[\\w+=,.@-]+' });
  const path =
    read.string('Path', { min: 1, max: 512, pattern: '(\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F)' }) ?? '/';
  read.done();
  const serial = `arn:aws:iam::${caller.accountId}:mfa${path}${name}`;
  if (state.devices.has(serial)) {
    throw new AwsError('EntityAlreadyExists', 'MFADevice entity at the same path and name already exists.', 409);
  }
  // AWS seeds are 64 base32 characters (40 random bytes).
  const seed = encodeBase32(randomBytes(40));
  state.devices.set(serial, { serial, accountId: caller.accountId, secret: seed });
  const png = await QRCode.toBuffer(buildOtpauthUri(`${name}@${caller.accountId}`, seed), { type: 'png' });
  return {
    VirtualMFADevice: {
      SerialNumber: serial,
      Base32StringSeed: Buffer.from(seed, 'ascii').toString('base64'),
      QRCodePNG: png.toString('base64'),
    },
  };
};

const enableMfaDevice: ActionHandler = (context) => {
  const read = new ParameterReader(context.params);
  const userName = read.string('UserName', { ...USER_NAME_RULE, required: true });
  const serial = read.string('SerialNumber', { required: true, min: 9, max: 256, pattern: '[\\w+=/:,.@-]+' });
  const code1 = read.string('AuthenticationCode1', CODE_RULE);
  const code2 = read.string('AuthenticationCode2', CODE_RULE);
  read.done();
  const user = targetUser(context, userName);
  const device = context.state.devices.get(serial!);
  if (!device || device.accountId !== user.accountId) {
    throw new AwsError('NoSuchEntity', `VirtualMFADevice with serial number ${serial} doesn't exist.`, 404);
  }
  if (device.userName !== undefined) throw new AwsError('EntityAlreadyExists', 'MFA Device is already in use.', 409);
  if (context.state.devicesOf(user).length >= MAX_DEVICES_PER_USER) {
    throw new AwsError('LimitExceeded', `Cannot exceed quota for MFADevicesPerUser: ${MAX_DEVICES_PER_USER}`, 409);
  }
  const window = consecutiveCodesWindow(device, code1!, code2!, context.nowMs);
  if (window === null)
    throw new AwsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.', 403);
  Object.assign(device, { userName: user.name, enabledAtMs: context.nowMs, lastUsedWindow: window });
  return '';
};

export const IAM_VERSION = '2010-05-08';
export const iamActions: Record<string, ActionHandler> = {
  GetUser: getUser,
  ListMFADevices: listMfaDevices,
  CreateVirtualMFADevice: createVirtualMfaDevice,
  EnableMFADevice: enableMfaDevice,
};

/** GetSessionToken credentials reach IAM only when MFA was given (AWS rule for such sessions). */
export function checkIamCaller(context: Pick<ActionContext, 'caller'>): void {
  const { caller } = context;
  if (caller.kind === 'session' && caller.mfaAtMs === undefined) {
    throw new AwsError(
      'AccessDenied',
      'Calls to IAM with credentials from GetSessionToken require MFA authentication.',
      403,
    );
  }
}
