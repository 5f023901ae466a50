// STS/IAM gateway: every call ends in a typed result; failures are `{ kind, category, message }` without secrets.
export { createStsGateway, checkDuration } from './gateway';
export type { AssumeRoleInput, GatewayOptions, GetSessionTokenInput, StsGateway } from './gateway';
export { createIamGateway } from './iam-gateway';
export type { IamGateway, IamGatewayOptions, IamUser, MfaDeviceSummary, NewVirtualMfaDevice } from './iam-gateway';
export { DEFAULT_CALL_POLICY } from './call-policy';
export type { CallPolicy } from './call-policy';
export { formatOffset, redactSecrets } from './classify-error';
export { EndpointConfigError, resolveServiceTarget } from './endpoint';
export type { ResolvedStsTarget } from './endpoint';
export { ROLE_CHAINING_MAX_SECONDS, ROLE_DURATION, SESSION_DURATION } from './limits';
export type {
  AssumedRole,
  AwsKeys,
  CallerIdentity,
  FailureCategory,
  SessionCredentials,
  StsFailure,
  StsFailureKind,
  StsResult,
} from './outcomes';
