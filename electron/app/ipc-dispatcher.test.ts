import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeContract, RenewOutcomeKindSchema } from '../shared/contract';
import { createAppService } from './app-service';
import {
  fakeWorld,
  LONG_TERM_SECRET,
  scenarioModel,
  SECRET_ACCESS_KEY,
  SESSION_TOKEN,
} from '../../testing/app/fixtures';
import { createIpcHandlers, type OperationHandlers } from './ipc-handlers';
import { createIpcDispatcher, IpcRejectedError } from './ipc-dispatcher';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const trusted = { trusted: true, senderId: 3 } as const;
let stateDir: string;

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'mfa-tray-dispatch-'));
});
afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

function setup() {
  const world = fakeWorld(stateDir, scenarioModel(new Date(NOW + 3600_000)), NOW);
  const service = createAppService(world.deps);
  return { world, service, dispatcher: createIpcDispatcher(createIpcHandlers(service, world.windows), world.deps.log) };
}

describe('createIpcDispatcher', () => {
  it('serves every channel of the contract', () => {
    const { dispatcher } = setup();
    expect([...dispatcher.channels].sort()).toEqual(
      Object.values(invokeContract)
        .map((entry) => entry.channel)
        .sort(),
    );
  });

  it('answers a trusted, well-formed call with the schema-checked response', async () => {
    const { dispatcher } = setup();
    const state = await dispatcher.dispatch(invokeContract.getState.channel, trusted, undefined);
    expect(state).toMatchObject({ sessions: [{ target: 'MyRepositoryAssumer', state: 'valid' }] });
  });

  it('rejects foreign senders with a logged reason and never calls the service', async () => {
    const { dispatcher, world } = setup();
    const call = dispatcher.dispatch(
      invokeContract.openDashboard.channel,
      { trusted: false, reason: 'sender origin https://evil.example is not ours' },
      undefined,
    );
    await expect(call).rejects.toBeInstanceOf(IpcRejectedError);
    expect(world.record.dashboards).toBe(0);
    expect(world.record.logs).toContainEqual({
      level: 'warn',
      message: 'IPC call rejected',
      fields: { channel: 'mfa-tray:open-dashboard', reason: 'sender origin https://evil.example is not ours' },
    });
  });

  it.each([
    ['a 5-digit code', invokeContract.renew.channel, { target: 'MyRepositoryAssumer', code: '12345' }],
    ['a profile name with a newline', invokeContract.renew.channel, { target: 'a\nb', code: '123456' }],
    [
      'a duration out of range',
      invokeContract.renew.channel,
      { target: 'MyRepositoryAssumer', code: '123456', durationSeconds: 10 },
    ],
    ['a payload where none is expected', invokeContract.getState.channel, { sneaky: true }],
    ['a string instead of an object', invokeContract.copyExportLines.channel, 'MyRepositoryAssumer'],
    ['settings of the wrong type', invokeContract.updateSettings.channel, { leadTimeMinutes: 'soon' }],
  ])('rejects %s as malformed, logging paths but not values', async (_name, channel, payload) => {
    const { dispatcher, world } = setup();
    await expect(dispatcher.dispatch(channel, trusted, payload)).rejects.toThrow(/Rejected: invalid request/);
    expect(world.record.renewRequests).toEqual([]);
    const logged = world.record.logs.find((entry) => entry.message === 'IPC call rejected');
    expect(String(logged?.fields?.reason)).toMatch(/^malformed payload: /);
    expect(JSON.stringify(logged)).not.toContain('12345"');
  });

  it('routes the wizard operations to the composed wizard handlers', async () => {
    const { dispatcher } = setup();
    await expect(dispatcher.dispatch(invokeContract.wizardDiscard.channel, trusted, undefined)).rejects.toThrow(
      'reached wizardDiscard',
    );
  });

  it('rejects unknown channels', async () => {
    const { dispatcher } = setup();
    await expect(dispatcher.dispatch('mfa-tray:format-disk', trusted, undefined)).rejects.toThrow('Unknown operation.');
  });

  it('refuses to pass on a response that breaks its schema, and drops keys the schema does not name', async () => {
    const { world } = setup();
    const broken = { getSettings: async () => ({ leadTimeMinutes: -1 }) } as unknown as OperationHandlers;
    await expect(
      createIpcDispatcher(broken, world.deps.log).dispatch(invokeContract.getSettings.channel, trusted, undefined),
    ).rejects.toThrow('invalid response');
    const leaky = {
      openDashboard: async () => ({ ok: true, message: 'hi', sessionToken: SESSION_TOKEN }),
    } as unknown as OperationHandlers;
    const response = await createIpcDispatcher(leaky, world.deps.log).dispatch(
      invokeContract.openDashboard.channel,
      trusted,
      undefined,
    );
    expect(response).toEqual({ ok: true, message: 'hi' });
  });

  it('lets no secret through in any renew result, whatever the renewal outcome carries', async () => {
    const { dispatcher, world } = setup();
    const responses: unknown[] = [];
    for (const kind of RenewOutcomeKindSchema.options) {
      // A careless renewal module might hand back credentials alongside the outcome: they must not pass.
      const renewalKind = kind === 'unknown' ? 'unexpected' : kind;
      const category = kind === 'renewed' || kind === 'still-valid' ? 'ok' : 'user';
      world.setRenew(
        async () =>
          ({
            kind: renewalKind,
            category,
            message: `Outcome ${kind}.`,
            expiration: new Date(NOW + 7200_000),
            credentials: { secretAccessKey: SECRET_ACCESS_KEY, sessionToken: SESSION_TOKEN },
          }) as never,
      );
      responses.push(
        await dispatcher.dispatch(invokeContract.renew.channel, trusted, {
          target: 'MyRepositoryAssumer',
          code: '123456',
        }),
      );
    }
    responses.push(await dispatcher.dispatch(invokeContract.getState.channel, trusted, undefined));
    responses.push(
      await dispatcher.dispatch(invokeContract.getTokenDialogContext.channel, trusted, {
        target: 'MyRepositoryAssumer',
      }),
    );
    responses.push(
      await dispatcher.dispatch(invokeContract.copyExportLines.channel, trusted, { profile: 'MyRepositoryAssumer' }),
    );
    const everything = JSON.stringify(responses) + JSON.stringify(world.record.logs);
    for (const secret of [SECRET_ACCESS_KEY, SESSION_TOKEN, LONG_TERM_SECRET, '123456'])
      expect(everything).not.toContain(secret);
    expect(responses).toHaveLength(RenewOutcomeKindSchema.options.length + 3);
    expect(world.record.clipboard[0]).toContain(SECRET_ACCESS_KEY);
  });
});
