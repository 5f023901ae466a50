import type { Seed, SeedRole } from './seed-schema';
import { stableUniqueId } from './identifiers';

export interface AccessKeyRecord {
  id: string;
  secret: string;
  status: 'Active' | 'Inactive';
}

export interface UserRecord {
  accountId: string;
  name: string;
  path: string;
  arn: string;
  userId: string;
  createdAtMs: number;
  accessKeys: AccessKeyRecord[];
}

export interface MfaDeviceRecord {
  serial: string;
  accountId: string;
  /** Base32. */
  secret: string;
  /** Set once the device is enabled for a user (seeded devices start enabled). */
  userName?: string;
  enabledAtMs?: number;
  /** The last TOTP window accepted: a code is accepted once, like AWS. */
  lastUsedWindow?: number;
}

export interface RoleRecord extends Omit<SeedRole, 'path'> {
  accountId: string;
  path: string;
  arn: string;
  roleId: string;
}

/** The emulator's mutable world: who exists, which devices are enabled, which TOTP windows are spent. */
export class EmulatorState {
  readonly users = new Map<string, UserRecord>(); // `${account}/${lower-case name}`
  readonly roles = new Map<string, RoleRecord>(); // ARN
  readonly devices = new Map<string, MfaDeviceRecord>(); // serial
  private readonly keys = new Map<string, { key: AccessKeyRecord; user: UserRecord }>();

  constructor(seed: Seed, nowMs: number) {
    for (const account of seed.accounts) {
      for (const seedUser of account.users) {
        const arn = `arn:aws:iam::${account.id}:user${seedUser.path}${seedUser.name}`;
        const user: UserRecord = {
          accountId: account.id,
          name: seedUser.name,
          path: seedUser.path,
          arn,
          userId: stableUniqueId('AIDA', arn),
          createdAtMs: nowMs,
          accessKeys: seedUser.accessKeys.map((key) => ({ ...key })),
        };
        this.users.set(userKey(account.id, user.name), user);
        for (const key of user.accessKeys) this.keys.set(key.id, { key, user });
        for (const device of seedUser.mfaDevices) {
          this.devices.set(device.serial, {
            serial: device.serial,
            accountId: account.id,
            secret: device.secret,
            userName: user.name,
            enabledAtMs: nowMs,
          });
        }
      }
      for (const seedRole of account.roles) {
        const arn = `arn:aws:iam::${account.id}:role${seedRole.path}${seedRole.name}`;
        this.roles.set(arn, { ...seedRole, accountId: account.id, arn, roleId: stableUniqueId('AROA', arn) });
      }
    }
  }

  accessKey(id: string): { key: AccessKeyRecord; user: UserRecord } | undefined {
    return this.keys.get(id);
  }

  user(accountId: string, name: string): UserRecord | undefined {
    return this.users.get(userKey(accountId, name));
  }

  /** Devices enabled for a user, in serial order (ListMFADevices order is stable). */
  devicesOf(user: UserRecord): MfaDeviceRecord[] {
    return [...this.devices.values()]
      .filter((device) => device.accountId === user.accountId && device.userName === user.name)
      .sort((a, b) => a.serial.localeCompare(b.serial));
  }
}

// IAM user names are unique case-insensitively.
const userKey = (accountId: string, name: string): string => `${accountId}/${name.toLowerCase()}`;
