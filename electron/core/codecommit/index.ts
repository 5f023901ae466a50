export { codeCommitGitCredentials, codeCommitRegion } from './git-credentials';
export type { GitCredentialRequest, GitCredentials } from './git-credentials';
