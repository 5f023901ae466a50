// renew(target): one GetSessionToken per MFA device at a time, across the tray app and any number of CLI
// processes, and never with a code from a window already used. Writes go through writeProfileSettings,
// which validates both files before touching either, so no outcome leaves half a session behind.
import { stat } from 'node:fs/promises';
import { DeviceLockTimeoutError, withDeviceLock } from '../app-state';
import { AwsFileError, checkProfileWritable, readAwsFile, writeProfileSettings } from '../aws-files';
import { loadConfig } from '../ini';
import { loadProfileModel, type ProfileModel, type SettingValue } from '../profiles';
// Not the STS index: the client (the SDK) is imported only once a code is to be sent, and the IAM client never.
import { EndpointConfigError } from '../sts/endpoint';
import type { createStsGateway, StsFailure } from '../sts';
import { systemClock } from '../time/clock';
import { errorMessage } from '../../shared/error-message';
import { formatClock, formatSpan } from '../../shared/time-format';
import { checkWindowFree, reserveCode } from './code-guard';
import { checkFilesWritable } from './files-writable';
import { maskSecretLike } from './problem-text';
import { resolveRenewal, type ResolvedRenewal } from './resolve-session';
import { formatExpiration, targetExpiration } from './session-expiration';
import { sessionShape, sessionValues, standInCredentials, type SessionShape } from './session-shape';
import { CodeEntryCancelled, type RenewDeps, type RenewOutcome, type RenewRequest } from './types';
import { isStillValid } from './validity';

/** Waits before each further attempt to save an issued session; the credentials stay in memory meanwhile. */
const SAVE_RETRY_DELAYS_MS = [500, 2000];

type CheckedRenewal = ResolvedRenewal & { shape: SessionShape };

type GatewayModule = { createStsGateway: typeof createStsGateway };
let gatewayModule: Promise<GatewayModule> | undefined;

/**
 * The STS client (the SDK), imported once a renewal is due — a session still valid never loads it — and started
 * before the files are checked and the code is asked for, so that it loads meanwhile.
 */
function stsGatewayModule(): Promise<GatewayModule> {
  gatewayModule ??= import('../sts/gateway');
  return gatewayModule;
}

/** In-process single flight: one promise per device; same-target callers share it. */
const inFlight = new Map<string, { target: string; promise: Promise<RenewOutcome> }>();

/** Writes the issued session, retrying while it is in memory; the last error when every attempt failed. */
async function saveIssued(
  session: CheckedRenewal,
  credentials: Parameters<typeof sessionValues>[1],
  deps: RenewDeps,
): Promise<{ attempts: number; error: unknown } | undefined> {
  const { values, credentialsFileKeys } = sessionValues(session.shape, credentials);
  const delays = deps.saveRetryDelaysMs ?? SAVE_RETRY_DELAYS_MS;
  let error: unknown;
  for (let attempt = 0; attempt <= delays.length; attempt += 1) {
    if (attempt > 0) await new Promise((done) => setTimeout(done, delays[attempt - 1]));
    try {
      await (deps.writeSettings ?? writeProfileSettings)(deps.locations, session.target, values, {
        credentialsFileKeys,
        ...(deps.onFileWait && { onWait: deps.onFileWait }),
      });
      return undefined;
    } catch (caught) {
      error = caught;
    }
  }
  return { attempts: delays.length + 1, error };
}

function describeUntil(expiration: Date, nowMs: number): string {
  return `${formatClock(expiration, nowMs)} (in ${formatSpan(expiration.getTime() - nowMs)})`;
}

export async function renew(request: RenewRequest, deps: RenewDeps): Promise<RenewOutcome> {
  const clock = deps.clock ?? systemClock;
  const loadModel = deps.loadModel ?? loadProfileModel;
  const model = await loadModel(deps.locations);
  const early = await precheck(model, request, deps, clock.now());
  if ('kind' in early) return early;

  const running = inFlight.get(early.device);
  if (running) {
    const shared = await running.promise;
    // The same session was being renewed: its result is ours. Another target on this device: go again.
    if (running.target === request.target) return shared;
    return renew(request, deps);
  }
  const promise = renewUnderLock(early, request, deps).finally(() => inFlight.delete(early.device));
  inFlight.set(early.device, { target: request.target, promise });
  return promise;
}

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
  if (!deps.createGateway) void stsGatewayModule().catch(() => undefined); // awaited (and reported) in renewNow
  const shape = sessionShape(model.profiles.get(request.target), request.target);
  if ('kind' in shape) return shape;
  const unreadable = await checkFilesWritable(deps.locations);
  if (unreadable) return unreadable;
  return (await saveProblem(resolved, shape, deps, nowMs)) ?? { ...resolved, shape };
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
  try {
    return await withDeviceLock(
      deps.stateDir,
      before.device,
      async () => {
        // Another process may have renewed while we waited: re-read, and share its result.
        const model = await (deps.loadModel ?? loadProfileModel)(deps.locations);
        const current = targetExpiration(model, request.target);
        if (current && current.getTime() > clock.now() && current.getTime() !== before.expiration?.getTime()) {
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
        return await renewNow(resolved, request, deps);
      },
      { maxWaitMs: deps.lockWaitMs, onWait: () => deps.onLockWait?.(before.device) },
    );
  } catch (error) {
    if (error instanceof DeviceLockTimeoutError) return { kind: 'busy', category: 'aws', message: error.message };
    const stateProblem = stateDirProblem(error, deps.stateDir);
    if (stateProblem) return stateProblem;
    throw error;
  }
}

/** The lock and the used-code record live in the state folder: failing to write there happens before any code is sent. */
function stateDirProblem(error: unknown, stateDir: string): RenewOutcome | undefined {
  const { code, path } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof path !== 'string' || !path.startsWith(stateDir)) return undefined;
  return {
    kind: 'file-problem',
    category: 'user',
    message: `MFA Tray cannot use its state folder ${stateDir} (${code} on ${path}); no code was sent. Make it a folder you can write, or set MFA_TRAY_STATE_DIR to one.`,
  };
}

async function servicesSectionsFor(settings: Readonly<Record<string, SettingValue>>, configPath: string) {
  if (typeof settings.services !== 'string') return undefined;
  return loadConfig((await readAwsFile(configPath)).text).services;
}

async function renewNow(session: CheckedRenewal, request: RenewRequest, deps: RenewDeps): Promise<RenewOutcome> {
  const clock = deps.clock ?? systemClock;
  const usedWindow = await checkWindowFree(deps.stateDir, session.device, clock.now());
  if (usedWindow) return usedWindow;

  let code: string;
  try {
    code = (
      await request.codeSource.getCode({ target: session.target, source: session.source, device: session.device })
    ).trim();
  } catch (error) {
    if (error instanceof CodeEntryCancelled) return { kind: 'cancelled', category: 'user', message: error.message };
    throw error;
  }
  if (!/^\d{6}$/.test(code)) {
    return {
      kind: 'invalid-code-format',
      category: 'user',
      message: 'The MFA code must be exactly 6 digits.',
    } satisfies StsFailure;
  }

  let gateway;
  try {
    gateway = (deps.createGateway ?? (await stsGatewayModule()).createStsGateway)({
      keys: session.keys,
      profileName: session.source,
      profileSettings: session.sourceSettings,
      servicesSections: await servicesSectionsFor(session.sourceSettings, deps.locations.config),
      env: deps.env ?? process.env,
      policy: deps.policy,
      clock,
    });
  } catch (error) {
    if (error instanceof EndpointConfigError)
      return { kind: 'configuration', category: 'user', message: error.message };
    throw error;
  }

  // The code's window is recorded before sending: once sent, AWS may have used it even if no answer comes.
  const reservation = await reserveCode(deps.stateDir, session.device, code, clock.now());
  if ('kind' in reservation) return reservation;
  try {
    const result = await gateway.getSessionToken({
      serialNumber: session.device,
      tokenCode: code,
      durationSeconds: session.durationSeconds,
    });
    if (!result.ok) {
      if (result.failure.kind === 'wrong-code' || result.failure.kind === 'invalid-code-format')
        await reservation.release();
      return result.failure;
    }
    const credentials = result.value;
    const failed = await saveIssued(session, credentials, deps);
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
      message: `Renewed "${session.target}" with ${session.source}'s MFA device; valid until ${describeUntil(credentials.expiration, clock.now())}.`,
    };
  } finally {
    gateway.close();
  }
}
