// The onboarding wizard's logic (pure Node): team file, keys, MFA device, session, roles, repository, review.
export { createWizardService } from './wizard-service';
export type { WizardOperationName, WizardService, WizardServiceDeps } from './wizard-service';
export {
  APP_CLI_FLAG,
  resolveCliInvocation,
  codeCommitHttpsUrl,
  credentialHelperCommand,
  gitCredentialHelper,
  gitMfaAlias,
  helperSettings,
  roleCredentialHelper,
} from './repository-setup';
export type { CliInvocation, CliRuntime } from './repository-setup';
export { createGitRunner } from './git-runner';
export type { GitRunner, GitResult } from './git-runner';
export { parseTeamFile, TeamFileSchema, TEAM_FILE_FORMAT, TEAM_FILE_VERSION } from './team-file';
export type { TeamFile } from './team-file';
export { readAccessKeyCsv, checkKeyFormat } from './access-key-csv';
export { mfaSerialFromUserArn } from './key-validation';
