// What the app answers on the CLI's socket: the lab-device service's operations, with codes but no secrets.
import type { LabSocketHandler } from './code-socket';
import { LabDeviceError } from './lab-device-error';
import type { LabDeviceService } from './lab-device-service';

export function labSocketHandler(service: LabDeviceService): LabSocketHandler {
  return async (request) => {
    switch (request.op) {
      case 'code':
        try {
          const view = await service.codeView(request.serial);
          return {
            ok: true,
            message: `Code for ${request.serial}.`,
            currentCode: view.currentCode,
            secondsLeft: view.secondsLeft,
          };
        } catch (error) {
          if (error instanceof LabDeviceError) return { ok: false, kind: error.kind, message: error.message };
          throw error;
        }
      case 'list': {
        const listing = await service.list();
        return {
          ok: true,
          message: listing.store.message,
          store: listing.store,
          devices: listing.devices.map(({ serial, label, state, note, sessions }) => ({
            serial,
            label,
            state,
            note,
            sessions,
          })),
        };
      }
      case 'remove': {
        const { device: _device, ...outcome } = await service.remove(request.serial);
        return outcome;
      }
      case 'import': {
        const { device: _device, ...outcome } = await service.importDevice({
          serial: request.serial,
          input: request.input,
          acceptWeakStore: request.acceptWeakStore,
          ...(request.label !== undefined && { label: request.label }),
        });
        return outcome;
      }
    }
  };
}
