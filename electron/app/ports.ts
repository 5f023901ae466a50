// What the application layer needs from the outside world, as plain interfaces: the core modules (profiles,
// renewal, file watching), the clock, and the few desktop capabilities Electron provides. electron/main passes the
// real ones; tests and the renderer's Playwright harness pass their own, so this layer never imports Electron.
import type { LabDeviceService } from '../core/lab-devices';
import type { FileRole } from '../core/aws-files/file-problem';
import type { ProfileModel } from '../core/profiles/types';
import type { RenewOutcome } from '../core/renewal';
import type { Clock, TimerClock } from '../core/time/clock';
import type { InvokeName, RequestOf, ResponseOf, TokenDialogContext } from '../shared/contract';

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
  /** Renew every MFA role of this device with the one code (core/renewal's renewDeviceRoles). */
  allRolesOf?: string;
}

export interface CorePorts {
  /** Never throws on bad files: they come back as `problems`. */
  loadProfileModel(): Promise<ProfileModel>;
  renew(request: RenewRequest): Promise<RenewOutcome>;
  watchAwsFiles(onChange: (changed: FileRole[]) => void): { close(): void };
  /** True when MFA Tray holds this device's TOTP secret (lab accounts only). */
  isLabDevice(device: string): Promise<boolean>;
}

/** Desktop capabilities, shaped after Electron's clipboard, shell, app and BrowserWindow. */
export interface ShellCapabilities {
  /** Electron's clipboard.writeText resolves once the system clipboard holds the text (since Electron 44). */
  writeClipboard(text: string): Promise<void>;
  /** Resolves to '' on success or an error message, like Electron's shell.openPath. */
  openPath(path: string): Promise<string>;
  showTokenDialog(context: TokenDialogContext): void;
  openDashboard(): void;
  openWizard(): void;
  /** Registers or removes the login item (an XDG autostart entry on Linux); rejects when that fails. */
  setStartAtLogin(enabled: boolean): Promise<void>;
}

export interface ServiceLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The onboarding wizard's operations, one per `wizard*` entry of the contract (electron/core/onboarding). */
export type WizardOperationName = Extract<InvokeName, `wizard${string}`>;
export type WizardOperations = { [K in WizardOperationName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export interface AppServiceDeps {
  locations: AwsFileLocations;
  /** MFA Tray's own state folder (settings.json lives here). */
  stateDir: string;
  clock: Clock;
  /** The prompt broker's one timer per round (the wait setting); the system's timers by default. */
  timers?: Pick<TimerClock, 'setTimeout' | 'clearTimeout'>;
  core: CorePorts;
  shell: ShellCapabilities;
  log: ServiceLog;
  wizard: WizardOperations;
  /** Lab devices (electron/core/lab-devices), sealed with the app's keychain or with no secret store at all. */
  labDevices: LabDeviceService;
  platform: NodeJS.Platform;
}
