// The built-in virtual MFA device, for TEST AND LAB ACCOUNTS ONLY: MFA Tray holds the TOTP secret (sealed by
// the OS keychain) and makes the codes. Opt-in per device, labelled "lab only" wherever it appears.
export { autoRenewNotification, AUTO_RENEW_RETRY_MS, shouldAutoRenewLabSession } from './auto-renew';
export type { AutoRenewDecision, AutoRenewInput } from './auto-renew';
export { AppNotRunningError } from '../app-state';
export { requestLabSocket, startLabSocketServer } from './code-socket';
export type { LabSocketHandler, LabSocketRequest, LabSocketResponse, LabSocketServer } from './code-socket';
export type { CreateOutcome } from './create-device';
export { renewWithLabCodes } from './device-codes';
export type { LabCodeView, Sleep } from './device-codes';
export type { LabDeviceRecord, LabDeviceState } from './device-store';
export { LabDeviceError } from './lab-device-error';
export type { LabDeviceErrorKind } from './lab-device-error';
export { createLabDeviceService } from './lab-device-service';
export type {
  ImportRequest,
  LabDeviceListing,
  LabDeviceOutcome,
  LabDeviceService,
  LabDeviceServiceOptions,
  LabDeviceSummary,
} from './lab-device-service';
export { NO_SECRET_STORE } from './secret-cipher';
export type { SecretCipher, SecretStoreBackend, SecretStoreKind } from './secret-cipher';
export type { SecretInput } from './secret-input';
export { labSocketHandler } from './socket-handler';
