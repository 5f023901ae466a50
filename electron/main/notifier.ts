// Desktop notifications for MFA sessions and MFA roles (mfa_serial on the role profile): at the user's lead time before expiry and at expiry, once per session
// per event, through the expiry module's one-timer scheduler. Events that become due together (start-up, resume
// from sleep, a clock jump) are announced as ONE catch-up notification. Notifications never open a window by
// themselves: only a click (or its Renew action) asks for the token dialog.
import { ExpiryScheduler, type ExpiryEvent } from '../core/expiry';
import type { ProfileModel } from '../core/profiles/types';
import type { TimerClock } from '../core/time/clock';
import { formatSpan } from '../shared/time-format';

export interface MfaNotification {
  title: string;
  body: string;
  /** The session a click renews. */
  target: string;
}

export interface NotifierOptions {
  clock: TimerClock;
  show(notification: MfaNotification): void;
  leadTimeMinutes: number;
  mutedSessions: readonly string[];
  /** Offered each due session event first; a claimed event (renewed automatically) gets no usual notification. */
  claim?: (event: ExpiryEvent) => boolean;
}

export interface Notifier {
  setModel(model: Pick<ProfileModel, 'mfaSessions' | 'roles'>): void;
  setSettings(settings: { leadTimeMinutes: number; mutedSessions: readonly string[] }): void;
  /** After resume, unlock or a system clock change. */
  replan(): void;
  stop(): void;
}

export function createNotifier(options: NotifierOptions): Notifier {
  let muted = new Set(options.mutedSessions);
  let batch: ExpiryEvent[] = [];

  function flush(): void {
    const events = batch.filter(
      (event) => event.kind !== 'role-expired' && !options.claim?.(event) && !muted.has(event.profile),
    );
    batch = [];
    if (events.length === 0) return;
    // Most urgent first: already expired before expiring, then the earliest expiry.
    events.sort(
      (a, b) =>
        Number(b.kind === 'session-expired') - Number(a.kind === 'session-expired') || a.expiresAt - b.expiresAt,
    );
    const first = events[0]!;
    const now = options.clock.now();
    if (events.length === 1) {
      const what = first.mfaRole ? 'MFA role' : 'MFA session';
      options.show(
        first.kind === 'session-expired'
          ? {
              title: `${what} expired`,
              body: `${first.profile} has expired. Click to renew it.`,
              target: first.profile,
            }
          : {
              title: `${what} expires in ${formatSpan(first.expiresAt - now)}`,
              body: `${first.profile} needs a new MFA code soon. Click to renew it.`,
              target: first.profile,
            },
      );
      return;
    }
    const names = [...new Set(events.map((event) => event.profile))];
    const kinds = new Set(events.map((event) => Boolean(event.mfaRole)));
    const plural = kinds.size > 1 ? 'MFA sessions and roles' : kinds.has(true) ? 'MFA roles' : 'MFA sessions';
    options.show({
      title: `${names.length} ${plural} need renewing`,
      body: `${names.join(', ')}. Click to renew ${first.profile}.`,
      target: first.profile,
    });
  }

  const scheduler = new ExpiryScheduler({
    clock: options.clock,
    leadMs: options.leadTimeMinutes * 60_000,
    onEvent(event) {
      // The scheduler reports everything due in one pass synchronously: collect, then announce once.
      if (batch.length === 0) queueMicrotask(flush);
      batch.push(event);
    },
  });

  return {
    setModel: (model) => scheduler.setModel(model),
    setSettings(settings) {
      muted = new Set(settings.mutedSessions);
      scheduler.setLeadTime(settings.leadTimeMinutes * 60_000);
    },
    replan: () => scheduler.replan(),
    stop: () => scheduler.stop(),
  };
}
