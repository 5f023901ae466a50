import { describe, expect, it } from 'vitest';
import { formFromDraft, planFromForm, planProblems, stepHasProblems } from './plan';

const draft = {
  layout: 'session-chain' as const,
  sourceProfile: 'FetchMfaCredentials',
  targetProfile: 'MyRepositoryAssumer',
  mfaSerial: 'arn:aws:iam::111111111111:mfa/MyRepositoryUser',
  durationSeconds: 86400,
  maxMfaAgeSeconds: 86400,
  region: 'eu-west-1',
  roles: [
    { profile: 'MyRepositoryContributor', roleArn: 'arn:aws:iam::222222222222:role/MyRepositoryContributorRole' },
  ],
  repositories: [],
};

describe('the wizard plan', () => {
  it('turns the scenario draft into a valid plan, roles inheriting the team region', () => {
    const form = formFromDraft(draft, 'new');
    expect(planProblems(form)).toEqual({});
    expect(planFromForm(form)).toMatchObject({
      durationSeconds: 86400,
      roles: [{ profile: 'MyRepositoryContributor', region: 'eu-west-1' }],
    });
  });

  it('names the field of each problem with the contract message', () => {
    const form = { ...formFromDraft(draft, 'new'), mfaSerial: 'my phone', durationHours: '30' };
    form.roles = [{ profile: 'MyRepositoryAssumer', roleArn: 'arn:aws:iam::2:role/x', region: '' }];
    const problems = planProblems(form);
    expect(problems.mfaSerial).toMatch(/arn:aws:iam::123456789012:mfa/);
    expect(problems.durationSeconds).toMatch(/MultiFactorAuthAge/);
    expect(problems['roles.0.roleArn']).toMatch(/role ARN/);
    expect(problems['roles.0.profile']).toMatch(/already used/);
    expect(stepHasProblems(problems, ['roles'])).toBe(true);
    expect(stepHasProblems(problems, ['sourceProfile', 'targetProfile'])).toBe(false);
  });

  it('rejects an empty duration instead of reading it as zero hours', () => {
    expect(planProblems({ ...formFromDraft(draft, 'new'), durationHours: ' ' }).durationSeconds).toMatch(/hours/);
  });
});
