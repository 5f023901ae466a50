// Whether a renewal target is usable now, by the rule its own readers apply: an MFA session by ours (more than
// RENEWAL_MARGIN_MS left), an MFA role by botocore's (its cached keys are refreshed with 15 minutes left).
import type { ProfileModel } from '../profiles';
import { roleKeysFresh } from './role-target';
import { isStillValid } from './validity';

export interface RenewalTargetState {
  device?: string;
  valid: boolean;
}

export function renewalTargetState(model: ProfileModel, target: string, nowMs: number): RenewalTargetState | undefined {
  const session = model.mfaSessions.find((candidate) => candidate.target === target);
  if (session)
    return {
      ...(session.device !== undefined && { device: session.device }),
      valid: isStillValid(session.expiration, nowMs),
    };
  const role = model.roles.find((candidate) => candidate.profile === target);
  if (!role?.mfaRole) return undefined;
  return { device: role.mfaRole.device, valid: roleKeysFresh(role.cachedExpiration, nowMs) };
}
