import { describe, expect, it } from 'vitest';
import { renewalTargetState } from './target-state';
import { mfaRolesModel } from '../../../testing/scenario/mfa-roles';
import { scenario } from '../../../testing/scenario/scenario';
import type { ProfileModel } from '../profiles';

const NOW = Date.parse('2030-01-01T00:00:00Z');
const inMinutes = (minutes: number) => new Date(NOW + minutes * 60_000);

function withAdminCachedUntil(model: ProfileModel, expiration: Date): ProfileModel {
  return {
    ...model,
    roles: model.roles.map((role) => (role.profile === 'admin' ? { ...role, cachedExpiration: expiration } : role)),
  };
}

function withSession(expiration: Date): ProfileModel {
  const model = mfaRolesModel();
  return {
    ...model,
    mfaSessions: [
      { source: 'default', target: 'session', device: scenario.mfaSerial, expiration, pairedBy: 'explicit' },
    ],
  };
}

describe('renewalTargetState', () => {
  it("judges an MFA role by botocore's 15-minute refresh window: 10 minutes left is due", () => {
    expect(renewalTargetState(withAdminCachedUntil(mfaRolesModel(), inMinutes(10)), 'admin', NOW)).toEqual({
      device: scenario.mfaSerial,
      valid: false,
    });
    expect(renewalTargetState(withAdminCachedUntil(mfaRolesModel(), inMinutes(20)), 'admin', NOW)?.valid).toBe(true);
  });

  it('judges an MFA session by the 2-minute margin: 10 minutes left is still valid', () => {
    expect(renewalTargetState(withSession(inMinutes(10)), 'session', NOW)).toEqual({
      device: scenario.mfaSerial,
      valid: true,
    });
    expect(renewalTargetState(withSession(inMinutes(1)), 'session', NOW)?.valid).toBe(false);
  });

  it('knows a role that was never renewed as due, and nothing of other profiles', () => {
    expect(renewalTargetState(mfaRolesModel(), 'deploy', NOW)?.valid).toBe(false);
    expect(renewalTargetState(mfaRolesModel(), 'default', NOW)).toBeUndefined();
  });
});
