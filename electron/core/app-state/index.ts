export { resolveStateDir } from './state-dir';
export { DeviceLockTimeoutError, withDeviceLock } from './device-lock';
export type { DeviceLockOptions } from './device-lock';
export { readUsedCode, usedCodeDigest, writeUsedCode } from './used-codes';
export type { UsedCodeRecord } from './used-codes';
