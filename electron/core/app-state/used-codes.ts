// AWS accepts each TOTP code once. We remember, per device, the 30-second window (and a salted digest of the
// code) of the last code we sent, so a renewal never sends a code from a window already used, and a rejected code
// is called "already used" only when it is the very code we sent.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../aws-files';
import { deviceFileKey } from './device-key';

export interface UsedCodeRecord {
  /** RFC 6238 time step (floor(epoch seconds / 30)) in which the code was sent. */
  window: number;
  /** When it was sent (ms since epoch). */
  sentAtMs: number;
  /** Salted digest of device + code: recognises the same code typed again without keeping the code. */
  codeDigest: string;
  /** Random per record: a million possible codes would make an unsalted digest as good as the code. */
  salt: string;
}

function digestWith(salt: string, device: string, code: string): string {
  return createHash('sha256').update(`${salt}\n${device}\n${code}`, 'utf8').digest('hex');
}

/** The record of `code` sent for `device` in `window`, with a fresh salt. */
export function usedCodeRecord(device: string, code: string, window: number, sentAtMs: number): UsedCodeRecord {
  const salt = randomBytes(16).toString('hex');
  return { window, sentAtMs, salt, codeDigest: digestWith(salt, device, code) };
}

/** Whether `record` was made for this very code. */
export function isSameCode(record: UsedCodeRecord, device: string, code: string): boolean {
  return digestWith(record.salt, device, code) === record.codeDigest;
}

function recordPath(stateDir: string, device: string): string {
  return join(stateDir, 'used-codes', `${deviceFileKey(device)}.json`);
}

function isRecord(value: unknown): value is UsedCodeRecord {
  const v = value as Partial<UsedCodeRecord> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isInteger(v.window) &&
    typeof v.sentAtMs === 'number' &&
    typeof v.codeDigest === 'string' &&
    typeof v.salt === 'string'
  );
}

/** The last code sent for `device`, or undefined (none, or an unreadable record: it only ever guards). */
export async function readUsedCode(stateDir: string, device: string): Promise<UsedCodeRecord | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(recordPath(stateDir, device), 'utf8'));
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces the record of `device` (undefined removes it); atomic, so readers never see half a file. */
export async function writeUsedCode(
  stateDir: string,
  device: string,
  record: UsedCodeRecord | undefined,
): Promise<void> {
  const path = recordPath(stateDir, device);
  if (!record) {
    await rm(path, { force: true });
    return;
  }
  await mkdir(join(stateDir, 'used-codes'), { recursive: true, mode: 0o700 });
  // A record guards one 30-second window and the next: a kill leaves it in the page cache, and a power cut outlasts it.
  await writeFileAtomic(path, `${JSON.stringify(record)}\n`, 0o600, { survivesPowerLoss: false });
}
