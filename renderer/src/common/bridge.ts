// The renderer's only way to main: the preload's `window.mfaTray`, typed from the shared contract.
import type { MfaTrayBridge } from '../../../electron/shared/contract';

declare global {
  interface Window {
    mfaTray?: MfaTrayBridge;
  }
}

export type Bridge = MfaTrayBridge;

export function bridge(): Bridge {
  const found = window.mfaTray;
  if (!found) throw new Error('MFA Tray runs inside its app window: the bridge to the main process is missing.');
  return found;
}
