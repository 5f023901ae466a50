// Account IDs and role names from the ARNs found in profiles and in the AWS CLI's role cache.
const ACCOUNT_ARN = /^arn:[a-z0-9-]+:(?:iam|sts)::(\d{12}):/;
const ASSUMED_ROLE_ARN = /^arn:([a-z0-9-]+):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;
const ROLE_ARN = /^arn:([a-z0-9-]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

/** The 12-digit account of an IAM/STS ARN (role, user, MFA device), or undefined for anything else. */
export function accountIdFromArn(arn: string): string | undefined {
  return ACCOUNT_ARN.exec(arn)?.[1];
}

/**
 * A role ARN reduced to what an assumed-role ARN still shows: partition, account and role name.
 * (STS drops the role's path from `assumed-role/NAME/SESSION`, so full role ARNs cannot be compared.)
 */
export function roleIdentity(roleArn: string): string | undefined {
  const match = ROLE_ARN.exec(roleArn);
  return match ? `${match[1]}:${match[2]}:${match[3]}` : undefined;
}

/** Same identity as roleIdentity, from AssumedRoleUser.Arn of a cached AssumeRole response. */
export function assumedRoleIdentity(assumedRoleArn: string): string | undefined {
  const match = ASSUMED_ROLE_ARN.exec(assumedRoleArn);
  return match ? `${match[1]}:${match[2]}:${match[3]}` : undefined;
}

/** The role name an assumed-role ARN shows (the last part of assumedRoleIdentity). */
export function assumedRoleName(assumedRoleArn: string): string | undefined {
  return ASSUMED_ROLE_ARN.exec(assumedRoleArn)?.[3];
}
