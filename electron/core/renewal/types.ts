// The renewal module's ports and outcomes. Outcomes carry no secrets: the new keys go straight to the
// user's files, and whoever needs them (credential-process) reads them back from there.
import type { AwsFileLocations, ProfileSettingsPlacement, SettleTime } from '../aws-files';
import type { ProfileModel } from '../profiles';
import type { CallPolicy, GatewayOptions, StsFailure, StsGateway } from '../sts';
import type { Clock } from '../time/clock';

/** What the person (or the built-in lab device) is asked for. */
export interface CodeRequest {
  target: string;
  source: string;
  /** mfa_serial of the device whose code is needed. */
  device: string;
}

/** Where codes come from: --code, stdin, a terminal prompt, the tray dialog, the built-in lab device. */
export interface CodeSource {
  /** Resolves to the code as typed (checked by renewal), or rejects with CodeEntryCancelled. */
  getCode(request: CodeRequest): Promise<string>;
}

export class CodeEntryCancelled extends Error {
  constructor(message = 'No MFA code was entered.') {
    super(message);
    this.name = 'CodeEntryCancelled';
  }
}

export interface RenewRequest {
  /** Profile that receives the session keys (MyRepositoryAssumer). */
  target: string;
  /** Profile holding the long-term keys and mfa_serial; found from the profile model's pairing when omitted. */
  source?: string;
  codeSource: CodeSource;
  /** Overrides the source's get_session_token_duration_seconds. */
  durationSeconds?: number;
  /** Renew even when the target's expiration is still in the future. */
  force?: boolean;
  /**
   * What the caller saw when it decided to renew (the git helper, credential-process: their own check, made before
   * renew reads the files). Under the device lock, a session renewed since then is shared instead of renewed again
   * with another code, forced or not: twenty helpers that found it expired make one prompt.
   */
  seen?: { expiration?: Date };
}

export interface RenewDeps {
  locations: AwsFileLocations;
  /** MFA Tray's state folder: device locks and used-code records. */
  stateDir: string;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  loadModel?: (locations: AwsFileLocations) => Promise<ProfileModel>;
  writeSettings?: (
    locations: AwsFileLocations,
    profile: string,
    values: Record<string, string | null>,
    options?: ProfileSettingsPlacement & SettleTime & { onWait?: (message: string) => void },
  ) => Promise<void>;
  /** The pre-flight check of that write (aws-files' checkProfileWritable). */
  checkWritable?: (
    locations: AwsFileLocations,
    profile: string,
    values: Record<string, string | null>,
    placement?: ProfileSettingsPlacement,
  ) => Promise<void>;
  /** Waits before each further attempt to save an issued session (default 0.5 s, 2 s). */
  saveRetryDelaysMs?: readonly number[];
  createGateway?: (options: GatewayOptions) => StsGateway;
  policy?: Partial<CallPolicy>;
  /** How long to wait for another process's renewal of the same device. */
  lockWaitMs?: number;
  /** Told once when another process's renewal of the device makes this one wait. */
  onLockWait?: (device: string) => void;
  /** Told, in words, when saving waits for a file: another MFA Tray process's lock, a program writing it in place. */
  onFileWait?: (message: string) => void;
}

export type RenewOutcome =
  | {
      kind: 'renewed';
      category: 'ok';
      message: string;
      target: string;
      expiration: Date;
      sharedWithConcurrentRenewal: boolean;
    }
  | { kind: 'still-valid'; category: 'ok'; message: string; target: string; expiration: Date }
  | { kind: 'configuration'; category: 'user'; message: string }
  | { kind: 'file-problem'; category: 'user'; message: string }
  | { kind: 'cancelled'; category: 'user'; message: string }
  | { kind: 'busy'; category: 'aws'; message: string }
  | StsFailure;

export type RenewOutcomeKind = RenewOutcome['kind'];
