import { describe, expect, it } from 'vitest';
import { accountIdFromArn } from './arn';

const ACCOUNT_ARN = /^arn:[a-z0-9-]+:(?:iam|sts)::(\d{12}):/;

describe('accountIdFromArn', () => {
  it('reads the account of IAM and STS ARNs in any partition, and nothing else', () => {
    expect(accountIdFromArn('arn:aws:iam::123456789012:mfa/me')).toBe('123456789012');
    expect(accountIdFromArn('arn:aws-cn:sts::123456789012:assumed-role/R/s')).toBe('123456789012');
    expect(accountIdFromArn('arn:aws:s3:::bucket')).toBeUndefined();
    expect(accountIdFromArn('arn:aws:iam::12345678901:mfa/me')).toBeUndefined();
    expect(accountIdFromArn('arn:AWS:iam::123456789012:mfa/me')).toBeUndefined();
    expect(accountIdFromArn('GAHT12345678')).toBeUndefined();
  });

  it('agrees with the ARN pattern on 20,000 random near-ARNs', () => {
    const pieces = [
      '123456789012',
      '123456789012:',
      ':',
      'aws',
      'aws-us-gov',
      'AWS',
      'iam::',
      'sts',
      's3',
      '::',
      '1234567890',
      '12',
      '0',
      'x',
      '/',
      '-',
      '٣',
    ];
    const starts = ['arn:aws:iam::', 'arn:aws-cn:sts::', 'arn:', 'arn:aws:', ''];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      let arn = starts[Math.floor(next() * starts.length)]!;
      const count = 1 + Math.floor(next() * 4);
      for (let p = 0; p < count; p++) arn += pieces[Math.floor(next() * pieces.length)];
      const expected = ACCOUNT_ARN.exec(arn)?.[1];
      if (expected !== undefined) matched++;
      expect(accountIdFromArn(arn), arn).toBe(expected);
    }
    expect(matched).toBeGreaterThan(100);
  });
});
