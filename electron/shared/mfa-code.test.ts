import { describe, expect, it } from 'vitest';
import { codeProblem, withoutSeparators } from './mfa-code';

describe('an MFA code as typed', () => {
  it('takes the groupings people paste', () => {
    for (const typed of ['123456', '123 456', '123-456', ' 123.456 ', '12 34 56'])
      expect([codeProblem(typed), withoutSeparators(typed).digits]).toEqual([undefined, '123456']);
  });
  it('says what is wrong with a typo', () => {
    expect(codeProblem('12345')).toBe('That was 5 digits; the code has 6.');
    expect(codeProblem('')).toBe('That was 0 digits; the code has 6.');
    expect(codeProblem('1234567')).toBe('That was 7 digits; the code has 6.');
    expect(codeProblem('12345o')).toMatch(/^Only digits/);
  });
});
