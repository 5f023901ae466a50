export { codeCommitGitCredentials, codeCommitRegion } from './git-credentials';
export type { GitCredentialRequest, GitCredentials } from './git-credentials';
export { roleKeysFor, ROLE_KEYS_MIN_REMAINING_MS } from './role-keys';
export type { RoleKeys, RoleKeysDeps, RoleKeysResult } from './role-keys';
