// Test support: a profile model in the scenario's shape and in-memory ports that record what the service did.
import type { ProfileModel, Profile, MfaSession, RoleProfile } from '../../electron/core/profiles/types';
import { invokeContract, type InvokeName, type TokenDialogContext } from '../../electron/shared/contract';
import { createLabDeviceService, NO_SECRET_STORE } from '../../electron/core/lab-devices';
import type { RenewOutcome } from '../../electron/core/renewal';
import type { CallerContext, WindowCloser } from '../../electron/app/ipc-handlers';
import type {
  AppServiceDeps,
  CorePorts,
  RenewRequest,
  ServiceLog,
  ShellCapabilities,
  WizardOperations,
} from '../../electron/app/ports';
import { scenario } from '../scenario/scenario';

const { profiles: names, staleSession } = scenario;
export const SECRET_ACCESS_KEY = staleSession.secretAccessKey;
export const SESSION_TOKEN = staleSession.sessionToken;
export const LONG_TERM_SECRET = scenario.activeKey.secret;

export function scenarioModel(expiration?: Date): ProfileModel {
  const profiles: Profile[] = [
    {
      name: names.source,
      kind: 'long-term',
      settings: {
        aws_access_key_id: scenario.activeKey.id,
        aws_secret_access_key: LONG_TERM_SECRET,
        mfa_serial: scenario.mfaSerial,
      },
      origin: { aws_access_key_id: 'credentials', aws_secret_access_key: 'credentials', mfa_serial: 'config' },
      accountId: scenario.accounts.users,
      mfaSerial: scenario.mfaSerial,
    },
    {
      name: names.target,
      kind: 'mfa-session',
      settings: {
        aws_access_key_id: staleSession.accessKeyId,
        aws_secret_access_key: SECRET_ACCESS_KEY,
        aws_session_token: SESSION_TOKEN,
        ...(expiration && { expiration: expiration.toISOString() }),
      },
      origin: {},
    },
    {
      name: names.role,
      kind: 'role',
      settings: { role_arn: scenario.roleArn, source_profile: names.target, region: scenario.region },
      origin: {},
      accountId: scenario.accounts.repository,
    },
  ];
  const session: MfaSession = {
    source: names.source,
    target: names.target,
    device: scenario.mfaSerial,
    durationSeconds: scenario.sessionDurationSeconds,
    ...(expiration && { expiration }),
    pairedBy: 'scenario',
    accountId: scenario.accounts.users,
  };
  const role: RoleProfile = {
    profile: names.role,
    roleArn: scenario.roleArn,
    accountId: scenario.accounts.repository,
    region: scenario.region,
    chain: [names.role, names.target],
    mfaSessionTarget: names.target,
  };
  return {
    profiles: new Map(profiles.map((profile) => [profile.name, profile])),
    ssoSessions: new Map(),
    mfaSessions: [session],
    roles: [role],
    problems: [],
  };
}

export interface Recorder {
  clipboard: string[];
  openedPaths: string[];
  dialogs: TokenDialogContext[];
  hidden: CallerContext[];
  dashboards: number;
  wizards: number;
  startAtLogin: boolean[];
  renewRequests: RenewRequest[];
  logs: Array<{ level: string; message: string; fields?: Record<string, unknown> }>;
}

export interface FakeWorld {
  deps: AppServiceDeps;
  /** The IPC adapter's window closer: closes any sender but 0. */
  windows: WindowCloser;
  record: Recorder;
  setModel(model: ProfileModel): void;
  setNow(ms: number): void;
  /** Simulates watchAwsFiles reporting a change. */
  fireFileChange(): void;
  setRenew(impl: (request: RenewRequest) => Promise<RenewOutcome>): void;
  watcherClosed(): boolean;
}

export function fakeWorld(stateDir: string, model: ProfileModel, nowMs: number): FakeWorld {
  let currentModel = model;
  let now = nowMs;
  let onChange: (() => void) | undefined;
  let closed = false;
  let renewImpl: (request: RenewRequest) => Promise<RenewOutcome> = async (request) =>
    renewedOutcome(request.target, new Date(now + 3600_000));
  const record: Recorder = {
    clipboard: [],
    openedPaths: [],
    dialogs: [],
    hidden: [],
    dashboards: 0,
    wizards: 0,
    startAtLogin: [],
    renewRequests: [],
    logs: [],
  };
  const core: CorePorts = {
    loadProfileModel: async () => currentModel,
    renew: (request) => {
      record.renewRequests.push(request);
      return renewImpl(request);
    },
    watchAwsFiles: (listener) => {
      onChange = () => listener(['credentials']);
      return { close: () => (closed = true) };
    },
    isLabDevice: async () => false,
  };
  const shell: ShellCapabilities = {
    writeClipboard: async (text) => {
      record.clipboard.push(text);
    },
    openPath: async (path) => {
      record.openedPaths.push(path);
      return '';
    },
    showTokenDialog: (context) => record.dialogs.push(context),
    openDashboard: () => record.dashboards++,
    openWizard: () => record.wizards++,
    setStartAtLogin: async (enabled) => {
      record.startAtLogin.push(enabled);
    },
  };
  const log: ServiceLog = {
    info: (message, fields) => record.logs.push({ level: 'info', message, ...(fields && { fields }) }),
    warn: (message, fields) => record.logs.push({ level: 'warn', message, ...(fields && { fields }) }),
    error: (message, fields) => record.logs.push({ level: 'error', message, ...(fields && { fields }) }),
  };
  // The wizard has its own module and tests; here each of its operations only proves it was reached.
  const wizard = Object.fromEntries(
    (Object.keys(invokeContract) as InvokeName[])
      .filter((name) => name.startsWith('wizard'))
      .map((name) => [
        name,
        async () => {
          throw new Error(`reached ${name}`);
        },
      ]),
  ) as unknown as WizardOperations;
  const locations = {
    config: '/home/dev/.aws/config',
    credentials: '/home/dev/.aws/credentials',
    cliCacheDir: '/home/dev/.aws/cli/cache',
  };
  return {
    windows: {
      closeSender: (caller) => {
        record.hidden.push(caller);
        return caller.senderId !== 0;
      },
    },
    deps: {
      wizard,
      locations,
      stateDir,
      clock: { now: () => now },
      core,
      shell,
      log,
      // The real service with no secret store: it holds no device.
      labDevices: createLabDeviceService({
        stateDir,
        locations,
        env: {},
        clock: { now: () => now },
        cipher: NO_SECRET_STORE,
      }),
      platform: 'linux',
    },
    record,
    setModel: (next) => (currentModel = next),
    setNow: (ms) => (now = ms),
    fireFileChange: () => onChange?.(),
    setRenew: (impl) => (renewImpl = impl),
    watcherClosed: () => closed,
  };
}

/** A successful renewal's outcome, as the renewal module reports it. */
export function renewedOutcome(target: string, expiration: Date): RenewOutcome {
  return {
    kind: 'renewed',
    category: 'ok',
    message: 'Renewed.',
    target,
    expiration,
    sharedWithConcurrentRenewal: false,
  };
}
