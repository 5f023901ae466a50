// The file name botocore's AssumeRoleCredentialFetcher gives a role's cached credentials in ~/.aws/cli/cache
// (botocore/credentials.py, BaseAssumeRoleCredentialFetcher._create_cache_key): sha1 of
// json.dumps(assume_role_args, sort_keys=True) with Python's default separators and ASCII escaping.
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { stringSetting } from './classify';
import type { SettingValue } from './types';

/** The AssumeRole arguments botocore derives from a role profile (AssumeRoleProvider._load_creds_via_assume_role). */
export function assumeRoleArguments(
  settings: Readonly<Record<string, SettingValue>>,
): Record<string, string | number> | undefined {
  const roleArn = stringSetting(settings, 'role_arn');
  if (roleArn === undefined) return undefined;
  const args: Record<string, string | number> = { RoleArn: roleArn };
  // A generated session name (no role_session_name) is left out of the key on purpose by botocore.
  const sessionName = stringSetting(settings, 'role_session_name');
  if (sessionName !== undefined) args.RoleSessionName = sessionName;
  const externalId = stringSetting(settings, 'external_id');
  if (externalId !== undefined) args.ExternalId = externalId;
  const mfaSerial = stringSetting(settings, 'mfa_serial');
  if (mfaSerial !== undefined) args.SerialNumber = mfaSerial;
  const duration = stringSetting(settings, 'duration_seconds');
  const durationSeconds = duration === undefined ? undefined : pythonInt(duration);
  if (durationSeconds !== undefined) args.DurationSeconds = durationSeconds;
  return args;
}

/** botocore's cache key for a role profile, or undefined when it has no role_arn. */
export function roleCacheKey(settings: Readonly<Record<string, SettingValue>>): string | undefined {
  const args = assumeRoleArguments(settings);
  if (args === undefined) return undefined;
  const json = `{${Object.keys(args)
    .sort()
    .map((key) => `${pythonJsonString(key)}: ${pythonJsonValue(args[key] as string | number)}`)
    .join(', ')}}`;
  // _make_file_safe replaces ':' and '/' but a hex digest has neither.
  // @noble/hashes, not node:crypto: git's helper computes this on every call, and node:crypto's load costs it 8 ms.
  return bytesToHex(sha1(utf8ToBytes(json)));
}

function pythonJsonValue(value: string | number): string {
  return typeof value === 'number' ? String(value) : pythonJsonString(value);
}

/** json.dumps(str) with ensure_ascii=True: like JSON.stringify, but everything outside ' '..'~' becomes \uXXXX. */
function pythonJsonString(value: string): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Python's int(str) for the forms a config value can take: surrounding blanks, a sign, digit groups with `_`. */
function pythonInt(text: string): number | undefined {
  const match = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/.exec(text);
  if (!match) return undefined;
  const value = Number(`${match[1]}${match[2]!.replaceAll('_', '')}`);
  // Beyond 2^53 the JSON text would differ from Python's exact integer; no real duration is that large.
  return Number.isSafeInteger(value) ? value : undefined;
}
