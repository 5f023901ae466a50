// botocore.configloader.load_config / build_profile_map: which sections of a *config* file are profiles,
// sso-sessions and services.
import { emptyRecord } from './empty-record';
import { rawConfigParse } from './raw-config';
import type { RawConfig, SettingValue } from './raw-config-types';
import { scanSections } from './raw-config-scan';
import { shlexSplit, ShlexError } from './shlex';

export interface LoadedConfig {
  profiles: Record<string, Record<string, SettingValue>>;
  ssoSessions: Record<string, Record<string, SettingValue>>;
  services: Record<string, Record<string, SettingValue>>;
}

export type ConfigSectionKind = 'profile' | 'sso-session' | 'services';

export interface ConfigSectionIdentity {
  kind: ConfigSectionKind | 'other';
  name: string;
}

/**
 * What a config-file section header means to botocore, or null when botocore ignores the section
 * (e.g. `[profile a b]`, `[profile]`, or an unbalanced quote). Note botocore tests the prefix with
 * startswith, so `[profilex y]` is profile "y".
 */
export function configSectionIdentity(header: string): ConfigSectionIdentity | null {
  if (header === 'default') return { kind: 'profile', name: 'default' };
  // botocore's order of tests: profile, sso-session, then (newer botocore) services.
  const kind: ConfigSectionKind | undefined = header.startsWith('profile')
    ? 'profile'
    : header.startsWith('sso-session')
      ? 'sso-session'
      : header.startsWith('services')
        ? 'services'
        : undefined;
  if (kind === undefined) return { kind: 'other', name: header };
  const plain = plainSecondWord(header, kind.length);
  if (plain !== undefined) return { kind, name: plain };
  let parts: string[];
  try {
    parts = shlexSplit(header);
  } catch (error) {
    if (error instanceof ShlexError) return null;
    throw error;
  }
  return parts.length === 2 ? { kind, name: parts[1] as string } : null;
}

/**
 * The name in the usual `profile NAME` (one space, a name without blanks, quotes or backslashes), read without
 * shlex: such a header is exactly two shlex words. Undefined for anything else, which shlex then reads.
 */
function plainSecondWord(header: string, prefixLength: number): string | undefined {
  if (header.charCodeAt(prefixLength) !== 0x20 || header.length === prefixLength + 1) return undefined;
  for (let i = prefixLength + 1; i < header.length; i++) {
    const c = header.charCodeAt(i);
    // shlex's whitespace (space, \t, \n, \r), its quotes and its escape character.
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x22 || c === 0x27 || c === 0x5c)
      return undefined;
  }
  return header.slice(prefixLength + 1);
}

export function loadConfigFromRaw(raw: RawConfig): LoadedConfig {
  const loaded: LoadedConfig = { profiles: emptyRecord(), ssoSessions: emptyRecord(), services: emptyRecord() };
  const target = { profile: loaded.profiles, 'sso-session': loaded.ssoSessions, services: loaded.services };
  for (const header of Object.keys(raw)) {
    const identity = configSectionIdentity(header);
    if (identity === null || identity.kind === 'other') continue;
    // A later section for the same name replaces the earlier one whole ([default] vs [profile default]).
    target[identity.kind][identity.name] = raw[header] as Record<string, SettingValue>;
  }
  return loaded;
}

/** botocore.configloader.load_config on a config file's text. Throws IniParseError. */
export function loadConfig(text: string): LoadedConfig {
  return scanLoadedConfig(text) ?? loadConfigFromRaw(rawConfigParse(text));
}

/**
 * load_config of the usual file straight from the scanner, without the raw record in between; undefined
 * when the full reading is needed (see scanSections), or when two headers name the same profile, sso-session
 * or service ([default] and [profile default]): the raw record then tells a repeated header (an error) from
 * two spellings of one name.
 */
function scanLoadedConfig(text: string): LoadedConfig | undefined {
  const loaded: LoadedConfig = { profiles: emptyRecord(), ssoSessions: emptyRecord(), services: emptyRecord() };
  const target = { profile: loaded.profiles, 'sso-session': loaded.ssoSessions, services: loaded.services };
  // Sections botocore ignores, kept by header only to notice a repeated one.
  const ignored = emptyRecord<true>();
  let sameName = false;
  const read = scanSections(text, (header, values) => {
    const identity = configSectionIdentity(header);
    if (identity === null || identity.kind === 'other') {
      if (ignored[header] !== undefined) sameName = true;
      ignored[header] = true;
    } else {
      const records = target[identity.kind];
      if (records[identity.name] !== undefined) sameName = true;
      records[identity.name] = values;
    }
  });
  return read && !sameName ? loaded : undefined;
}

/** The config-file section that holds a profile: 'default', `profile NAME`, or `profile "NAME"` for a name with spaces. */
export function configSectionName(profile: string): string {
  if (profile === 'default') return 'default';
  // botocore shlex-splits the header: without quotes `profile My Session` is three words, and dropped.
  return /\s/.test(profile) ? `profile "${profile}"` : `profile ${profile}`;
}
