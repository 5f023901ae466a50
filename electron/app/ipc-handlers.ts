// The contract's operation table over the app service: one thin handler per IPC operation. Only this adapter
// knows which window sent a call (closeWindow hides exactly that one); the service's methods know no IPC.
import type { InvokeName, RequestOf, ResponseOf } from '../shared/contract';
import type { AppService } from './app-service';

/** Which window sent an IPC call. */
export interface CallerContext {
  senderId: number;
}

export type OperationHandler<K extends InvokeName> = (
  request: RequestOf<K>,
  caller: CallerContext,
) => Promise<ResponseOf<K>>;
export type OperationHandlers = { [K in InvokeName]: OperationHandler<K> };

export interface WindowCloser {
  /** Hides the sender's window; false when it is not one of ours. */
  closeSender(caller: CallerContext): boolean;
}

export function createIpcHandlers(service: AppService, windows: WindowCloser): OperationHandlers {
  const { labDevices } = service;
  return {
    getState: () => service.state(),
    renew: (request) => service.renew(request),
    getTokenDialogContext: (request) => service.tokenDialogContext(request.target),
    getRequestedTokenDialog: async () => ({ context: service.requestedTokenDialog() }),
    openTokenDialog: (request) => service.openTokenDialog(request.target),
    openDeviceRolesDialog: (request) => service.openDeviceRolesDialog(request.serial),
    closeWindow: async (_request, caller) =>
      windows.closeSender(caller)
        ? { ok: true, message: 'Closed.' }
        : { ok: false, message: 'That window is not one MFA Tray can close.' },
    openDashboard: async () => service.openDashboard(),
    openWizard: async () => service.openWizard(),
    copyExportLines: (request) => service.copyExportLines(request.profile),
    openProfilesFolder: () => service.openProfilesFolder(),
    getSettings: () => service.settings(),
    updateSettings: (patch) => service.updateSettings(patch),
    ...service.wizard,
    labDeviceList: () => labDevices.list(),
    labDeviceImport: (request) => labDevices.importDevice(request),
    labDeviceCreate: (request) => labDevices.create(request),
    labDeviceFinish: (request) => labDevices.finish(request.serial),
    labDeviceRemove: (request) => labDevices.remove(request.serial),
    labDeviceCode: (request) => labDevices.code(request.serial),
    labDeviceCopyCode: (request) => labDevices.copyCode(request.serial),
    labDeviceRenew: (request) => labDevices.renew(request),
  };
}
