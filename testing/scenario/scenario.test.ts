import { describe, expect, it } from 'vitest';
import { scenario } from './scenario';

describe('the scenario', () => {
  it('names the seed’s user, device and role by the ARNs AWS gives them', () => {
    expect(scenario.userArn).toBe('arn:aws:iam::111111111111:user/MyRepositoryUser');
    expect(scenario.mfaSerial).toBe('arn:aws:iam::111111111111:mfa/MyRepositoryUser');
    expect(scenario.roleArn).toBe('arn:aws:iam::222222222222:role/MyRepositoryContributorRole');
    expect(scenario.accounts).toEqual({ users: '111111111111', repository: '222222222222' });
  });

  it('has an active and an inactive key pair for the user', () => {
    expect([scenario.activeKey.status, scenario.inactiveKey.status]).toEqual(['Active', 'Inactive']);
  });
});
