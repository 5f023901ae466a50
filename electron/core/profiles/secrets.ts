// Keys whose values are secrets: they stay inside Profile.settings for the renewal code and are
// replaced before anything is shown or printed.
import type { SettingValue } from './types';

export const SECRET_KEYS: ReadonlySet<string> = new Set([
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
]);

export const REDACTED = '<redacted>';

/** A copy of `settings` with every secret value (also inside sub-sections) replaced by `<redacted>`. */
export function redactSettings(settings: Readonly<Record<string, SettingValue>>): Record<string, SettingValue> {
  return Object.fromEntries(
    Object.entries(settings).map(([key, value]) => [
      key,
      typeof value === 'string'
        ? SECRET_KEYS.has(key)
          ? REDACTED
          : value
        : Object.fromEntries(
            Object.entries(value).map(([inner, text]) => [
              inner,
              SECRET_KEYS.has(inner.toLowerCase()) ? REDACTED : text,
            ]),
          ),
    ]),
  );
}
