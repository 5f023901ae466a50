// STS/IAM gateway over @aws-sdk/client-sts and client-iam. Every call ends in StsResult<T>: `{ ok: true, value }` or
// `{ ok: false, failure }` with failure `{ kind, category: 'user' | 'aws', message, ... }`, never a secret.
// - createStsGateway({ keys, profileSettings?, env?, policy? }): getSessionToken, assumeRole (role chaining
//   capped at 1 h when signed with temporary keys), getCallerIdentity; limits checked before sending.
// - createIamGateway(...): getUser, listMfaDevices, createVirtualMfaDevice, enableMfaDevice.
// - Endpoint and region as the JS SDK resolves them (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, services section,
//   endpoint_url); no region anywhere → https://sts.amazonaws.com signed for us-east-1.
// - Timeouts 5 s connect / 15 s answer; retries only when AWS cannot have used an MFA code (no connection,
//   throttled), or for calls without a code. Clock skew is measured from the responses' Date header.
export { createStsGateway } from './gateway';
export { checkDuration } from './duration';
export type { AssumeRoleInput, GatewayOptions, GetSessionTokenInput, StsGateway } from './gateway';
export { createIamGateway } from './iam-gateway';
export type { IamGateway, IamGatewayOptions, IamUser, MfaDeviceSummary, NewVirtualMfaDevice } from './iam-gateway';
export type { CallPolicy } from './call-policy';
export { EndpointConfigError } from './endpoint';
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
