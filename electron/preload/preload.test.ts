// Builds the preload exactly as scripts/build-node.mjs does and runs it as a sandboxed preload would: the only
// module it may require is 'electron' (sandboxed preloads get no Node builtins).
import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BRIDGE_KEY, eventContract, invokeContract } from '../shared/contract';

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: ['electron/preload/preload.ts'],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('the preload bundle', () => {
  it('requires nothing but electron and exposes one method per operation and one subscription per push', async () => {
    const code = await bundle();
    const required: string[] = [];
    const invoked: unknown[][] = [];
    const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
    const exposed: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => (exposed[key] = api),
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve('answer');
        },
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.set(channel, listener),
        removeListener: (channel: string) => listeners.delete(channel),
      },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => (required.push(name), name === 'electron' ? electron : undefined),
    });
    expect([...new Set(required)]).toEqual(['electron']);
    const bridge = exposed[BRIDGE_KEY]!;
    expect(Object.keys(bridge).sort()).toEqual(
      [
        ...Object.keys(invokeContract),
        ...Object.keys(eventContract).map((name) => `on${name[0]!.toUpperCase()}${name.slice(1)}`),
      ].sort(),
    );
    await bridge.getState!();
    await bridge.renew!({ target: 'A', code: '123456' });
    expect(invoked).toEqual([
      [invokeContract.getState.channel],
      [invokeContract.renew.channel, { target: 'A', code: '123456' }],
    ]);
    const received: unknown[] = [];
    const unsubscribe = bridge.onStateChanged!((payload: unknown) => received.push(payload)) as () => void;
    listeners.get(eventContract.stateChanged.channel)!({ sender: 'hidden' }, { now: 'x' });
    expect(received).toEqual([{ now: 'x' }]);
    unsubscribe();
    expect(listeners.has(eventContract.stateChanged.channel)).toBe(false);
  });
});
