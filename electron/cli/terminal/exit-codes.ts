// Exit codes of `mfa-tray renew` and `mfa-tray credential-process`, so scripts and git aliases can branch
// (the help text is renew's; credential-process has no "still valid" case and states its own).
import type { RenewOutcome } from '../../core/renewal';

export const EXIT = {
  renewed: 0,
  userError: 2,
  awsError: 3,
  stillValid: 10,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0   renewed (by this command, by a concurrent renewal it waited for, or — no terminal and no code on
      stdin — in the running MFA Tray app's token dialog)
  2   user error: bad arguments or profiles, wrong or already used code, wrong device, bad keys,
      session duration out of range, clock skew, cancelled (also the app's dialog closed, or no code
      within its wait), AWS files that cannot be written
  3   AWS or network error: throttling, timeout, AWS internal error, unreadable answer, unreachable
      (also: the app could not be talked to)
  10  still valid: nothing was done (use --force to renew anyway)`;

export function exitCodeFor(outcome: RenewOutcome): number {
  if (outcome.kind === 'renewed') return EXIT.renewed;
  if (outcome.kind === 'still-valid') return EXIT.stillValid;
  return outcome.category === 'user' ? EXIT.userError : EXIT.awsError;
}
