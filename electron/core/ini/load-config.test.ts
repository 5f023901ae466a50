import { describe, expect, it } from 'vitest';
import { configSectionName, loadConfig } from './load-config';
import { shlexSplit } from './shlex';

describe('loadConfig reads a config file like botocore load_config', () => {
  it('maps [default], [profile x], quoted names, [sso-session x] and [services x]; ignores other sections', () => {
    const loaded = loadConfig(
      '[default]\na=1\n[profile dev]\nb=2\n[profile "two words"]\nc=3\n[sso-session corp]\nd=4\n[services s]\ne=5\n[plugins]\nf=6\n',
    );
    expect(loaded.profiles).toEqual({ default: { a: '1' }, dev: { b: '2' }, 'two words': { c: '3' } });
    expect(loaded.ssoSessions).toEqual({ corp: { d: '4' } });
    expect(loaded.services).toEqual({ s: { e: '5' } });
  });

  it('lets the later of [default] and [profile default] win whole, without merging', () => {
    expect(loadConfig('[profile default]\na=1\nb=2\n[default]\na=3\n').profiles).toEqual({ default: { a: '3' } });
    expect(loadConfig('[default]\na=3\n[profile default]\na=1\n').profiles).toEqual({ default: { a: '1' } });
  });

  it('drops [profile a b], [profile], unbalanced quotes; takes [profilex y] as profile y (botocore uses startswith)', () => {
    expect(
      loadConfig('[profile a b]\nx=1\n[profile]\ny=1\n[profile "open]\nz=1\n[profilex y]\nw=1\n').profiles,
    ).toEqual({ y: { w: '1' } });
  });

  it('names config sections like the AWS CLI', () => {
    expect(configSectionName('default')).toBe('default');
    expect(configSectionName('MyRepositoryAssumer')).toBe('profile MyRepositoryAssumer');
  });
});

describe('shlexSplit matches Python shlex.split', () => {
  it('handles quotes, escapes and errors', () => {
    expect(shlexSplit(`profile "a b" 'c d' e\\ f "" "x\\"y\\z"`)).toEqual([
      'profile',
      'a b',
      'c d',
      'e f',
      '',
      'x"y\\z',
    ]);
    expect(() => shlexSplit('profile "open')).toThrow(/closing quotation/);
    expect(() => shlexSplit('profile a\\')).toThrow(/escaped character/);
  });
});
