// A session's end as the AWS files state it, and as we write it: apart from renew's other modules so that the
// CLI's git helper and credential_process read it without loading the STS client.
import { naiveStampZone, parseExpiration } from '../profiles/expiration';
import type { ProfileModel } from '../profiles';

/** ISO-8601 UTC without milliseconds, as `aws sts get-session-token` prints it. */
export function formatExpiration(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function targetExpiration(model: ProfileModel, target: string): Date | undefined {
  const paired = model.mfaSessions.find((s) => s.target === target)?.expiration;
  if (paired) return paired;
  const settings = model.profiles.get(target)?.settings;
  const raw = settings?.expiration;
  return typeof raw === 'string' ? parseExpiration(raw, naiveStampZone(settings ?? {})) : undefined;
}
