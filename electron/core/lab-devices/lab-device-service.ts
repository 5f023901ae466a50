// Everything the app does with lab devices, in one place for the IPC handlers and the CLI's socket alike.
// Results carry metadata and short-lived codes only; the secret stays inside the store and this module.
import * as timers from 'node:timers/promises';
import type { AwsFileLocations } from '../aws-files';
import { loadProfileModel, type ProfileModel } from '../profiles';
import type { RenewOutcome } from '../renewal';
import type { CallPolicy, IamGateway, IamGatewayOptions } from '../sts';
import type { Clock } from '../time/clock';
import { createLabDevice, finishLabDevice, type CreateOutcome } from './create-device';
import {
  labCodeView,
  labDeviceCode,
  labDeviceCodeSource,
  renewWithLabCodes,
  type LabCodeView,
  type Sleep,
} from './device-codes';
import { createLabDeviceStore, type LabDeviceRecord, type LabDeviceStore } from './device-store';
import { LabDeviceError } from './lab-device-error';
import { describeSecretStore, type SecretCipher, type SecretStoreKind } from './secret-cipher';
import { readSecretInput, type SecretInput } from './secret-input';

export interface LabDeviceServiceOptions {
  stateDir: string;
  locations: AwsFileLocations;
  /** For AWS_ENDPOINT_URL_STS / _IAM and the like. */
  env: NodeJS.ProcessEnv;
  clock: Clock;
  cipher: SecretCipher;
  sleep?: Sleep;
  policy?: Partial<CallPolicy>;
  loadModel?: (locations: AwsFileLocations) => Promise<ProfileModel>;
  createIamGateway?: (options: IamGatewayOptions) => IamGateway;
}

export interface LabDeviceSummary {
  serial: string;
  label: string;
  state: 'ready' | 'not-enabled' | 'unreadable';
  note: string;
  addedAt: string;
  weakStoreAccepted: boolean;
  sourceProfile?: string;
  sessions: string[];
}

export interface LabDeviceListing {
  store: { kind: SecretStoreKind; name: string; message: string };
  devices: LabDeviceSummary[];
}

export interface LabDeviceOutcome {
  ok: boolean;
  kind: 'stored' | 'removed' | CreateOutcome['kind'];
  message: string;
  device?: LabDeviceSummary;
}

export interface ImportRequest {
  serial: string;
  input: SecretInput;
  label?: string;
  acceptWeakStore: boolean;
  /** Replace the secret of a device MFA Tray already holds: only the app's device screen asks for this. */
  replaceExisting?: boolean;
}

export interface LabDeviceService {
  readonly store: LabDeviceStore;
  list(): Promise<LabDeviceListing>;
  importDevice(request: ImportRequest): Promise<LabDeviceOutcome>;
  create(request: { sourceProfile: string; deviceName: string; acceptWeakStore: boolean }): Promise<LabDeviceOutcome>;
  finish(serial: string): Promise<LabDeviceOutcome>;
  remove(serial: string): Promise<LabDeviceOutcome>;
  /** Throws LabDeviceError. */
  codeView(serial: string): Promise<LabCodeView>;
  renew(request: { target: string; durationSeconds?: number; force?: boolean }): Promise<RenewOutcome>;
  /** A device that gives codes now (the dashboard's "lab device" flag). */
  isLabDevice(serial: string): Promise<boolean>;
}

const LAB_ONLY = 'Lab accounts only';

export function createLabDeviceService(options: LabDeviceServiceOptions): LabDeviceService {
  const store = createLabDeviceStore(options.stateDir, options.cipher);
  const sleep = options.sleep ?? timers.setTimeout;
  const loadModel = options.loadModel ?? loadProfileModel;
  const createDeps = () => ({
    store,
    stateDir: options.stateDir,
    locations: options.locations,
    env: options.env,
    clock: options.clock,
    sleep,
    ...(options.policy && { policy: options.policy }),
    loadModel,
    ...(options.createIamGateway && { createIamGateway: options.createIamGateway }),
  });

  async function readable(serial: string): Promise<boolean> {
    try {
      await store.secretOf(serial);
      return true;
    } catch {
      return false;
    }
  }

  async function summarize(record: LabDeviceRecord, model: ProfileModel | undefined): Promise<LabDeviceSummary> {
    const sessions =
      model?.mfaSessions.filter((session) => session.device === record.serial).map((session) => session.target) ?? [];
    const ok = await readable(record.serial);
    const state = !ok ? 'unreadable' : record.state;
    const note =
      state === 'unreadable'
        ? `${LAB_ONLY}. The secret cannot be decrypted with the secret store now (sealed with ${record.sealedWith}); remove the device and import it again.`
        : state === 'not-enabled'
          ? `${LAB_ONLY}. Created in IAM but not enabled: finish enabling it, or remove it and delete it in the IAM console.`
          : `${LAB_ONLY}. MFA Tray makes this device's codes${record.weakStoreAccepted ? ' (its secret is in the weak store you accepted)' : ''}.`;
    return {
      serial: record.serial,
      label: record.label,
      state,
      note,
      addedAt: record.addedAt,
      weakStoreAccepted: record.weakStoreAccepted,
      ...(record.sourceProfile !== undefined && { sourceProfile: record.sourceProfile }),
      sessions,
    };
  }

  async function modelOrUndefined(): Promise<ProfileModel | undefined> {
    try {
      return await loadModel(options.locations);
    } catch {
      return undefined;
    }
  }

  async function withSummary(outcome: CreateOutcome): Promise<LabDeviceOutcome> {
    const { device, ...rest } = outcome;
    return device ? { ...rest, device: await summarize(device, await modelOrUndefined()) } : rest;
  }

  function refused(error: unknown): LabDeviceOutcome {
    if (error instanceof LabDeviceError) return { ok: false, kind: error.kind, message: error.message };
    throw error;
  }

  return {
    store,
    async list() {
      const backend = store.backend();
      const model = await modelOrUndefined();
      const records = await store.list();
      return {
        store: { ...backend, message: describeSecretStore(backend) },
        devices: await Promise.all(records.map((record) => summarize(record, model))),
      };
    },
    async importDevice(request) {
      try {
        const imported = readSecretInput(request.input);
        if (!request.replaceExisting && (await store.list()).some((record) => record.serial === request.serial)) {
          return {
            ok: false,
            kind: 'device-exists',
            message: `MFA Tray already holds the lab device ${request.serial}; its secret can only be replaced in the MFA Tray app's device screen.`,
          };
        }
        const label = request.label?.trim() || imported.label || request.serial.split('/').pop() || request.serial;
        const record = await store.put(
          { serial: request.serial, label, state: 'ready', addedAt: new Date(options.clock.now()).toISOString() },
          imported.secret,
          { acceptWeakStore: request.acceptWeakStore },
        );
        return {
          ok: true,
          kind: 'stored',
          message: `Stored the lab device ${request.serial}. ${LAB_ONLY}: MFA Tray now makes its codes, so it is no longer a separate second factor.`,
          device: await summarize(record, await modelOrUndefined()),
        };
      } catch (error) {
        return refused(error);
      }
    },
    async create(request) {
      try {
        return await withSummary(await createLabDevice(request, createDeps()));
      } catch (error) {
        return refused(error);
      }
    },
    async finish(serial) {
      try {
        return await withSummary(await finishLabDevice(serial, createDeps()));
      } catch (error) {
        return refused(error);
      }
    },
    async remove(serial) {
      try {
        const removed = await store.remove(serial);
        return removed
          ? {
              ok: true,
              kind: 'removed',
              message: `Removed the lab device ${serial} and erased its secret from MFA Tray (the device itself stays in IAM).`,
            }
          : { ok: false, kind: 'not-found', message: `MFA Tray holds no lab device ${serial}.` };
      } catch (error) {
        return refused(error);
      }
    },
    codeView: (serial) => labCodeView(store, options.stateDir, serial, options.clock.now()),
    renew(request) {
      return renewWithLabCodes(
        request,
        labDeviceCodeSource((serial) => labDeviceCode(store, serial, options.clock.now())),
        {
          locations: options.locations,
          stateDir: options.stateDir,
          env: options.env,
          clock: options.clock,
          loadModel,
          ...(options.policy && { policy: options.policy }),
        },
        sleep,
      );
    },
    async isLabDevice(serial) {
      const record = await store.get(serial).catch(() => undefined);
      return record?.state === 'ready';
    },
  };
}
