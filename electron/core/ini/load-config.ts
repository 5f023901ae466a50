// botocore.configloader.load_config / build_profile_map: which sections of a *config* file are profiles,
// sso-sessions and services.
import { rawConfigParse, emptyRecord, type RawConfig, type SettingValue } from './raw-config';
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
  let parts: string[];
  try {
    parts = shlexSplit(header);
  } catch (error) {
    if (error instanceof ShlexError) return null;
    throw error;
  }
  return parts.length === 2 ? { kind, name: parts[1] as string } : null;
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
  return loadConfigFromRaw(rawConfigParse(text));
}

/** The config-file section that holds a profile: 'default' or `profile NAME`. */
export function configSectionName(profile: string): string {
  return profile === 'default' ? 'default' : `profile ${profile}`;
}
