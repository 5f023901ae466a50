// The acceptance's burst: twenty `mfa-tray git-credential` processes (the built CLI, no terminal) against an expired
// MFA session while the app runs — its real service, renewal and prompt socket, the person's typing played by the
// test once the one dialog shows every caller (their parent here is the test's node, so the dialog says "node in …"). One dialog, one GetSessionToken, twenty signed answers for git.
import { describe, expect, it } from 'vitest';
import { createAppService, createCorePorts, type AppService, type WizardOperations } from '../app';
import { resolveAwsFileLocations } from '../core/aws-files';
import { createLabDeviceService, NO_SECRET_STORE } from '../core/lab-devices';
import { systemClock } from '../core/time/clock';
import type { TokenDialogContext } from '../shared/contract';
import { PROMPT_WAIT_SECONDS } from '../shared/vocabulary';
import { runCliWithoutTerminal } from '../../testing/cli/run-cli';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { scenario, scenarioCode } from '../../testing/scenario/scenario';
import { createScenarioLab, ROLE_PROFILE, TARGET, type ScenarioLab } from '../../testing/scenario/scenario-lab';
import { mfaRolesFiles, mfaRolesSeed } from '../../testing/scenario/mfa-roles';
import { startPromptSocketServer } from './prompt-socket';

// The scenario's accounts plus three MFA roles (mfa_serial on the role profile) on the same device.
const emulator = useScenarioEmulator('test', mfaRolesSeed);
const CALLERS = 20;

function runningApp(lab: ScenarioLab, onDialog: (context: TokenDialogContext, service: AppService) => void) {
  const locations = resolveAwsFileLocations(lab.env);
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const service: AppService = createAppService({
    locations,
    stateDir: lab.stateDir,
    clock: systemClock,
    core: createCorePorts({
      locations,
      stateDir: lab.stateDir,
      env: lab.env,
      clock: systemClock,
      isLabDevice: async () => false,
    }),
    shell: {
      writeClipboard: async () => undefined,
      openPath: async () => '',
      showTokenDialog: (context) => onDialog(context, service),
      openDashboard: () => undefined,
      openWizard: () => undefined,
      setStartAtLogin: async () => undefined,
    },
    log,
    wizard: {} as WizardOperations,
    labDevices: createLabDeviceService({
      stateDir: lab.stateDir,
      locations,
      env: lab.env,
      clock: systemClock,
      cipher: NO_SECRET_STORE,
    }),
    platform: process.platform,
  });
  return service;
}

const gitRequest = `protocol=https\nhost=git-codecommit.${scenario.region}.amazonaws.com\npath=v1/repos/myRepository\n\n`;

describe('the running app answers for every caller without a terminal', () => {
  it(
    `${CALLERS} git-credential processes → one dialog naming its caller, one GetSessionToken, ${CALLERS} signed answers`,
    { timeout: 120_000 },
    async () => {
      const lab = await createScenarioLab(emulator().url);
      const dialogs: TokenDialogContext[] = [];
      const service = runningApp(lab, (context) => dialogs.push(context));
      // The person types the code once the dialog counts every caller (the pushes update "and N more").
      let typed: Promise<unknown> | undefined;
      service.subscribe((event) => {
        if (event.name !== 'tokenDialogRequested' || event.payload.requestedBy?.others !== CALLERS - 1) return;
        typed ??= service.renew({ target: event.payload.target, code: scenarioCode(Date.now()), force: true });
      });
      await service.start();
      const server = await startPromptSocketServer(lab.stateDir, service);
      try {
        // No terminal for git's helpers: GIT_TERMINAL_PROMPT=0, as GUIs and IDEs run git.
        const env = { ...lab.env, GIT_TERMINAL_PROMPT: '0' };
        const results = await Promise.all(
          Array.from({ length: CALLERS }, () =>
            runCliWithoutTerminal(['git-credential', ROLE_PROFILE, 'get'], env, gitRequest),
          ),
        );
        expect(await typed).toMatchObject({ ok: true, kind: 'renewed' });
        expect(dialogs).toHaveLength(1);
        expect(dialogs[0]).toMatchObject({
          target: TARGET,
          requestedBy: { caller: expect.stringMatching(/^node in \//) },
        });
        expect(emulator().callCount('GetSessionToken')).toBe(1);
        for (const result of results) {
          expect(result.code).toBe(0);
          expect(result.stdout).toMatch(/^username=ASIA\S+\npassword=\w+\n$/);
          expect(result.stderr).toMatch(
            /MFA Tray: enter the MFA code for "MyRepositoryAssumer" in its "Renew MFA session" window/,
          );
        }
      } finally {
        await server.close();
        service.close();
      }
    },
  );

  it(
    'a closed dialog tells every waiting caller, and git goes on (exit 0, no answer)',
    { timeout: 60_000 },
    async () => {
      const lab = await createScenarioLab(emulator().url);
      const service = runningApp(lab, (_context, app) => void app.tokenDialogClosed());
      await service.start();
      const server = await startPromptSocketServer(lab.stateDir, service);
      try {
        const env = { ...lab.env, GIT_TERMINAL_PROMPT: '0' };
        const results = await Promise.all(
          [1, 2].map(() => runCliWithoutTerminal(['git-credential', ROLE_PROFILE, 'get'], env, gitRequest)),
        );
        for (const result of results) {
          expect(result).toMatchObject({ code: 0, stdout: '' });
          expect(result.stderr).toContain(
            'The MFA Tray dialog for "MyRepositoryAssumer" was closed without renewing it.',
          );
        }
        // credential_process callers (SDKs) get exit 2 and the same reason; nothing was sent to AWS.
        const sdk = await runCliWithoutTerminal(['credential-process', TARGET], env);
        expect(sdk).toMatchObject({ code: 2, stdout: '' });
        expect(sdk.stderr).toContain('was closed without renewing it');
        expect(emulator().callCount('GetSessionToken')).toBe(0);
      } finally {
        await server.close();
        service.close();
      }
    },
  );

  for (const [caller, args, input] of [
    ['credential-process (an SDK)', ['credential-process', TARGET], undefined],
    ['renew with nothing on stdin (a GUI’s `git mfa`)', ['renew', TARGET], ''],
  ] as const) {
    it(`${caller} renews in the dialog and carries on`, { timeout: 60_000 }, async () => {
      const lab = await createScenarioLab(emulator().url);
      const service = runningApp(lab, (context, app) => {
        void app.renew({ target: context.target, code: scenarioCode(Date.now()), force: true });
      });
      await service.start();
      const server = await startPromptSocketServer(lab.stateDir, service);
      try {
        const result = await runCliWithoutTerminal([...args], lab.env, input);
        expect(result.code).toBe(0);
        if (args[0] === 'renew')
          expect(result.stdout).toMatch(/^Renewed "MyRepositoryAssumer" in the MFA Tray dialog; valid until \S+Z\.\n$/);
        else
          expect(JSON.parse(result.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
        expect(emulator().callCount('GetSessionToken')).toBe(1);
      } finally {
        await server.close();
        service.close();
      }
    });
  }

  it(
    'an MFA role (mfa_serial on the role profile): an SDK without a terminal gets the role dialog, then its keys',
    {
      timeout: 60_000,
    },
    async () => {
      const lab = await createScenarioLab(emulator().url, { files: mfaRolesFiles() });
      const dialogs: TokenDialogContext[] = [];
      const service = runningApp(lab, (context, app) => {
        dialogs.push(context);
        void app.renew({ target: context.target, code: scenarioCode(Date.now()), force: true });
      });
      await service.start();
      const server = await startPromptSocketServer(lab.stateDir, service);
      try {
        const result = await runCliWithoutTerminal(['credential-process', 'admin'], lab.env);
        expect(result.stderr).not.toContain('has expired');
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
        expect(dialogs).toEqual([
          expect.objectContaining({ kind: 'mfa-role', target: 'admin', requestedBy: expect.any(Object) }),
        ]);
        expect(emulator().callCount('AssumeRole')).toBe(1);
        expect(emulator().callCount('GetSessionToken')).toBe(0);
      } finally {
        await server.close();
        service.close();
      }
    },
  );

  it('nobody typing a code within the wait setting: every caller is told so', { timeout: 60_000 }, async () => {
    const lab = await createScenarioLab(emulator().url);
    const service = runningApp(lab, () => undefined);
    await service.start();
    await service.updateSettings({ promptWaitSeconds: PROMPT_WAIT_SECONDS.min });
    const server = await startPromptSocketServer(lab.stateDir, service);
    try {
      const [git, sdk] = await Promise.all([
        runCliWithoutTerminal(
          ['git-credential', ROLE_PROFILE, 'get'],
          { ...lab.env, GIT_TERMINAL_PROMPT: '0' },
          gitRequest,
        ),
        runCliWithoutTerminal(['credential-process', TARGET], lab.env),
      ]);
      const said = `Nobody entered an MFA code for "MyRepositoryAssumer" in the MFA Tray dialog within ${PROMPT_WAIT_SECONDS.min} s.`;
      expect(git).toMatchObject({ code: 0, stdout: '', stderr: expect.stringContaining(said) });
      expect(sdk).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining(said) });
    } finally {
      await server.close();
      service.close();
    }
  });

  it('with neither the app nor a terminal: the one-line hint, naming the app', async () => {
    const lab = await createScenarioLab(emulator().url);
    const git = await runCliWithoutTerminal(
      ['git-credential', ROLE_PROFILE, 'get'],
      { ...lab.env, GIT_TERMINAL_PROMPT: '0' },
      gitRequest,
    );
    expect(git).toMatchObject({
      code: 0,
      stdout: '',
      stderr:
        'The MFA session "MyRepositoryAssumer" has expired: start MFA Tray (its dialog then asks for the code) or run `git mfa`, then retry.\n',
    });
    const gitMfa = await runCliWithoutTerminal(['renew', TARGET], lab.env, '');
    expect(gitMfa).toMatchObject({ code: 2, stderr: expect.stringContaining('start MFA Tray') });
  });
});
