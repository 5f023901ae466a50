// The sandboxed preload: exposes `window.mfaTray` with one method per contract operation and one `onX` per push,
// generated from the contract tables. The page never gets ipcRenderer itself, nor any channel outside the contract.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_KEY,
  eventContract,
  invokeContract,
  type EventName,
  type InvokeName,
  type MfaTrayBridge,
} from '../shared/contract';

function buildBridge(): MfaTrayBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of Object.keys(invokeContract) as InvokeName[]) {
    const { channel } = invokeContract[name];
    // Exactly one argument crosses (or none): main rejects anything else.
    bridge[name] = (request?: unknown) =>
      request === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, request);
  }
  for (const name of Object.keys(eventContract) as EventName[]) {
    const { channel } = eventContract[name];
    bridge[`on${name[0]!.toUpperCase()}${name.slice(1)}`] = (listener: (payload: unknown) => void) => {
      // The event object (with its sender) stays here; the page gets the payload only.
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, wrapped);
      return () => void ipcRenderer.removeListener(channel, wrapped);
    };
  }
  return bridge as MfaTrayBridge;
}

contextBridge.exposeInMainWorld(BRIDGE_KEY, buildBridge());
