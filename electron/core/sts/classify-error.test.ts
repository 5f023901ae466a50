import { describe, expect, it } from 'vitest';
import { neverProcessedByAws } from './classify-error';

const timeout = (message: string, code?: string) =>
  Object.assign(new Error(message), { name: 'TimeoutError', ...(code && { code }) });

describe('neverProcessedByAws (may a request carrying an MFA code be sent again?)', () => {
  it('says yes when no connection was made or AWS throttled the request', () => {
    expect(neverProcessedByAws(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(neverProcessedByAws({ name: 'Error', cause: { code: 'ENOTFOUND' } })).toBe(true);
    expect(
      neverProcessedByAws(timeout('the request socket did not establish a connection with the server within 5000 ms.')),
    ).toBe(true);
    expect(neverProcessedByAws({ name: 'Throttling', message: 'Rate exceeded' })).toBe(true);
    expect(neverProcessedByAws({ name: 'Whatever', $metadata: { httpStatusCode: 429 } })).toBe(true);
  });

  it('says no once the request may have reached AWS: no answer in time, a cut connection, a 5xx, a rejection', () => {
    expect(neverProcessedByAws(timeout('the request socket timed out after 15000 ms of inactivity'))).toBe(false);
    expect(neverProcessedByAws(timeout('did not establish a connection', 'ECONNRESET'))).toBe(false);
    expect(neverProcessedByAws(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(false);
    expect(neverProcessedByAws({ name: 'InternalFailure', $fault: 'server', $metadata: { httpStatusCode: 500 } })).toBe(
      false,
    );
    expect(
      neverProcessedByAws({
        name: 'AccessDenied',
        message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
      }),
    ).toBe(false);
    expect(neverProcessedByAws(undefined)).toBe(false);
  });
});
