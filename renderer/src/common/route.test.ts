import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';

describe('parseRoute', () => {
  it('reads the screen and the token dialog target from the hash', () => {
    expect(parseRoute('#/dashboard')).toEqual({ screen: 'dashboard' });
    expect(parseRoute('#/token-dialog?target=MyRepositoryAssumer')).toEqual({
      screen: 'token-dialog',
      target: 'MyRepositoryAssumer',
    });
    expect(parseRoute('#/token-dialog')).toEqual({ screen: 'token-dialog', target: undefined });
    expect(parseRoute('#/wizard/')).toEqual({ screen: 'wizard' });
    expect(parseRoute('#/devices')).toEqual({ screen: 'devices' });
  });
  it('opens the dashboard without a hash and names unknown screens', () => {
    expect(parseRoute('')).toEqual({ screen: 'dashboard' });
    expect(parseRoute('#/elsewhere')).toEqual({ screen: 'not-found', hash: '#/elsewhere' });
  });
});
