// What a window's page runs before its own scripts: the BUILT preload (dist/preload/preload.cjs), evaluated with
// what a sandboxed preload gets from `require` here — 'electron' with contextBridge and ipcRenderer, nothing
// else — and an ipcRenderer whose invoke goes to the handlers main registered (through the harness binding).
import { readFileSync } from 'node:fs';

export const INVOKE_BINDING = '__fakeElectronInvoke';
export const DELIVER_FUNCTION = '__fakeElectronDeliver';

/** Runs in the page. */
function sandbox(invokeBinding: string, deliverFunction: string) {
  type Listener = (event: unknown, ...args: unknown[]) => void;
  type Outcome = { ok: boolean; value?: unknown; message?: string };
  const w = window as unknown as Record<string, unknown>;
  const listeners = new Map<string, Listener[]>();
  const ipcRenderer = {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      const outcome = (await (w[invokeBinding] as (c: string, a: unknown[]) => Promise<Outcome>)(channel, args)) ?? {};
      if (outcome.ok) return outcome.value;
      // Electron's wording: the renderer's error text strips this prefix (renderer/src/common/bridge-call.ts).
      throw new Error(`Error invoking remote method '${channel}': ${outcome.message}`);
    },
    on(channel: string, listener: Listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: Listener) {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((candidate) => candidate !== listener),
      );
      return ipcRenderer;
    },
  };
  const event = { sender: ipcRenderer };
  w[deliverFunction] = (channel: string, args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener(event, ...args);
  };
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: true });
    },
  };
  return (name: string) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`module not found: ${name} (a sandboxed preload can require 'electron' only here)`);
  };
}

/** The init script for a page whose preload is `preloadPath`. */
export function preloadScript(preloadPath: string): string {
  const source = readFileSync(preloadPath, 'utf8');
  return [
    '(() => {',
    `const require = (${sandbox.toString()})(${JSON.stringify(INVOKE_BINDING)}, ${JSON.stringify(DELIVER_FUNCTION)});`,
    'const module = { exports: {} };',
    `(function (require, module, exports) {\n${source}\n}).call(module.exports, require, module, module.exports);`,
    '})();',
    '//# sourceURL=fake-electron-preload.js',
  ].join('\n');
}
