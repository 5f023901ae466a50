export { resolveStateDir } from '../aws-files/state-dir';
export { DeviceLockTimeoutError, withDeviceLock } from './device-lock';
export type { DeviceLockOptions } from './device-lock';
export { isSameCode, readUsedCode, usedCodeRecord, writeUsedCode } from './used-codes';
export type { UsedCodeRecord } from './used-codes';
export { AppNotRunningError, localSocketPath, requestLocalSocket, startLocalSocketServer } from './local-socket';
export type {
  LocalSocketConnection,
  LocalSocketLimits,
  LocalSocketRequestOptions,
  LocalSocketServer,
  LocalSocketServerOptions,
  LocalSocketSpec,
} from './local-socket';
