import { describe, expect, it } from 'vitest';
import { EndpointConfigError, resolveServiceTarget } from './endpoint';

describe('resolveServiceTarget', () => {
  it('uses the global STS endpoint signed for us-east-1 when no region is configured anywhere', () => {
    expect(resolveServiceTarget('sts', { env: {} })).toEqual({
      endpoint: undefined,
      region: 'us-east-1',
      useGlobalEndpoint: true,
    });
  });
  it('takes the region from AWS_REGION, then AWS_DEFAULT_REGION, then the profile', () => {
    expect(
      resolveServiceTarget('sts', {
        env: { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' },
        profileSettings: { region: 'ap-south-1' },
      }).region,
    ).toBe('eu-west-1');
    expect(
      resolveServiceTarget('sts', {
        env: { AWS_DEFAULT_REGION: 'us-west-2' },
        profileSettings: { region: 'ap-south-1' },
      }).region,
    ).toBe('us-west-2');
    expect(resolveServiceTarget('sts', { env: {}, profileSettings: { region: 'ap-south-1' } })).toMatchObject({
      region: 'ap-south-1',
      useGlobalEndpoint: false,
    });
  });
  it('prefers AWS_ENDPOINT_URL_STS, then AWS_ENDPOINT_URL, then the services section, then endpoint_url', () => {
    const profileSettings = { endpoint_url: 'http://profile', services: 'local' };
    const servicesSections = { local: { sts: { endpoint_url: 'http://services' } } };
    const env = { AWS_ENDPOINT_URL_STS: 'http://sts-env', AWS_ENDPOINT_URL: 'http://env' };
    expect(resolveServiceTarget('sts', { env, profileSettings, servicesSections }).endpoint).toBe('http://sts-env');
    expect(
      resolveServiceTarget('sts', { env: { AWS_ENDPOINT_URL: 'http://env' }, profileSettings, servicesSections })
        .endpoint,
    ).toBe('http://env');
    expect(resolveServiceTarget('sts', { env: {}, profileSettings, servicesSections }).endpoint).toBe(
      'http://services',
    );
    expect(resolveServiceTarget('iam', { env: {}, profileSettings, servicesSections }).endpoint).toBe('http://profile');
    expect(
      resolveServiceTarget('sts', {
        env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' },
        profileSettings,
        servicesSections,
      }).endpoint,
    ).toBeUndefined();
  });
  it('says so when the named services section is missing, like the SDK', () => {
    expect(() => resolveServiceTarget('sts', { env: {}, profileSettings: { services: 'nope' } })).toThrow(
      EndpointConfigError,
    );
  });
});
