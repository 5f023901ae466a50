// How the AWS SDK for JavaScript v3 reads the same text (a port of @smithy's parseIni + getConfigData), so
// that edits can be checked to read alike in botocore and the JS SDK. The SDK itself is not imported: its
// parser is internal, and the core must not depend on SDK internals.
import { emptyRecord } from './empty-record';

const SECTION_TYPES = ['profile', 'sso-session', 'services'];
const PREFIX_KEY = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;

export class JsSdkReadError extends Error {}

/** @smithy parseIni: section -> key (sub-section keys as `sub.key`) -> value. */
export function jsSdkParseIni(text: string): Record<string, Record<string, string>> {
  const map = emptyRecord<Record<string, string>>();
  let section: string | undefined;
  let subSection: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = (line.split(/(^|\s)[;#]/)[0] as string).trim();
    if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
      section = undefined;
      subSection = undefined;
      const name = trimmed.substring(1, trimmed.length - 1);
      const match = PREFIX_KEY.exec(name);
      if (match) {
        if (SECTION_TYPES.includes(match[1] as string)) section = `${match[1]}.${match[3]}`;
      } else {
        section = name;
      }
      if (name === '__proto__' || name === 'profile __proto__')
        throw new JsSdkReadError(`Found invalid profile name "${name}"`);
    } else if (section !== undefined && section !== '') {
      const eq = trimmed.indexOf('=');
      if (eq > 0) {
        const key = trimmed.substring(0, eq).trim();
        const value = trimmed.substring(eq + 1).trim();
        if (value === '') {
          subSection = key;
        } else {
          if (subSection !== undefined && subSection !== '' && line.trimStart() === line) subSection = undefined;
          const values = (map[section] ??= emptyRecord<string>());
          values[subSection ? `${subSection}.${key}` : key] = value;
        }
      }
    }
  }
  return map;
}

/** @smithy getConfigData: a config file's profiles by name ([profile default] beats [default]). */
export function jsSdkConfigProfiles(
  parsed: Record<string, Record<string, string>>,
): Record<string, Record<string, string>> {
  const result = emptyRecord<Record<string, string>>();
  if (parsed.default) result.default = parsed.default;
  for (const [key, values] of Object.entries(parsed)) {
    const dot = key.indexOf('.');
    if (dot < 0 || !SECTION_TYPES.includes(key.substring(0, dot))) continue;
    result[key.substring(0, dot) === 'profile' ? key.substring(dot + 1) : key] = values;
  }
  return result;
}
