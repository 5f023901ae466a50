import { describe, expect, it } from 'vitest';
import { createCallTracker, errorText, settleCall } from './bridge-call';

describe('errorText', () => {
  it("shows main's own message without Electron's wrapping of a rejected invoke", () => {
    expect(
      errorText(new Error("Error invoking remote method 'mfa-tray:renew': Error: The AWS files changed underneath.")),
    ).toBe('The AWS files changed underneath.');
    expect(
      errorText(
        new Error(
          "Error invoking remote method 'mfa-tray:renew': IpcRejectedError: Rejected: invalid request for renew",
        ),
      ),
    ).toBe('Rejected: invalid request for renew');
  });
  it('keeps other messages as they are and names a rejection without one', () => {
    expect(errorText(new Error('Could not read qr.png.'))).toBe('Could not read qr.png.');
    expect(errorText('timeout')).toBe('timeout');
    expect(errorText(new Error(''))).toBe('no reason given');
  });
});

describe('settleCall', () => {
  it('answers with what the call resolved to', async () => {
    expect(await settleCall('Could not copy', async () => ({ ok: true, message: 'Copied.' }))).toEqual({
      ok: true,
      answer: { ok: true, message: 'Copied.' },
    });
  });
  it('turns a rejection into "what: reason" and never rejects itself', async () => {
    expect(await settleCall('Not saved', () => Promise.reject(new Error('disk full')))).toEqual({
      ok: false,
      message: 'Not saved: disk full',
    });
  });
  it('turns a synchronous throw (no bridge outside the app) into the same failure', async () => {
    const outcome = await settleCall('Could not load your profiles', () => {
      throw new Error('the bridge to the main process is missing.');
    });
    expect(outcome).toEqual({
      ok: false,
      message: 'Could not load your profiles: the bridge to the main process is missing.',
    });
  });
});

describe('createCallTracker', () => {
  it('reports pending when the first call starts and not pending when the last one ends', () => {
    const reports: boolean[] = [];
    const tracker = createCallTracker((pending) => reports.push(pending));
    const first = tracker.start();
    const second = tracker.start();
    expect(first.finish()).toBe(true);
    expect(reports).toEqual([true]);
    expect(second.finish()).toBe(true);
    expect(reports).toEqual([true, false]);
  });
  it('drops the outcome of a cancelled call, which stops counting as pending at once', () => {
    const reports: boolean[] = [];
    const tracker = createCallTracker((pending) => reports.push(pending));
    const superseded = tracker.start();
    superseded.cancel();
    expect(reports).toEqual([true, false]);
    expect(superseded.finish()).toBe(false);
    expect(reports).toEqual([true, false]);
  });
  it('after the screen closed, drops every outcome still to come and reports nothing more', () => {
    const reports: boolean[] = [];
    const tracker = createCallTracker((pending) => reports.push(pending));
    const inFlight = tracker.start();
    tracker.close();
    expect(inFlight.finish()).toBe(false);
    inFlight.cancel();
    expect(reports).toEqual([true]);
  });
  it("after StrictMode's remount, serves new calls but not the ones from before", () => {
    const reports: boolean[] = [];
    const tracker = createCallTracker((pending) => reports.push(pending));
    const before = tracker.start();
    tracker.close();
    tracker.open();
    const after = tracker.start();
    expect(before.finish()).toBe(false);
    expect(after.finish()).toBe(true);
    expect(reports).toEqual([true, true, false]);
  });
});
