// The lab-device operations of the IPC contract (lab accounts only), over electron/core/lab-devices' service.
// Responses hold device metadata and current codes; the secret never leaves the core.
import type { InvokeName, LabDeviceView } from '../shared/ipc-contract';
import { LabDeviceError, type LabDeviceOutcome, type LabDeviceService, type LabDeviceSummary } from '../core/lab-devices';
import { errorMessage } from '../shared/error-message';
import type { OperationHandler } from './app-service';
import { fromRenewalOutcome } from './core-ports';
import type { ServiceLog } from './ports';
import { toRenewResult, unexpectedRenewFailure } from './renew-result';

export type LabDeviceOperationName = Extract<InvokeName, `labDevice${string}`>;
export type LabDeviceHandlers = { [K in LabDeviceOperationName]: OperationHandler<K> };

export interface LabDeviceHandlerDeps {
  service: LabDeviceService;
  writeClipboard(text: string): void;
  log: ServiceLog;
  /** Re-reads the AWS files and pushes the state (sessions' lab-device flags change). */
  refresh(): Promise<unknown>;
}

function view(device: LabDeviceSummary): LabDeviceView {
  return { ...device, sessions: [...device.sessions] };
}

function result(outcome: LabDeviceOutcome) {
  const kind = outcome.kind === 'unreadable' || outcome.kind === 'damaged-store' ? 'no-secret-store' : outcome.kind;
  return { ok: outcome.ok, kind, message: outcome.message, ...(outcome.device && { device: view(outcome.device) }) };
}

export function createLabDeviceHandlers(deps: LabDeviceHandlerDeps): LabDeviceHandlers {
  const { service, log } = deps;
  async function changed<T extends LabDeviceOutcome>(operation: string, outcome: T): Promise<ReturnType<typeof result>> {
    // The serial is an identifier, not a secret; the outcome kind says what happened.
    log.info(`Lab device ${operation}`, { kind: outcome.kind, ok: outcome.ok });
    await deps.refresh().catch((error: unknown) => log.error('Reloading after a lab device change failed', { error: errorMessage(error) }));
    return result(outcome);
  }

  return {
    async labDeviceList() {
      const listing = await service.list();
      return { store: listing.store, devices: listing.devices.map(view) };
    },
    async labDeviceImport(request) {
      return changed('import', await service.importDevice({ ...request, acceptWeakStore: request.acceptWeakStore ?? false }));
    },
    async labDeviceCreate(request) {
      return changed('create', await service.create({ ...request, acceptWeakStore: request.acceptWeakStore ?? false }));
    },
    async labDeviceFinish(request) {
      return changed('finish', await service.finish(request.serial));
    },
    async labDeviceRemove(request) {
      return changed('remove', await service.remove(request.serial));
    },
    async labDeviceCode(request) {
      return service.codeView(request.serial);
    },
    async labDeviceCopyCode(request) {
      try {
        const code = await service.codeView(request.serial);
        deps.writeClipboard(code.currentCode);
        return { ok: true, message: `Copied the code; it is valid for ${code.secondsLeft} more seconds.` };
      } catch (error) {
        if (error instanceof LabDeviceError) return { ok: false, message: error.message };
        throw error;
      }
    },
    async labDeviceRenew(request) {
      try {
        const outcome = await service.renew(request);
        const renewed = toRenewResult(request.target, fromRenewalOutcome(outcome));
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
