import { createHash } from 'node:crypto';

/** A file-name-safe, fixed-length key for an MFA device serial (ARNs hold ':' and '/'). */
export function deviceFileKey(device: string): string {
  return createHash('sha256').update(device, 'utf8').digest('hex').slice(0, 32);
}
