import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { invokeContract, WizardPlanSchema } from '../../shared/contract';
import { MfaSerialSchema, RegionSchema, RepositoryNameSchema } from '../../shared/vocabulary';

const wizardOperations = Object.entries(invokeContract).filter(([name]) => name.startsWith('wizard'));

function propertyNames(schema: unknown, names: string[] = []): string[] {
  if (Array.isArray(schema)) for (const item of schema) propertyNames(item, names);
  else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value && typeof value === 'object') names.push(...Object.keys(value));
      propertyNames(value, names);
    }
  }
  return names;
}

const messagesOf = (schema: z.ZodType, value: unknown): string[] =>
  schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('wizard entries of the IPC contract', () => {
  it('have their own channels, and no response field can carry a secret', () => {
    expect(wizardOperations.map(([name]) => name).sort()).toEqual([
      'wizardApply',
      'wizardCheckRoles',
      'wizardDiscard',
      'wizardImportTeamFile',
      'wizardPickFolder',
      'wizardPreview',
      'wizardSetKeys',
      'wizardSetUpRepository',
      'wizardStart',
    ]);
    const channels = Object.values(invokeContract).map((operation) => operation.channel);
    expect(new Set(channels).size).toBe(channels.length);
    const fields = wizardOperations.flatMap(([, operation]) =>
      propertyNames(z.toJSONSchema(operation.response, { io: 'output' })),
    );
    expect(fields.length).toBeGreaterThan(30);
    expect(fields.filter((field) => /secret|token|password/i.test(field))).toEqual([]);
  });

  it('explain the 24-hour MFA age rule and duplicate profile names as the user types', () => {
    const plan = {
      sourceProfile: 'A',
      targetProfile: 'B',
      mfaSerial: 'arn:aws:iam::111111111111:mfa/u',
      durationSeconds: 86400,
      keys: 'new',
      roles: [],
    };
    expect(WizardPlanSchema.safeParse(plan).success).toBe(true);
    expect(messagesOf(WizardPlanSchema, { ...plan, durationSeconds: 90000 })).toEqual([
      expect.stringContaining('aws:MultiFactorAuthAge'),
    ]);
    expect(messagesOf(WizardPlanSchema, { ...plan, durationSeconds: 90000, maxMfaAgeSeconds: 129600 })).toEqual([]);
    expect(messagesOf(WizardPlanSchema, { ...plan, durationSeconds: 600 })).toEqual([
      'STS gives sessions of at least 900 seconds (15 minutes)',
    ]);
    expect(messagesOf(WizardPlanSchema, { ...plan, targetProfile: 'A' })).toEqual([
      expect.stringContaining('its own name'),
    ]);
    expect(
      messagesOf(WizardPlanSchema, { ...plan, roles: [{ profile: 'B', roleArn: 'arn:aws:iam::222222222222:role/R' }] }),
    ).toEqual([expect.stringContaining('already used')]);
  });

  it('accept real identifiers and reject look-alikes', () => {
    expect(MfaSerialSchema.safeParse('GAHT12345678').success).toBe(true);
    expect(MfaSerialSchema.safeParse('arn:aws:iam::1111:mfa/u').success).toBe(false);
    expect(RegionSchema.safeParse('us-gov-west-1').success).toBe(true);
    expect(RegionSchema.safeParse('Europe').success).toBe(false);
    expect(messagesOf(RepositoryNameSchema, 'repo.git')).toEqual(['A CodeCommit repository name cannot end in .git']);
  });
});
