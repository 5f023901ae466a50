// The shell's scheduler asks, at a session's lead time, whether to renew it by itself: only with the setting on,
// only for sessions whose device MFA Tray holds (lab devices), and at most one attempt per expiry.
export interface AutoRenewInput {
  autoRenewLabSessions: boolean;
  leadTimeMinutes: number;
  /** The session's device is a ready lab device. */
  labDevice: boolean;
  expiration?: Date;
  nowMs: number;
  /** When the last automatic attempt for this session was made, if any. */
  lastAttemptMs?: number;
}

export type AutoRenewDecision = { renew: true } | { renew: false; reason: string };

/** A failed attempt is not repeated sooner than this (AWS or the network may be down). */
export const AUTO_RENEW_RETRY_MS = 5 * 60_000;

export function shouldAutoRenewLabSession(input: AutoRenewInput): AutoRenewDecision {
  if (!input.autoRenewLabSessions) return { renew: false, reason: 'Automatic renewal of lab sessions is off.' };
  if (!input.labDevice)
    return {
      renew: false,
      reason: "MFA Tray does not hold this session's device: only lab devices renew by themselves.",
    };
  const dueAt = input.expiration ? input.expiration.getTime() - input.leadTimeMinutes * 60_000 : -Infinity;
  if (input.nowMs < dueAt) return { renew: false, reason: 'Not yet at the lead time.' };
  if (input.lastAttemptMs !== undefined && input.nowMs - input.lastAttemptMs < AUTO_RENEW_RETRY_MS) {
    return { renew: false, reason: 'An automatic renewal was tried moments ago.' };
  }
  return { renew: true };
}

/** The notification after an automatic renewal: it says MFA Tray did it, with the lab device. */
export function autoRenewNotification(
  target: string,
  outcome: { ok: boolean; message: string },
): { title: string; body: string } {
  return outcome.ok
    ? {
        title: `Renewed ${target} automatically`,
        body: `MFA Tray renewed ${target} with its lab device (lab accounts only). ${outcome.message}`,
      }
    : {
        title: `Automatic renewal of ${target} failed`,
        body: `MFA Tray tried to renew ${target} with its lab device: ${outcome.message}`,
      };
}
