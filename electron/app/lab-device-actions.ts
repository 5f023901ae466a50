// What the app does with lab devices (lab accounts only), over electron/core/lab-devices' service. Results hold
// device metadata and current codes; the secret never leaves the core.
import {
  LabDeviceError,
  type LabDeviceOutcome,
  type LabDeviceService,
  type LabDeviceSummary,
} from '../core/lab-devices';
import type {
  ActionResult,
  LabDeviceCodeView,
  LabDeviceImportRequest,
  LabDeviceCreateRequest,
  LabDeviceList,
  LabDeviceResult,
  LabDeviceView,
  RenewResult,
} from '../shared/contract';
import type { ServiceLog } from './ports';
import { toRenewResult, unexpectedRenewFailure } from './renew-result';
import { errorMessage } from '../shared/error-message';

export interface LabDeviceActionDeps {
  service: LabDeviceService;
  writeClipboard(text: string): Promise<void>;
  log: ServiceLog;
  /** Re-reads the AWS files and pushes the state (sessions' lab-device flags change). */
  refresh(): Promise<unknown>;
}

export interface LabDeviceActions {
  list(): Promise<LabDeviceList>;
  importDevice(request: LabDeviceImportRequest): Promise<LabDeviceResult>;
  create(request: LabDeviceCreateRequest): Promise<LabDeviceResult>;
  finish(serial: string): Promise<LabDeviceResult>;
  remove(serial: string): Promise<LabDeviceResult>;
  code(serial: string): Promise<LabDeviceCodeView>;
  copyCode(serial: string): Promise<ActionResult>;
  /** Renews with the device's code, waiting for the next window if this one is used. */
  renew(request: { target: string; durationSeconds?: number; force?: boolean }): Promise<RenewResult>;
}

function view(device: LabDeviceSummary): LabDeviceView {
  return { ...device, sessions: [...device.sessions] };
}

function result(outcome: LabDeviceOutcome): LabDeviceResult {
  const kind = outcome.kind === 'unreadable' || outcome.kind === 'damaged-store' ? 'no-secret-store' : outcome.kind;
  return { ok: outcome.ok, kind, message: outcome.message, ...(outcome.device && { device: view(outcome.device) }) };
}

export function createLabDeviceActions(deps: LabDeviceActionDeps): LabDeviceActions {
  const { service, log } = deps;
  async function changed(operation: string, outcome: LabDeviceOutcome): Promise<LabDeviceResult> {
    // The serial is an identifier, not a secret; the outcome kind says what happened.
    log.info(`Lab device ${operation}`, { kind: outcome.kind, ok: outcome.ok });
    await deps
      .refresh()
      .catch((error: unknown) =>
        log.error('Reloading after a lab device change failed', { error: errorMessage(error) }),
      );
    return result(outcome);
  }

  return {
    async list() {
      const listing = await service.list();
      return { store: listing.store, devices: listing.devices.map(view) };
    },
    async importDevice(request) {
      return changed(
        'import',
        await service.importDevice({
          ...request,
          acceptWeakStore: request.acceptWeakStore ?? false,
          // The device screen is the UI that may replace a secret; the CLI's socket never may.
          replaceExisting: true,
        }),
      );
    },
    async create(request) {
      return changed('create', await service.create({ ...request, acceptWeakStore: request.acceptWeakStore ?? false }));
    },
    async finish(serial) {
      return changed('finish', await service.finish(serial));
    },
    async remove(serial) {
      return changed('remove', await service.remove(serial));
    },
    code: (serial) => service.codeView(serial),
    async copyCode(serial) {
      try {
        const code = await service.codeView(serial);
        await deps.writeClipboard(code.currentCode);
        return { ok: true, message: `Copied the code; it is valid for ${code.secondsLeft} more seconds.` };
      } catch (error) {
        if (error instanceof LabDeviceError) return { ok: false, message: error.message };
        throw error;
      }
    },
    async renew(request) {
      try {
        const renewed = toRenewResult(request.target, await service.renew(request));
        log.info('Renewal with the lab device finished', { target: request.target, kind: renewed.kind });
        return renewed;
      } catch (error) {
        log.error('Renewal with the lab device threw', { target: request.target, error: errorMessage(error) });
        return unexpectedRenewFailure(request.target);
      } finally {
        await deps.refresh().catch(() => undefined);
      }
    },
  };
}
