// Renewal of an MFA role (mfa_serial on the role profile): AssumeRole with SerialNumber and TokenCode, the
// answer written to the AWS CLI's own cache entry for the profile, so `aws --profile ROLE` and
// `aws codecommit credential-helper` use it without prompting. Same device lock, single flight and used-window
// guard as session renewals: a session and roles on one device never spend one code twice.
import { loadProfileModel, readRoleCacheKeys, writeRoleCacheEntry, type ProfileModel } from '../profiles';
import { systemClock } from '../time/clock';
import { errorMessage } from '../../shared/error-message';
import { onePerDevice, underDeviceLock } from './device-flight';
import { openGateway } from './open-gateway';
import { describeUntil } from './outcome-text';
import { formatExpiration } from './session-expiration';
import { maskSecretLike } from './problem-text';
import { resolveMfaRole, type ResolvedRole } from './resolve-role';
import { roleKeysFresh } from './role-target';
import { spendCode } from './spend-code';
import type { RenewDeps, RenewOutcome, RenewRequest } from './types';

export async function renewMfaRole(request: RenewRequest, deps: RenewDeps, model: ProfileModel): Promise<RenewOutcome> {
  const clock = deps.clock ?? systemClock;
  // An MFA role is signed by its own source_profile (or credential_source) for its own duration_seconds.
  if (request.source !== undefined || request.durationSeconds !== undefined)
    return {
      kind: 'configuration',
      category: 'user',
      message: `"${request.target}" is an MFA role: its source_profile and duration_seconds say how it is assumed, so --source and --duration do not apply.`,
    };
  const early = await resolveMfaRole(model, request, deps, clock.now());
  if ('kind' in early) return early;
  return onePerDevice(
    early.device,
    request.target,
    () => underDeviceLock(deps, early.device, () => renewLocked(early, request, deps)),
    async () => renewMfaRole(request, deps, await (deps.loadModel ?? loadProfileModel)(deps.locations)),
  );
}

async function renewLocked(before: ResolvedRole, request: RenewRequest, deps: RenewDeps): Promise<RenewOutcome> {
  const clock = deps.clock ?? systemClock;
  // Another process (or the AWS CLI after a prompt) may have renewed while we waited: share its result.
  const current = (await readRoleCacheKeys(deps.locations.cliCacheDir, before.mfaRole.cacheKey))?.expiration;
  if (roleKeysFresh(current, clock.now()) && current.getTime() !== before.expiration?.getTime()) {
    return {
      kind: 'renewed',
      category: 'ok',
      target: request.target,
      expiration: current,
      sharedWithConcurrentRenewal: true,
      message: `The role "${request.target}" was renewed by a concurrent renewal; cached until ${describeUntil(current, clock.now())}.`,
    };
  }
  const model = await (deps.loadModel ?? loadProfileModel)(deps.locations);
  const resolved = await resolveMfaRole(model, request, deps, clock.now());
  if ('kind' in resolved) return resolved;
  return assumeWithCode(resolved, request, deps);
}

/** botocore's generated session name when the profile sets none (BaseAssumeRoleCredentialFetcher). */
export const botocoreSessionName = (nowMs: number): string => `botocore-session-${Math.floor(nowMs / 1000)}`;

async function assumeWithCode(role: ResolvedRole, request: RenewRequest, deps: RenewDeps): Promise<RenewOutcome> {
  const clock = deps.clock ?? systemClock;
  const gateway = await openGateway(deps, role.keys, role.target, role.settings);
  if ('kind' in gateway) return gateway;
  try {
    const result = await spendCode(
      { stateDir: deps.stateDir, clock },
      { target: role.target, source: role.signerName, device: role.device },
      request.codeSource,
      (code) =>
        gateway.assumeRole({
          roleArn: role.roleArn,
          roleSessionName: role.mfaRole.roleSessionName ?? botocoreSessionName(clock.now()),
          durationSeconds: role.durationSeconds,
          serialNumber: role.device,
          tokenCode: code,
          ...(role.mfaRole.externalId !== undefined && { externalId: role.mfaRole.externalId }),
        }),
    );
    if (!('ok' in result)) return result;
    return await saveRole(role, result.value, deps);
  } finally {
    gateway.close();
  }
}

/** Writes the entry botocore reads for this profile; the outcome says the AWS CLI will use it. */
export async function saveRole(
  role: Pick<ResolvedRole, 'target' | 'mfaRole'>,
  issued: Parameters<typeof writeRoleCacheEntry>[2],
  deps: RenewDeps,
): Promise<RenewOutcome> {
  const clock = deps.clock ?? systemClock;
  try {
    await writeRoleCacheEntry(deps.locations.cliCacheDir, role.mfaRole.cacheKey, issued);
  } catch (error) {
    return {
      kind: 'file-problem',
      category: 'user',
      message: `AWS issued role credentials for "${role.target}" (valid until ${formatExpiration(issued.expiration)}), but they could not be saved in ${deps.locations.cliCacheDir}: ${maskSecretLike(errorMessage(error))}. The keys were dropped; fix that, then renew again with the next code.`,
    };
  }
  return {
    kind: 'renewed',
    category: 'ok',
    target: role.target,
    expiration: issued.expiration,
    sharedWithConcurrentRenewal: false,
    message: `Renewed the role "${role.target}" with the MFA device ${role.mfaRole.device}; cached for the AWS CLI until ${describeUntil(issued.expiration, clock.now())}.`,
  };
}
