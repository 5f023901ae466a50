import { describe, expect, it } from 'vitest';
import {
  AUTO_RENEW_RETRY_MS,
  autoRenewNotification,
  shouldAutoRenewLabSession,
  type AutoRenewInput,
} from './auto-renew';

const NOW = Date.UTC(2030, 0, 1, 12);
const due: AutoRenewInput = {
  autoRenewLabSessions: true,
  leadTimeMinutes: 10,
  labDevice: true,
  expiration: new Date(NOW + 5 * 60_000),
  nowMs: NOW,
};

describe('shouldAutoRenewLabSession', () => {
  it('renews a lab session at its lead time, and an expired or never-renewed one', () => {
    expect(shouldAutoRenewLabSession(due)).toEqual({ renew: true });
    expect(shouldAutoRenewLabSession({ ...due, expiration: new Date(NOW + 10 * 60_000) })).toEqual({ renew: true });
    expect(shouldAutoRenewLabSession({ ...due, expiration: new Date(NOW - 60_000) })).toEqual({ renew: true });
    const { expiration: _expiration, ...never } = due;
    expect(shouldAutoRenewLabSession(never)).toEqual({ renew: true });
  });

  it('does not renew before the lead time, with the setting off, or for a device MFA Tray does not hold', () => {
    expect(shouldAutoRenewLabSession({ ...due, expiration: new Date(NOW + 10 * 60_000 + 1) })).toMatchObject({
      renew: false,
      reason: /lead time/,
    });
    expect(shouldAutoRenewLabSession({ ...due, autoRenewLabSessions: false })).toMatchObject({
      renew: false,
      reason: /off/,
    });
    expect(shouldAutoRenewLabSession({ ...due, labDevice: false })).toMatchObject({
      renew: false,
      reason: /only lab devices/,
    });
  });

  it('waits before trying again after an attempt', () => {
    expect(shouldAutoRenewLabSession({ ...due, lastAttemptMs: NOW - AUTO_RENEW_RETRY_MS + 1 })).toMatchObject({
      renew: false,
    });
    expect(shouldAutoRenewLabSession({ ...due, lastAttemptMs: NOW - AUTO_RENEW_RETRY_MS })).toEqual({ renew: true });
  });
});

describe('autoRenewNotification', () => {
  it('says MFA Tray renewed by itself with its lab device, or that it tried and failed', () => {
    expect(autoRenewNotification('MyRepositoryAssumer', { ok: true, message: 'Valid until 13:00.' })).toEqual({
      title: 'Renewed MyRepositoryAssumer automatically',
      body: 'MFA Tray renewed MyRepositoryAssumer with its lab device (lab accounts only). Valid until 13:00.',
    });
    expect(autoRenewNotification('X', { ok: false, message: 'AWS is unreachable.' }).body).toMatch(
      /tried to renew X with its lab device: AWS is unreachable/,
    );
  });
});
