// Renewal of an MFA session profile (the scenario's daily step), for the tray app and the CLI alike.
//
//   renew({ target, source?, codeSource, durationSeconds?, force? }, { locations, stateDir, ... }): Promise<RenewOutcome>
//
// - still valid (more than RENEWAL_MARGIN_MS left: validity.ts) and not forced → 'still-valid', nothing asked or written;
// - everything checkable is checked before a code is asked for: source keys are long-term, mfa_serial present,
//   duration within STS's SESSION_DURATION (shared/vocabulary), both AWS files readable, and the final write tried
//   for real (aws-files' checkProfileWritable: not read-only, folder writable, lock, edits, a temp file of the size);
// - the target keeps its tool's shape (session-shape.ts): aws-mfa's aws_security_token and credentials-file
//   `expiration` stamp (UTC, no zone), awsume's local-time stamp; aws-mfa --assume-role sessions are refused;
// - one renewal per MFA device at a time: same-process callers share one promise, other processes wait on a
//   lock file in the state folder and, once they hold it, share a renewal that happened meanwhile (since the caller's own look,
//   `seen`, when it gives one: forced helpers that found the session expired never renew it twice);
// - a code is never sent from a 30-s window already used for the device ('code-already-used' + seconds to wait);
// - success writes aws_access_key_id / aws_secret_access_key / aws_session_token (credentials file) and
//   expiration (config file, ISO-8601 UTC, unless it already lives in the credentials file) with
//   writeProfileSettings, retried twice while the issued keys are in memory; any failure leaves both files unchanged.
// - an MFA role (mfa_serial on the role profile, see profiles' MfaRole) is renewed by the same renew(): AssumeRole
//   with SerialNumber/TokenCode signed by its source's keys (1-hour cap when those are temporary), written to the AWS
//   CLI's cache entry botocore reads for it (renew-role.ts); "still valid" there is botocore's: over 15 min left.
//   Sessions and roles on one device share the lock, the single flight and the used-window record.
// - renewDeviceRoles({ device, codeSource }): every MFA role of one device with ONE code — GetSessionToken once (the
//   user's session profile for the device if there is one, else in memory only), then AssumeRole for each role with
//   it (MFA carried over; role chaining caps each at 1 h, and the result says so).
// Outcomes are `{ kind, category, message, ... }` without secrets; category 'ok' | 'user' | 'aws'.
export { renew } from './renew';
export { formatExpiration, targetExpiration } from './session-expiration';
export { isStillValid, RENEWAL_MARGIN_MS } from './validity';
export { renewalTargetState, type RenewalTargetState } from './target-state';
export { isMfaRoleTarget, roleKeysFresh } from './role-target';
export { deviceOf, renewDeviceRoles, type DeviceRolesRequest, type DeviceRolesResult } from './renew-device-roles';
export { CodeEntryCancelled } from './types';
export type { CodeRequest, CodeSource, RenewDeps, RenewOutcome, RenewOutcomeKind, RenewRequest } from './types';
