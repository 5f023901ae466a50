// "One code, many roles": every MFA role of one device renewed with a single code. A code is accepted once, so
// instead of one AssumeRole-with-code per role (one 30-s window each), one MFA session is made — the user's session
// profile for that device when there is one (renewed first if due), else GetSessionToken kept in memory only — and
// each role is assumed with it: the MFA context carries over, and role chaining caps each role at 1 hour.
import { loadProfileModel, type ProfileModel } from '../profiles';
import type { AwsKeys, SessionCredentials } from '../sts';
import { systemClock } from '../time/clock';
import { ROLE_CHAINING_MAX_SECONDS, SESSION_DURATION } from '../../shared/vocabulary/sts-limits';
import { onePerDevice, underDeviceLock } from './device-flight';
import { openGateway } from './open-gateway';
import { renew } from './renew';
import { botocoreSessionName, saveRole } from './renew-role';
import { resolveMfaRole, type ResolvedRole } from './resolve-role';
import { spendCode } from './spend-code';
import { isStillValid } from './validity';
import { rolesSummary } from './device-roles-summary';
import type { CodeSource, RenewDeps, RenewOutcome } from './types';

export interface DeviceRolesRequest {
  /** An mfa_serial, or the name of an MFA role profile whose device is meant. */
  device: string;
  codeSource: CodeSource;
  /** Renew roles whose cached keys are still fresh too. */
  force?: boolean;
}

export interface DeviceRolesResult {
  /** The summary: 'renewed' when at least one role was renewed and none failed, else the first failure (or still-valid). */
  outcome: RenewOutcome;
  renewed: { target: string; expiration: Date; cappedFromSeconds?: number }[];
  stillValid: { target: string; expiration: Date }[];
  failed: { target: string; message: string }[];
  /** The session profile that carried the MFA, when one was used (renewed with the code, or still valid). */
  session?: { target: string; renewed: boolean };
}

/** The device a request names: an mfa_serial itself, or an MFA role profile's. */
export function deviceOf(model: ProfileModel, named: string): string {
  return model.roles.find((role) => role.profile === named)?.mfaRole?.device ?? named;
}

export async function renewDeviceRoles(request: DeviceRolesRequest, deps: RenewDeps): Promise<DeviceRolesResult> {
  const clock = deps.clock ?? systemClock;
  const model = await (deps.loadModel ?? loadProfileModel)(deps.locations);
  const device = deviceOf(model, request.device);
  const empty: Omit<DeviceRolesResult, 'outcome'> = { renewed: [], stillValid: [], failed: [] };
  const ofDevice = model.roles.filter((role) => role.mfaRole?.device === device);
  if (ofDevice.length === 0) {
    const known = [...new Set(model.roles.flatMap((role) => (role.mfaRole ? [role.mfaRole.device] : [])))];
    return {
      ...empty,
      outcome: configuration(
        `No MFA role profile (role_arn with mfa_serial) uses the device "${request.device}".${known.length ? ` Devices of MFA roles here: ${known.join(', ')}.` : ''}`,
      ),
    };
  }
  const result: Omit<DeviceRolesResult, 'outcome'> = { renewed: [], stillValid: [], failed: [] };
  const due: ResolvedRole[] = [];
  for (const role of ofDevice) {
    const resolved = await resolveMfaRole(model, { target: role.profile, force: request.force }, deps, clock.now());
    if ('kind' in resolved && resolved.kind === 'still-valid')
      result.stillValid.push({ target: role.profile, expiration: resolved.expiration });
    else if ('kind' in resolved) result.failed.push({ target: role.profile, message: resolved.message });
    else due.push(resolved);
  }
  // GetSessionToken needs the IAM user's long-term keys: the roles it renews are those signed by the same pair.
  const signer = due.find((role) => role.keys.sessionToken === undefined)?.keys;
  const together = due.filter((role) => signer && sameKeys(role.keys, signer));
  for (const role of due.filter((r) => !together.includes(r)))
    result.failed.push({
      target: role.target,
      message: `${role.signerName} does not hold the long-term keys the other roles use: renew it on its own (mfa-tray renew ${role.target})`,
    });
  if (!signer || together.length === 0) return { ...result, outcome: rolesSummary(device, result, clock.now()) };

  const mfa = await mfaSessionFor(model, device, signer, together, request, deps);
  if ('kind' in mfa) return { ...result, outcome: mfa };
  if (mfa.session) result.session = mfa.session;
  await assumeAll(together, mfa.credentials, deps, result);
  return { ...result, outcome: rolesSummary(device, result, clock.now()) };
}

const configuration = (message: string): RenewOutcome => ({ kind: 'configuration', category: 'user', message });

const sameKeys = (a: AwsKeys, b: AwsKeys): boolean =>
  a.accessKeyId === b.accessKeyId && a.secretAccessKey === b.secretAccessKey && a.sessionToken === b.sessionToken;

/** The MFA session the roles are assumed with: the user's session profile for this device and keys, or one in memory. */
async function mfaSessionFor(
  model: ProfileModel,
  device: string,
  signer: AwsKeys,
  roles: readonly ResolvedRole[],
  request: DeviceRolesRequest,
  deps: RenewDeps,
): Promise<{ credentials: AwsKeys; session?: DeviceRolesResult['session'] } | RenewOutcome> {
  const clock = deps.clock ?? systemClock;
  const pair = model.mfaSessions.find(
    (session) =>
      session.device === device &&
      model.profiles.get(session.source)?.settings.aws_access_key_id === signer.accessKeyId,
  );
  if (pair) {
    const renewed = await renew({ target: pair.target, codeSource: request.codeSource }, deps);
    if (renewed.kind !== 'renewed' && renewed.kind !== 'still-valid') return renewed;
    const keys = sessionKeysOf(await (deps.loadModel ?? loadProfileModel)(deps.locations), pair.target, clock.now());
    if (keys) return { credentials: keys, session: { target: pair.target, renewed: renewed.kind === 'renewed' } };
    return configuration(`The MFA session "${pair.target}" was renewed, but its keys could not be read back.`);
  }
  const names = roles.map((role) => role.target).join(', ');
  // Only this call's own GetSessionToken answer is used: a caller sharing another's flight gets no keys.
  let credentials: SessionCredentials | undefined;
  const issued = await onePerDevice(
    device,
    `roles of ${device}`,
    () =>
      underDeviceLock(deps, device, async () => {
        const gateway = await openGateway(deps, signer, roles[0]!.target, roles[0]!.settings);
        if ('kind' in gateway) return gateway;
        try {
          const result = await spendCode(
            { stateDir: deps.stateDir, clock },
            { target: names, source: roles[0]!.signerName, device },
            request.codeSource,
            // The shortest session STS gives: it lives in memory only, just long enough to assume the roles.
            (code) =>
              gateway.getSessionToken({
                serialNumber: device,
                tokenCode: code,
                durationSeconds: SESSION_DURATION.min,
              }),
          );
          if (!('ok' in result)) return result;
          credentials = result.value;
          return {
            kind: 'renewed',
            category: 'ok',
            target: names,
            expiration: result.value.expiration,
            sharedWithConcurrentRenewal: false,
            message: '',
          };
        } finally {
          gateway.close();
        }
      }),
    async () =>
      configuration(`Another renewal of ${device} was running meanwhile: renew the roles again with the next code.`),
  );
  if (issued.kind !== 'renewed') return issued;
  if (!credentials)
    return {
      ...issued,
      sharedWithConcurrentRenewal: true,
      message: `The roles of ${device} were renewed by a concurrent renewal.`,
    };
  return { credentials };
}

function sessionKeysOf(model: ProfileModel, target: string, nowMs: number): AwsKeys | undefined {
  const settings = model.profiles.get(target)?.settings ?? {};
  const expiration = model.mfaSessions.find((session) => session.target === target)?.expiration;
  const { aws_access_key_id: id, aws_secret_access_key: secret, aws_session_token: token } = settings;
  if (!isStillValid(expiration, nowMs) || typeof id !== 'string' || typeof secret !== 'string') return undefined;
  if (typeof token !== 'string') return undefined;
  return { accessKeyId: id, secretAccessKey: secret, sessionToken: token };
}

async function assumeAll(
  roles: readonly ResolvedRole[],
  session: AwsKeys,
  deps: RenewDeps,
  result: Omit<DeviceRolesResult, 'outcome'>,
): Promise<void> {
  const clock = deps.clock ?? systemClock;
  for (const role of roles) {
    const gateway = await openGateway(deps, session, role.target, role.settings);
    if ('kind' in gateway) {
      result.failed.push({ target: role.target, message: gateway.message });
      continue;
    }
    try {
      const durationSeconds = Math.min(role.durationSeconds, ROLE_CHAINING_MAX_SECONDS);
      const assumed = await gateway.assumeRole({
        roleArn: role.roleArn,
        roleSessionName: role.mfaRole.roleSessionName ?? botocoreSessionName(clock.now()),
        durationSeconds,
        ...(role.mfaRole.externalId !== undefined && { externalId: role.mfaRole.externalId }),
      });
      if (!assumed.ok) {
        result.failed.push({ target: role.target, message: assumed.failure.message });
        continue;
      }
      const saved = await saveRole(role, assumed.value, deps);
      if (saved.kind !== 'renewed') result.failed.push({ target: role.target, message: saved.message });
      else
        result.renewed.push({
          target: role.target,
          expiration: assumed.value.expiration,
          ...(durationSeconds < role.durationSeconds && { cappedFromSeconds: role.durationSeconds }),
        });
    } finally {
      gateway.close();
    }
  }
}
