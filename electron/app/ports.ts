// What the app service needs from the outside world, as plain interfaces: the core modules (profiles, renewal,
// file watching), the clock, and the few desktop capabilities Electron provides. electron/main passes the real
// ones; tests and the renderer's Playwright harness pass their own, so the service itself never imports Electron.
import type { TokenDialogContext } from '../shared/ipc-contract';
import type { LabDeviceService } from '../core/lab-devices';
import type { FileRole, ProfileModel } from '../core/profiles/types';
import type { Clock } from '../core/time/clock';
import type { WizardHandlers } from './app-service';

export interface AwsFileLocations {
  config: string;
  credentials: string;
  cliCacheDir: string;
}

/** What renewal needs from one dialog submission. */
export interface RenewRequest {
  target: string;
  code: string;
  durationSeconds?: number;
  force?: boolean;
}

/** The renewal module's outcome, reduced to the metadata the dialog may see. */
export interface RenewOutcome {
  kind: string;
  message: string;
  expiration?: Date;
  retryAfterSeconds?: number;
  clockOffsetSeconds?: number;
}

export interface CorePorts {
  /** Never throws on bad files: they come back as `problems`. */
  loadProfileModel(): Promise<ProfileModel>;
  renew(request: RenewRequest): Promise<RenewOutcome>;
  watchAwsFiles(onChange: (changed: FileRole[]) => void): { close(): void };
  /** True when MFA Tray holds this device's TOTP secret (lab accounts only). */
  isLabDevice(device: string): Promise<boolean>;
}

/** Which window sent an IPC call, so "close" can hide exactly that one. */
export interface CallerContext {
  senderId: number;
}

/** Desktop capabilities, shaped after Electron's clipboard, shell, app and BrowserWindow. */
export interface ShellCapabilities {
  writeClipboard(text: string): void;
  /** Resolves to '' on success or an error message, like Electron's shell.openPath. */
  openPath(path: string): Promise<string>;
  showTokenDialog(context: TokenDialogContext): void;
  hideSender(caller: CallerContext): boolean;
  openDashboard(): void;
  openWizard(): void;
  setStartAtLogin(enabled: boolean): void;
}

export interface ServiceLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface AppServiceDeps {
  locations: AwsFileLocations;
  /** MFA Tray's own state folder (settings.json lives here). */
  stateDir: string;
  clock: Clock;
  core: CorePorts;
  shell: ShellCapabilities;
  log: ServiceLog;
  /** The onboarding wizard's handlers, composed into the same table. */
  wizard: WizardHandlers;
  /** Lab devices (electron/core/lab-devices), sealed with the app's keychain; absent: no secret store. */
  labDevices?: LabDeviceService;
  platform?: NodeJS.Platform;
}
