// renew(target): single flight per MFA device (in-process and across processes), used-window guard, safe writes.
export { formatExpiration, renew } from './renew';
export { resolveRenewal, targetExpiration } from './resolve-session';
export type { ResolvedRenewal } from './resolve-session';
export { CodeEntryCancelled } from './types';
export type { CodeRequest, CodeSource, RenewDeps, RenewOutcome, RenewOutcomeKind, RenewRequest } from './types';
