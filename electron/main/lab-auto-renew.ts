// Automatic renewal of lab-device sessions at the lead time: the notifier offers each due expiry event here first;
// an event this module claims is renewed with the lab device and announced with its own notification instead of
// the usual "expires soon" warning. The decision itself is the core's shouldAutoRenewLabSession.
import type { ExpiryEvent } from '../core/expiry';
import { autoRenewNotification, shouldAutoRenewLabSession } from '../core/lab-devices';
import type { Clock } from '../core/time/clock';
import { errorMessage } from '../shared/error-message';
import type { MfaNotification } from './notifier';

export interface LabSessionFacts {
  /** The session's device is a ready lab device. */
  labDevice: boolean;
  expiration?: Date;
}

export interface LabAutoRenewerDeps {
  clock: Clock;
  settings(): { autoRenewLabSessions: boolean; leadTimeMinutes: number };
  /** The session as of the latest state; undefined when it is gone. */
  session(target: string): LabSessionFacts | undefined;
  /** Renews with the lab device (forced: at the lead time the session is still valid). */
  renew(target: string): Promise<{ ok: boolean; message: string }>;
  show(notification: MfaNotification): void;
  log: {
    info(message: string, fields?: Record<string, unknown>): void;
    error(message: string, fields?: Record<string, unknown>): void;
  };
}

export interface LabAutoRenewer {
  /** True when the event's session is being renewed automatically (the usual notification is then skipped). */
  claim(event: ExpiryEvent): boolean;
  /** Settles when every started renewal has finished (tests, quit). */
  idle(): Promise<void>;
}

export function createLabAutoRenewer(deps: LabAutoRenewerDeps): LabAutoRenewer {
  const lastAttempt = new Map<string, number>();
  const running = new Map<string, Promise<void>>();

  async function renewNow(target: string): Promise<void> {
    let outcome: { ok: boolean; message: string };
    try {
      outcome = await deps.renew(target);
    } catch (error) {
      outcome = { ok: false, message: errorMessage(error) };
    }
    deps.log.info('Automatic lab renewal finished', { target, ok: outcome.ok });
    deps.show({ ...autoRenewNotification(target, outcome), target });
  }

  return {
    claim(event) {
      if (event.kind === 'role-expired') return false;
      const target = event.profile;
      if (running.has(target)) return true;
      const session = deps.session(target);
      if (!session) return false;
      const settings = deps.settings();
      const nowMs = deps.clock.now();
      const previous = lastAttempt.get(target);
      const decision = shouldAutoRenewLabSession({
        autoRenewLabSessions: settings.autoRenewLabSessions,
        leadTimeMinutes: settings.leadTimeMinutes,
        labDevice: session.labDevice,
        nowMs,
        ...(session.expiration && { expiration: session.expiration }),
        ...(previous !== undefined && { lastAttemptMs: previous }),
      });
      if (!decision.renew) return false;
      lastAttempt.set(target, nowMs);
      const done = renewNow(target).finally(() => running.delete(target));
      running.set(target, done);
      return true;
    },
    async idle() {
      await Promise.all(running.values());
    },
  };
}
