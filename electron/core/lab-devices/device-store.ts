// Lab devices' TOTP secrets, per device serial, in one file of the state folder. Each secret is sealed by the
// injected cipher (the OS keychain in the app) before it is written: the file never holds a secret in plain
// text. The file is rewritten whole, atomically (temp file + rename) with mode 0600, so removing a device
// leaves no copy of its secret behind in the live file. Only the app writes it (the CLI goes through the app).
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../aws-files';
import { generateTotp, normalizeBase32Secret } from '../totp';
import { errorMessage } from '../../shared/error-message';
import { LabDeviceError } from './lab-device-error';
import type { SecretCipher, SecretStoreBackend } from './secret-cipher';

export const LAB_DEVICES_FILE = 'lab-devices.json';

export type LabDeviceState = 'ready' | 'not-enabled';

/** A stored device without its secret: what lists and views are built from. */
export interface LabDeviceRecord {
  serial: string;
  label: string;
  state: LabDeviceState;
  addedAt: string;
  /** The store was weak and the user accepted it for this device. */
  weakStoreAccepted: boolean;
  /** Backend name at the time of sealing (for "cannot decrypt" explanations). */
  sealedWith: string;
  sourceProfile?: string;
  /** The IAM user that EnableMFADevice needs (created devices). */
  userName?: string;
}

const RecordSchema = z.object({
  serial: z.string().min(1),
  label: z.string(),
  state: z.enum(['ready', 'not-enabled']),
  addedAt: z.string(),
  weakStoreAccepted: z.boolean(),
  sealedWith: z.string(),
  sourceProfile: z.string().optional(),
  userName: z.string().optional(),
  /** base64 of the cipher's output; never the secret itself. */
  sealed: z.string().min(1),
});
type StoredRecord = z.infer<typeof RecordSchema>;
const FileSchema = z.object({ version: z.literal(1), devices: z.array(RecordSchema) });

export interface PutOptions {
  acceptWeakStore: boolean;
}

export interface LabDeviceStore {
  readonly path: string;
  backend(): SecretStoreBackend;
  list(): Promise<LabDeviceRecord[]>;
  get(serial: string): Promise<LabDeviceRecord | undefined>;
  /** Seals and stores the secret (replacing an earlier one for the serial). Throws LabDeviceError. */
  put(
    record: Omit<LabDeviceRecord, 'weakStoreAccepted' | 'sealedWith'>,
    base32Secret: string,
    options: PutOptions,
  ): Promise<LabDeviceRecord>;
  setState(serial: string, state: LabDeviceState): Promise<void>;
  /** Erases the device and its secret; false when it was not stored. */
  remove(serial: string): Promise<boolean>;
  /** Unseals the secret for code generation inside the core; never for display. Throws LabDeviceError. */
  secretOf(serial: string): Promise<string>;
}

function publicPart(stored: StoredRecord): LabDeviceRecord {
  const { sealed: _sealed, ...record } = stored;
  return record;
}

/** Checks a secret can produce codes (valid Base32, long enough) and returns its canonical form. */
export function checkedSecret(base32Secret: string): string {
  try {
    const secret = normalizeBase32Secret(base32Secret);
    generateTotp(secret, 0);
    return secret;
  } catch (error) {
    throw new LabDeviceError('bad-secret', errorMessage(error));
  }
}

export function createLabDeviceStore(stateDir: string, cipher: SecretCipher): LabDeviceStore {
  const path = join(stateDir, LAB_DEVICES_FILE);
  // Serializes read-modify-write cycles inside the app.
  let queue: Promise<unknown> = Promise.resolve();
  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  }

  async function readAll(): Promise<StoredRecord[]> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = FileSchema.safeParse(json);
    if (!parsed.success) {
      // Never rewritten over: the user may still recover devices from it.
      throw new LabDeviceError(
        'damaged-store',
        `${path} is damaged; MFA Tray leaves it untouched. Move it away to start with no lab devices.`,
      );
    }
    return parsed.data.devices;
  }

  async function writeAll(devices: StoredRecord[]): Promise<void> {
    await mkdir(stateDir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(path, `${JSON.stringify({ version: 1, devices }, null, 2)}\n`, 0o600);
  }

  return {
    path,
    backend: () => cipher.backend(),
    async list() {
      return (await readAll()).map(publicPart);
    },
    async get(serial) {
      const found = (await readAll()).find((device) => device.serial === serial);
      return found && publicPart(found);
    },
    put(record, base32Secret, options) {
      return serialized(async () => {
        const secret = checkedSecret(base32Secret);
        const backend = cipher.backend();
        if (backend.kind === 'unavailable') {
          throw new LabDeviceError(
            'no-secret-store',
            `No secret store is available (${backend.name}), so MFA Tray cannot hold this lab device's secret.`,
          );
        }
        if (backend.kind === 'weak' && !options.acceptWeakStore) {
          throw new LabDeviceError(
            'weak-store-not-accepted',
            `Only a weak secret store exists (${backend.name}): any program running as you could read this device's secret. Nothing was stored; accept the weak store for this lab device to store it anyway.`,
          );
        }
        const stored: StoredRecord = {
          ...record,
          weakStoreAccepted: backend.kind === 'weak',
          sealedWith: backend.name,
          sealed: cipher.encrypt(secret).toString('base64'),
        };
        const others = (await readAll()).filter((device) => device.serial !== record.serial);
        await writeAll([...others, stored]);
        return publicPart(stored);
      });
    },
    setState(serial, state) {
      return serialized(async () => {
        const devices = await readAll();
        const found = devices.find((device) => device.serial === serial);
        if (!found) throw new LabDeviceError('not-found', `MFA Tray holds no lab device ${serial}.`);
        found.state = state;
        await writeAll(devices);
      });
    },
    remove(serial) {
      return serialized(async () => {
        const devices = await readAll();
        const kept = devices.filter((device) => device.serial !== serial);
        if (kept.length === devices.length) return false;
        await writeAll(kept);
        return true;
      });
    },
    async secretOf(serial) {
      const found = (await readAll()).find((device) => device.serial === serial);
      if (!found) throw new LabDeviceError('not-found', `MFA Tray holds no lab device ${serial}.`);
      if (cipher.backend().kind === 'unavailable') {
        throw new LabDeviceError(
          'unreadable',
          `The secret store (${found.sealedWith}) is not available now, so the code of ${serial} cannot be made.`,
        );
      }
      try {
        return checkedSecret(cipher.decrypt(Buffer.from(found.sealed, 'base64')));
      } catch {
        throw new LabDeviceError(
          'unreadable',
          `The secret of ${serial} cannot be decrypted (it was sealed with ${found.sealedWith}; the keychain may have been reset). Remove the device and import it again.`,
        );
      }
    },
  };
}
