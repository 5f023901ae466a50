// The product's defaults for a new setup: the scenario's profile names and MFA age limit. The wizard starts
// from them and the team file falls back to them, so both always agree.

/** The `aws:MultiFactorAuthAge` limit in the scenario's assume policy: 24 hours. */
export const DEFAULT_MAX_MFA_AGE_SECONDS = 86400;
export const DEFAULT_SOURCE_PROFILE = 'FetchMfaCredentials';
export const DEFAULT_TARGET_PROFILE = 'MyRepositoryAssumer';
