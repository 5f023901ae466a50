// The test transport: builds `window.mfaTray` in the page from the contract tables (one method per operation,
// `onX` per event, the shape the preload exposes) and routes calls to the real dispatcher through
// page.exposeBinding. Events from the service are delivered to every bound page.
import type { Page } from '@playwright/test';
import { eventContract, invokeContract } from '../../electron/shared/contract';
import type { IpcDispatcher } from '../../electron/app';

interface BridgeTables {
  invoke: Record<string, string>;
  events: Record<string, string>;
}

const bridgeTables: BridgeTables = {
  invoke: Object.fromEntries(Object.entries(invokeContract).map(([name, entry]) => [name, entry.channel])),
  events: Object.fromEntries(Object.entries(eventContract).map(([name, entry]) => [name, entry.channel])),
};

/** Runs in the page before the bundle: the same surface as electron/preload, nothing else. */
function installBridge(tables: BridgeTables): void {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const w = window as unknown as Record<string, unknown>;
  const invoke = w.__mfaTrayInvoke as (channel: string, payload: unknown) => Promise<unknown>;
  w.__mfaTrayDeliver = (channel: string, payload: unknown) =>
    listeners.get(channel)?.forEach((listener) => listener(payload));
  const bridge: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(tables.invoke))
    bridge[name] = (request?: unknown) => invoke(channel, request);
  for (const [name, channel] of Object.entries(tables.events)) {
    bridge[`on${name[0]!.toUpperCase()}${name.slice(1)}`] = (listener: Listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    };
  }
  w.mfaTray = Object.freeze(bridge);
}

let nextSenderId = 1;

/** Binds one page to the dispatcher; returns the sender id the service sees for this page. */
export async function bindPage(page: Page, dispatcher: IpcDispatcher): Promise<number> {
  const senderId = nextSenderId++;
  await page.exposeBinding('__mfaTrayInvoke', (_source, channel: string, payload: unknown) =>
    dispatcher.dispatch(channel, { trusted: true, senderId }, payload),
  );
  await page.addInitScript(installBridge, bridgeTables);
  return senderId;
}

export async function deliver(page: Page, channel: string, payload: unknown): Promise<void> {
  if (page.isClosed()) return;
  await page
    .evaluate(
      ([c, p]) =>
        (window as unknown as { __mfaTrayDeliver?: (c: string, p: unknown) => void }).__mfaTrayDeliver?.(c, p),
      [channel, payload] as const,
    )
    .catch(() => undefined);
}
