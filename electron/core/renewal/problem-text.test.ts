import { describe, expect, it } from 'vitest';
import { maskSecretLike } from './problem-text';

describe('maskSecretLike', () => {
  it('masks secret keys and tokens quoted in a problem', () => {
    const text =
      'line 3 has no \'=\': "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" and FwoGZXIvYXdzEJr//////////wEaDOxyz123ABC';
    expect(maskSecretLike(text)).toBe('line 3 has no \'=\': "********" and ********');
  });
  it('keeps paths, profile names, ARNs and ordinary words', () => {
    const text =
      '/tmp/mfa-tray-lab-Ab12Cd/credentials, line 4: duplicate section [MyRepositoryContributor] arn:aws:iam::111111111111:mfa/MyRepositoryUser';
    expect(maskSecretLike(text)).toBe(text);
  });
});
