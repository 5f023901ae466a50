// The service on the real core: renewal against the local STS emulator, through the dispatcher, into temp files.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StsEmulator } from '../../tools/sts-emulator';
import { scenario, scenarioCode, scenarioSeed } from '../../testing/scenario/scenario';
import { invokeContract } from '../shared/contract';
import { createAppService } from './app-service';
import { createCorePorts } from './core-ports';
import { fakeWorld } from '../../testing/app/fixtures';
import { createIpcHandlers } from './ipc-handlers';
import { createIpcDispatcher } from './ipc-dispatcher';

let emulator: StsEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator({ seed: scenarioSeed });
  dir = await mkdtemp(join(tmpdir(), 'mfa-tray-core-ports-'));
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the app service on the real core', () => {
  it('renews the scenario session through the dispatcher, writes the files and answers without secrets', async () => {
    const locations = {
      config: join(dir, 'config'),
      credentials: join(dir, 'credentials'),
      cliCacheDir: join(dir, 'cli', 'cache'),
    };
    await writeFile(
      locations.config,
      `[profile FetchMfaCredentials]\nmfa_serial = ${scenario.mfaSerial}\nget_session_token_duration_seconds = 3600\n\n[profile MyRepositoryAssumer]\nmfa_tray_source_profile = FetchMfaCredentials\n`,
    );
    await writeFile(
      locations.credentials,
      `[FetchMfaCredentials]\naws_access_key_id = ${scenario.activeKey.id}\naws_secret_access_key = ${scenario.activeKey.secret}\n`,
    );
    const world = fakeWorld(
      join(dir, 'state'),
      { profiles: new Map(), ssoSessions: new Map(), mfaSessions: [], roles: [], problems: [] },
      Date.now(),
    );
    const core = createCorePorts({
      locations,
      stateDir: join(dir, 'state'),
      env: { AWS_ENDPOINT_URL_STS: emulator.url, AWS_REGION: 'us-east-1' },
      clock: { now: Date.now },
      isLabDevice: async () => false,
    });
    const service = createAppService({ ...world.deps, locations, clock: { now: Date.now }, core });
    const dispatcher = createIpcDispatcher(createIpcHandlers(service, world.windows), world.deps.log);

    const before = (await dispatcher.dispatch(
      invokeContract.getState.channel,
      { trusted: true, senderId: 1 },
      undefined,
    )) as { sessions: Array<{ target: string; state: string }> };
    expect(before.sessions).toEqual([expect.objectContaining({ target: 'MyRepositoryAssumer', state: 'never' })]);

    const result = await dispatcher.dispatch(
      invokeContract.renew.channel,
      { trusted: true, senderId: 1 },
      { target: 'MyRepositoryAssumer', code: scenarioCode(Date.now()) },
    );
    expect(result).toMatchObject({ ok: true, kind: 'renewed', target: 'MyRepositoryAssumer' });

    const credentials = await readFile(locations.credentials, 'utf8');
    const secret = /\[MyRepositoryAssumer\][^[]*aws_secret_access_key = (\S+)/.exec(credentials)?.[1];
    const token = /aws_session_token = (\S+)/.exec(credentials)?.[1];
    expect(secret).toBeDefined();
    expect(token).toBeDefined();
    const state = await dispatcher.dispatch(invokeContract.getState.channel, { trusted: true, senderId: 1 }, undefined);
    const everything = JSON.stringify([result, state, world.record.logs]);
    for (const value of [secret!, token!, scenario.activeKey.secret]) expect(everything).not.toContain(value);
    expect(state).toMatchObject({ sessions: [{ target: 'MyRepositoryAssumer', state: 'valid' }] });

    const again = await dispatcher.dispatch(
      invokeContract.renew.channel,
      { trusted: true, senderId: 1 },
      { target: 'MyRepositoryAssumer', code: '000000' },
    );
    expect(again).toMatchObject({ ok: true, kind: 'still-valid' });
  });
});
