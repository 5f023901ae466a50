// One error type for everything a lab-device operation refuses, with the kind the IPC result and CLI report.
export type LabDeviceErrorKind =
  'weak-store-not-accepted' | 'no-secret-store' | 'bad-secret' | 'not-found' | 'unreadable' | 'damaged-store';

export class LabDeviceError extends Error {
  constructor(
    readonly kind: LabDeviceErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'LabDeviceError';
  }
}
