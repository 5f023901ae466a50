import type { RoleRecord, UserRecord } from './state';

/** Who signed a request, after authentication. */
export type Caller =
  | { kind: 'user'; accountId: string; user: UserRecord }
  | { kind: 'session'; accountId: string; user: UserRecord; mfaAtMs?: number; expiresAtMs: number }
  | {
      kind: 'role';
      accountId: string;
      role: RoleRecord;
      roleSessionName: string;
      mfaAtMs?: number;
      expiresAtMs: number;
    };

export function callerArn(caller: Caller): string {
  return caller.kind === 'role'
    ? `arn:aws:sts::${caller.accountId}:assumed-role/${caller.role.name}/${caller.roleSessionName}`
    : caller.user.arn;
}

export function callerUserId(caller: Caller): string {
  return caller.kind === 'role' ? `${caller.role.roleId}:${caller.roleSessionName}` : caller.user.userId;
}
