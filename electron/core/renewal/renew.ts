// renew(target): one GetSessionToken per MFA device at a time, across the tray app and any number of CLI
// processes, and never with a code from a window already used. Writes go through writeProfileSettings,
// which validates both files before touching either, so no outcome leaves half a session behind.
import { stat } from 'node:fs/promises';
import * as timers from 'node:timers/promises';
import { AwsFileError, checkProfileWritable, writeProfileSettings } from '../aws-files';
import { loadProfileModel, type ProfileModel } from '../profiles';
import { systemClock } from '../time/clock';
import { errorMessage } from '../../shared/error-message';
import { describeUntil } from './outcome-text';
import { onePerDevice, underDeviceLock } from './device-flight';
import { checkFilesWritable } from './files-writable';
import { openGateway, preloadStsClient } from './open-gateway';
import { maskSecretLike } from './problem-text';
import { resolveRenewal, type ResolvedRenewal } from './resolve-session';
import { formatExpiration, targetExpiration } from './session-expiration';
import { sessionShape, sessionValues, standInCredentials, type SessionShape } from './session-shape';
import { renewMfaRole } from './renew-role';
import { isMfaRoleTarget } from './role-target';
import { spendCode } from './spend-code';
import type { RenewDeps, RenewOutcome, RenewRequest } from './types';
import { isStillValid } from './validity';

/** Waits before each further attempt to save an issued session; the credentials stay in memory meanwhile. */
const SAVE_RETRY_DELAYS_MS = [500, 2000];

type CheckedRenewal = ResolvedRenewal & { shape: SessionShape };

/** Writes the issued session, retrying while it is in memory; the last error when every attempt failed. */
async function saveIssued(
  session: CheckedRenewal,
  credentials: Parameters<typeof sessionValues>[1],
  deps: RenewDeps,
  whileSettling: () => void,
): Promise<{ attempts: number; error: unknown } | undefined> {
  const { values, credentialsFileKeys } = sessionValues(session.shape, credentials);
  const delays = deps.saveRetryDelaysMs ?? SAVE_RETRY_DELAYS_MS;
  let error: unknown;
  for (let attempt = 0; attempt <= delays.length; attempt += 1) {
    if (attempt > 0) await timers.setTimeout(delays[attempt - 1]);
    try {
      await (deps.writeSettings ?? writeProfileSettings)(deps.locations, session.target, values, {
        credentialsFileKeys,
        whileSettling,
        ...(deps.onFileWait && { onWait: deps.onFileWait }),
      });
      return undefined;
    } catch (caught) {
      error = caught;
    }
  }
  return { attempts: delays.length + 1, error };
}

export async function renew(request: RenewRequest, deps: RenewDeps): Promise<RenewOutcome> {
  const clock = deps.clock ?? systemClock;
  const loadModel = deps.loadModel ?? loadProfileModel;
  const model = await loadModel(deps.locations);
  if (isMfaRoleTarget(model, request.target)) return renewMfaRole(request, deps, model);
  const early = await precheck(model, request, deps, clock.now());
  if ('kind' in early) return early;
  return onePerDevice(
    early.device,
    request.target,
    () => renewUnderLock(early, request, deps),
    () => renew(request, deps),
  );
}

/**
 * Whether the target is due and renewable, from the model alone. The write is tried (checkSave) only under the device
 * lock, right before a code is asked for: a renewal shared with a concurrent one never needs it, and trying it twice
 * would double the fsyncs of every renewal.
 */
async function precheck(
  model: ProfileModel,
  request: RenewRequest,
  deps: RenewDeps,
  nowMs: number,
): Promise<CheckedRenewal | RenewOutcome> {
  const resolved = resolveRenewal(model, request, {
    path: deps.locations.credentials,
    exists: await stat(deps.locations.credentials).then(
      () => true,
      () => false,
    ),
  });
  // A file botocore cannot read counts as empty: its problem, not the missing profile, is what to fix.
  if ('kind' in resolved) return (await checkFilesWritable(deps.locations)) ?? resolved;
  if (!request.force && isStillValid(resolved.expiration, nowMs)) {
    return {
      kind: 'still-valid',
      category: 'ok',
      target: request.target,
      expiration: resolved.expiration,
      message: `The MFA session "${request.target}" is still valid until ${describeUntil(resolved.expiration, nowMs)}; nothing to do (use --force to renew anyway).`,
    };
  }
  preloadStsClient(deps);
  const shape = sessionShape(model.profiles.get(request.target), request.target);
  if ('kind' in shape) return shape;
  return { ...resolved, shape };
}

/** Both files readable by botocore's rules, and the final write tried with stand-ins: before any code is asked for. */
async function checkSave(session: CheckedRenewal, deps: RenewDeps, nowMs: number): Promise<RenewOutcome | undefined> {
  // At once: a file botocore cannot read is the problem to report, whatever trying the write made of it.
  const [readable, saving] = await Promise.allSettled([
    checkFilesWritable(deps.locations),
    saveProblem(session, session.shape, deps, nowMs),
  ]);
  if (readable.status === 'rejected') throw readable.reason;
  if (readable.value) return readable.value;
  if (saving.status === 'rejected') throw saving.reason;
  return saving.value;
}

/** Tries everything the final write needs, with stand-ins of the real values' size, before a code is asked for. */
async function saveProblem(
  session: ResolvedRenewal,
  shape: SessionShape,
  deps: RenewDeps,
  nowMs: number,
): Promise<RenewOutcome | undefined> {
  const { values, credentialsFileKeys } = sessionValues(
    shape,
    standInCredentials(new Date(nowMs + session.durationSeconds * 1000)),
  );
  try {
    await (deps.checkWritable ?? checkProfileWritable)(deps.locations, session.target, values, {
      credentialsFileKeys,
    });
    return undefined;
  } catch (error) {
    if (!(error instanceof AwsFileError)) throw error;
    return {
      kind: 'file-problem',
      category: 'user',
      message: `MFA Tray could not save a renewal of "${session.target}", so no code was asked for or sent: ${maskSecretLike(error.message)}.`,
    };
  }
}

async function renewUnderLock(before: CheckedRenewal, request: RenewRequest, deps: RenewDeps): Promise<RenewOutcome> {
  const clock = deps.clock ?? systemClock;
  return underDeviceLock(deps, before.device, async () => {
    // Another process may have renewed while we waited: re-read, and share its result.
    const model = await (deps.loadModel ?? loadProfileModel)(deps.locations);
    const current = targetExpiration(model, request.target);
    // The caller's own view (what it saw before deciding to renew) is the baseline when it gave one.
    const baseline = request.seen ? request.seen.expiration : before.expiration;
    if (current && current.getTime() > clock.now() && current.getTime() !== baseline?.getTime()) {
      return {
        kind: 'renewed',
        category: 'ok',
        target: request.target,
        expiration: current,
        sharedWithConcurrentRenewal: true,
        message: `"${request.target}" was renewed by a concurrent renewal; valid until ${describeUntil(current, clock.now())}.`,
      } satisfies RenewOutcome;
    }
    const resolved = await precheck(model, request, deps, clock.now());
    if ('kind' in resolved) return resolved;
    const unsavable = await checkSave(resolved, deps, clock.now());
    if (unsavable) return unsavable;
    return await renewNow(resolved, request, deps);
  });
}

async function renewNow(session: CheckedRenewal, request: RenewRequest, deps: RenewDeps): Promise<RenewOutcome> {
  const clock = deps.clock ?? systemClock;
  const gateway = await openGateway(deps, session.keys, session.source, session.sourceSettings);
  if ('kind' in gateway) return gateway;
  try {
    const result = await spendCode(
      { stateDir: deps.stateDir, clock },
      { target: session.target, source: session.source, device: session.device },
      request.codeSource,
      (code) =>
        gateway.getSessionToken({
          serialNumber: session.device,
          tokenCode: code,
          durationSeconds: session.durationSeconds,
        }),
    );
    if (!('ok' in result)) return result;
    const credentials = result.value;
    // Composed while the files settle: the first date it formats loads ICU's data (~10 ms).
    let renewed: string | undefined;
    const describeRenewed = () =>
      (renewed ??= `Renewed "${session.target}" with ${session.source}'s MFA device; valid until ${describeUntil(credentials.expiration, clock.now())}.`);
    const failed = await saveIssued(session, credentials, deps, describeRenewed);
    if (failed !== undefined) {
      return {
        kind: 'file-problem',
        category: 'user',
        message: `AWS issued the session (valid until ${formatExpiration(credentials.expiration)}), but it could not be saved after ${failed.attempts} attempts: ${maskSecretLike(errorMessage(failed.error))}. Both files are unchanged and the new keys were dropped (MFA Tray keeps them nowhere else). Fix that, then renew again with the next code.`,
      };
    }
    return {
      kind: 'renewed',
      category: 'ok',
      target: session.target,
      expiration: credentials.expiration,
      sharedWithConcurrentRenewal: false,
      message: describeRenewed(),
    };
  } finally {
    gateway.close();
  }
}
