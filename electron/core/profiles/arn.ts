// Account IDs and role names from the ARNs found in profiles and in the AWS CLI's role cache.
const ASSUMED_ROLE_ARN = /^arn:([a-z0-9-]+):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;
const ROLE_ARN = /^arn:([a-z0-9-]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

/**
 * The 12-digit account of an IAM/STS ARN (role, user, MFA device), or undefined for anything else: what
 * /^arn:[a-z0-9-]+:(?:iam|sts)::(\d{12}):/ captures, read by hand because the model asks for every profile
 * (no match array, no copies).
 */
export function accountIdFromArn(arn: string): string | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  let at = 4;
  while (at < arn.length && isPartitionChar(arn.charCodeAt(at))) at++;
  if (at === 4 || arn.charCodeAt(at) !== 0x3a /* : */) return undefined;
  at++;
  if (!arn.startsWith('iam::', at) && !arn.startsWith('sts::', at)) return undefined;
  at += 5;
  for (let digit = at; digit < at + 12; digit++) {
    const c = arn.charCodeAt(digit);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return arn.charCodeAt(at + 12) === 0x3a ? arn.slice(at, at + 12) : undefined;
}

/** [a-z0-9-], the characters of a partition name. */
function isPartitionChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
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
