// One test's world: real AWS files in a temp HOME, the STS/IAM emulator, and the real app service + wizard + lab
// devices behind the real IPC dispatcher. The shell's desktop capabilities open pages instead of windows, and the OS
// keychain is a cipher that really encrypts (AES-256-GCM under a key made for this test).
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from '@playwright/test';
import {
  createAppService,
  createIpcDispatcher,
  createIpcHandlers,
  type AppService,
  type IpcDispatcher,
  type ShellCapabilities,
} from '../../electron/app';
import { createCorePorts } from '../../electron/app/core-ports';
import { createLabDeviceService, type LabDeviceService } from '../../electron/core/lab-devices';
import { testCipher, type TestCipher } from '../../testing/lab-devices/test-cipher';
import { createWizardService } from '../../electron/core/onboarding/wizard-service';
import { eventContract, type TokenDialogContext } from '../../electron/shared/contract';
import { generateTotp } from '../../electron/core/totp';
import { startEmulator, startTlsProxy, type StsEmulator } from '../../tools/sts-emulator';
import type { Seed } from '../../tools/sts-emulator/seed-schema';
import { awsHostNames, createTestCertificates } from '../../testing/tls/test-certificates';
import { scenario, scenarioSeed } from '../../testing/scenario/scenario';
import { bindPage, deliver } from './bridge-transport';
import { roleForHash, windowSize } from './window-fit';

export { scenario };

export interface AppWorld {
  home: string;
  files: { config: string; credentials: string; cliCacheDir: string };
  /** Env that points the AWS CLI and SDK at these files and the emulator. */
  env: Record<string, string>;
  emulator: StsEmulator;
  /** MFA Tray's own state folder (settings, used windows, sealed lab devices). */
  stateDir: string;
  service: AppService;
  dispatcher: IpcDispatcher;
  labDevices: LabDeviceService;
  /** The keychain stand-in; its kind decides keychain / weak / unavailable. */
  labCipher: TestCipher;
  /** What the shell was asked to do (the clipboard's text is kept out: it holds credentials). */
  shellLog: string[];
  /** Opens a screen of the renderer in a new page bound to the service. */
  open(hash: string): Promise<Page>;
  /** The next token dialog page the service opens (Renew buttons, wizard). */
  nextDialog(): Promise<Page>;
  code(windowOffset?: number): string;
  /** How many times the shell's clipboard was written (its text is never kept). */
  clipboardWrites(): number;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** The OS secret store the lab devices see (default: a keychain). */
  secretStore?: TestCipher['kind'];
  /** The emulator's accounts (default: the scenario's). */
  seed?: Seed;
  /**
   * CodeCommit as git and the AWS CLI see it: the emulator's git endpoint serving an empty `myRepository`, behind
   * the TLS proxy under AWS's real host names (HTTPS_PROXY, AWS_CA_BUNDLE, git's http.proxy and sslCAInfo).
   */
  codecommit?: boolean;
}

export async function createAppWorld(
  context: BrowserContext,
  rendererUrl: string,
  files: { config?: string; credentials?: string } = {},
  options: WorldOptions = {},
): Promise<AppWorld> {
  const home = await mkdtemp(join(tmpdir(), 'mfa-tray-e2e-'));
  const awsDir = join(home, '.aws');
  await mkdir(awsDir, { recursive: true });
  const locations = {
    config: join(awsDir, 'config'),
    credentials: join(awsDir, 'credentials'),
    cliCacheDir: join(awsDir, 'cli', 'cache'),
  };
  if (files.config !== undefined) await writeFile(locations.config, files.config, { mode: 0o600 });
  if (files.credentials !== undefined) await writeFile(locations.credentials, files.credentials, { mode: 0o600 });
  const repos = join(home, 'codecommit');
  if (options.codecommit) await mkdir(join(repos, 'myRepository'), { recursive: true });
  if (options.codecommit) await runGit(['init', '-q', '--bare', '--initial-branch=main', join(repos, 'myRepository')]);
  const emulator = await startEmulator({
    port: 0,
    seed: options.seed ?? scenarioSeed,
    ...(options.codecommit && { git: { root: repos, region: scenario.region } }),
  });
  const codecommit = options.codecommit ? await codeCommitThroughProxy(home, emulator.url) : undefined;
  const env = {
    HOME: home,
    AWS_CONFIG_FILE: locations.config,
    AWS_SHARED_CREDENTIALS_FILE: locations.credentials,
    AWS_ENDPOINT_URL_STS: emulator.url,
    AWS_ENDPOINT_URL_IAM: emulator.url,
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...codecommit?.env,
  };
  const pages = new Map<number, Page>();
  const shellLog: string[] = [];
  const dialogWaiters: Array<(page: Page) => void> = [];
  let closed = false;

  async function open(hash: string): Promise<Page> {
    const page = await context.newPage();
    // Each screen opens at its window's real content size: screenshots and layout checks see what users see.
    const { width, height } = windowSize(roleForHash(hash));
    await page.setViewportSize({ width, height });
    const senderId = await bindPage(page, dispatcher);
    pages.set(senderId, page);
    page.on('close', () => pages.delete(senderId));
    await page.goto(`${rendererUrl}${hash}`);
    return page;
  }

  const shell: ShellCapabilities = {
    writeClipboard: async () => {
      shellLog.push('clipboard written');
    },
    openPath: async (path) => {
      shellLog.push(`open ${path}`);
      return '';
    },
    showTokenDialog: (dialog: TokenDialogContext) => {
      shellLog.push(`token dialog ${dialog.target}`);
      // A test may end while this window still opens: only a failure before the world closes is one.
      // Like main's window: "all roles of a device" names no one profile, so the dialog takes main's request.
      const hash =
        dialog.kind === 'device-roles'
          ? '#/token-dialog'
          : `#/token-dialog?target=${encodeURIComponent(dialog.target)}`;
      open(hash).then(
        (page) => dialogWaiters.shift()?.(page),
        (error: unknown) => {
          if (!closed) shellLog.push(`token dialog failed to open: ${String(error)}`);
        },
      );
    },
    openDashboard: () => shellLog.push('open dashboard'),
    openWizard: () => shellLog.push('open wizard'),
    setStartAtLogin: async (enabled) => {
      shellLog.push(`start at login ${enabled}`);
    },
  };
  const log = {
    info: () => undefined,
    warn: () => undefined,
    error: (message: string, fields?: Record<string, unknown>) => console.error(message, fields ?? ''),
  };
  const stateDir = join(home, 'state');
  const labCipher = testCipher(options.secretStore ?? 'keychain');
  const labDevices = createLabDeviceService({ stateDir, locations, env, clock: { now: Date.now }, cipher: labCipher });
  const core = createCorePorts({
    locations,
    stateDir,
    env,
    clock: { now: Date.now },
    isLabDevice: labDevices.isLabDevice,
    watchDebounceMs: 50,
  });
  const wizard = createWizardService({
    locations,
    clock: { now: Date.now },
    cli: { argv: [process.execPath, join(process.cwd(), 'bin', 'mfa-tray.cjs')] },
    pickFolder: async () => home,
    env,
  });
  const service: AppService = createAppService({
    locations,
    stateDir,
    clock: { now: Date.now },
    core,
    shell,
    log,
    wizard,
    labDevices,
    platform: 'linux',
  });
  const closeSender = (caller: { senderId: number }) => {
    shellLog.push(`hide ${caller.senderId}`);
    return pages.has(caller.senderId);
  };
  const dispatcher: IpcDispatcher = createIpcDispatcher(createIpcHandlers(service, { closeSender }), log);
  const unsubscribe = service.subscribe((event) => {
    for (const page of pages.values()) void deliver(page, eventContract[event.name].channel, event.payload);
  });
  await service.start();

  return {
    home,
    files: locations,
    env,
    emulator,
    stateDir,
    service,
    dispatcher,
    labDevices,
    labCipher,
    shellLog,
    open,
    nextDialog: () => new Promise<Page>((resolve) => dialogWaiters.push(resolve)),
    code: (windowOffset = 0) => generateTotp(scenario.mfaSecret, emulator.now() + windowOffset * 30_000),
    clipboardWrites: () => shellLog.filter((entry) => entry === 'clipboard written').length,
    async close() {
      closed = true;
      unsubscribe();
      service.close();
      await codecommit?.proxy.close();
      await emulator.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}

const runGit = (args: string[]) => promisify(execFile)('git', args);

/** The proxy, its CA in a folder of the world, and what the wizard's git, our helper and the AWS CLI need to use it. */
async function codeCommitThroughProxy(home: string, emulatorUrl: string) {
  // us-east-1 too: the world's AWS_REGION sends the AWS CLI's AssumeRole to sts.us-east-1.amazonaws.com.
  const certificates = await createTestCertificates(
    await mkdtemp(join(home, 'tls-')),
    awsHostNames([scenario.region, 'us-east-1']),
  );
  const proxy = await startTlsProxy({ upstream: emulatorUrl, key: certificates.key, cert: certificates.cert });
  await writeFile(join(home, '.gitconfig'), `[http]\n\tproxy = ${proxy.url}\n\tsslCAInfo = ${certificates.caFile}\n`);
  const env = {
    // The blog's helper line runs `aws`: /usr/bin/aws first (a developer's PATH may hold an older one).
    PATH: `/usr/bin:/bin:${dirname(process.execPath)}`,
    HTTPS_PROXY: proxy.url,
    AWS_CA_BUNDLE: certificates.caFile,
    GIT_CONFIG_NOSYSTEM: '1',
  };
  return { proxy, env };
}

/** The scenario's three profiles, the MFA session not yet renewed (or valid until `expiration`). */
export function scenarioFiles(options: { expiration?: Date; accessKeyId?: string; secret?: string } = {}): {
  config: string;
  credentials: string;
} {
  const { profiles, staleSession } = scenario;
  const session = options.expiration
    ? `\n[${profiles.target}]\naws_access_key_id = ${staleSession.accessKeyId}\naws_secret_access_key = ${staleSession.secretAccessKey}\naws_session_token = ${staleSession.sessionToken}\n`
    : '';
  return {
    config: [
      `[profile ${profiles.source}]`,
      `mfa_serial = ${scenario.mfaSerial}`,
      `get_session_token_duration_seconds = ${scenario.sessionDurationSeconds}`,
      '',
      `[profile ${profiles.target}]`,
      ...(options.expiration ? [`expiration = ${options.expiration.toISOString().replace(/\.\d+Z$/, 'Z')}`] : []),
      '',
      `[profile ${profiles.role}]`,
      `region = ${scenario.region}`,
      `role_arn = ${scenario.roleArn}`,
      `source_profile = ${profiles.target}`,
      '',
    ].join('\n'),
    credentials: `[${profiles.source}]\naws_access_key_id = ${options.accessKeyId ?? scenario.activeKey.id}\naws_secret_access_key = ${options.secret ?? scenario.activeKey.secret}\n${session}`,
  };
}
