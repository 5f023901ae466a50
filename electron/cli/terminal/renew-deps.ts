// The real dependencies of renewal for a CLI process: the user's AWS files (honouring AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE), MFA Tray's state folder and the STS timeouts.
import { resolveStateDir } from '../../core/app-state';
import { resolveAwsFileLocations } from '../../core/aws-files';
import type { RenewDeps } from '../../core/renewal';

export function cliRenewDeps(timeoutSeconds?: number): RenewDeps {
  return {
    locations: resolveAwsFileLocations(process.env),
    stateDir: resolveStateDir(process.env),
    env: process.env,
    // Only a person watching needs to hear why nothing happens yet; scripts and credential_process callers do not.
    ...(process.stderr.isTTY && {
      onLockWait: (device: string) =>
        process.stderr.write(
          `Waiting for another renewal of ${device} to finish (the MFA Tray dialog or another mfa-tray)…\n`,
        ),
    }),
    ...(timeoutSeconds !== undefined ? { policy: { requestTimeoutMs: timeoutSeconds * 1000 } } : {}),
  };
}

/** A positive whole number of seconds, or an error message. */
export function parseSeconds(value: string, what: string): number {
  // Zero is refused too: a request timeout of 0 would mean no timeout at all to the SDK.
  if (!/^\d+$/.test(value.trim()) || Number(value) === 0)
    throw new Error(`${what} must be a whole number of seconds above 0, got "${value}".`);
  return Number(value.trim());
}
