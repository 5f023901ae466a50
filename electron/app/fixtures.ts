// Test support: a profile model in the scenario's shape and in-memory ports that record what the service did.
import type { ProfileModel, Profile, MfaSession, RoleProfile } from '../core/profiles/types';
import { invokeContract, type InvokeName, type TokenDialogContext } from '../shared/contract';
import { createLabDeviceService, NO_SECRET_STORE } from '../core/lab-devices';
import type { RenewOutcome } from '../core/renewal';
import type { CallerContext, WindowCloser } from './ipc-handlers';
import type { AppServiceDeps, CorePorts, RenewRequest, ServiceLog, ShellCapabilities, WizardOperations } from './ports';

export const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYzz';
export const SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLEsessionTOKENvalue0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=';
export const LONG_TERM_SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';

export function scenarioModel(expiration?: Date): ProfileModel {
  const profiles: Profile[] = [
    {
      name: 'FetchMfaCredentials',
      kind: 'long-term',
      settings: { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: LONG_TERM_SECRET, mfa_serial: 'arn:aws:iam::111111111111:mfa/MyRepositoryUser' },
      origin: { aws_access_key_id: 'credentials', aws_secret_access_key: 'credentials', mfa_serial: 'config' },
      accountId: '111111111111',
      mfaSerial: 'arn:aws:iam::111111111111:mfa/MyRepositoryUser',
    },
    {
      name: 'MyRepositoryAssumer',
      kind: 'mfa-session',
      settings: {
        aws_access_key_id: 'ASIAIOSFODNN7EXAMPLE',
        aws_secret_access_key: SECRET_ACCESS_KEY,
        aws_session_token: SESSION_TOKEN,
        ...(expiration && { expiration: expiration.toISOString() }),
      },
      origin: {},
    },
    {
      name: 'MyRepositoryContributor',
      kind: 'role',
      settings: { role_arn: 'arn:aws:iam::222222222222:role/MyRepositoryContributorRole', source_profile: 'MyRepositoryAssumer', region: 'eu-west-1' },
      origin: {},
      accountId: '222222222222',
    },
  ];
  const session: MfaSession = {
    source: 'FetchMfaCredentials',
    target: 'MyRepositoryAssumer',
    device: 'arn:aws:iam::111111111111:mfa/MyRepositoryUser',
    durationSeconds: 86400,
    ...(expiration && { expiration }),
    pairedBy: 'scenario',
    accountId: '111111111111',
  };
  const role: RoleProfile = {
    profile: 'MyRepositoryContributor',
    roleArn: 'arn:aws:iam::222222222222:role/MyRepositoryContributorRole',
    accountId: '222222222222',
    region: 'eu-west-1',
    chain: ['MyRepositoryContributor', 'MyRepositoryAssumer'],
    mfaSessionTarget: 'MyRepositoryAssumer',
  };
  return { profiles: new Map(profiles.map((profile) => [profile.name, profile])), ssoSessions: new Map(), mfaSessions: [session], roles: [role], problems: [] };
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
  let renewImpl: (request: RenewRequest) => Promise<RenewOutcome> = async (request) => renewedOutcome(request.target, new Date(now + 3600_000));
  const record: Recorder = { clipboard: [], openedPaths: [], dialogs: [], hidden: [], dashboards: 0, wizards: 0, startAtLogin: [], renewRequests: [], logs: [] };
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
    writeClipboard: (text) => record.clipboard.push(text),
    openPath: async (path) => {
      record.openedPaths.push(path);
      return '';
    },
    showTokenDialog: (context) => record.dialogs.push(context),
    openDashboard: () => record.dashboards++,
    openWizard: () => record.wizards++,
    setStartAtLogin: (enabled) => record.startAtLogin.push(enabled),
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
      .map((name) => [name, async () => {
        throw new Error(`reached ${name}`);
      }]),
  ) as unknown as WizardOperations;
  const locations = { config: '/home/dev/.aws/config', credentials: '/home/dev/.aws/credentials', cliCacheDir: '/home/dev/.aws/cli/cache' };
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
      labDevices: createLabDeviceService({ stateDir, locations, env: {}, clock: { now: () => now }, cipher: NO_SECRET_STORE }),
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
  return { kind: 'renewed', category: 'ok', message: 'Renewed.', target, expiration, sharedWithConcurrentRenewal: false };
}
