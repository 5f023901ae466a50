// Format-preserving AWS ini files with botocore's exact reading rules (see docs/architecture.md).
export { IniEditError, IniParseError, type IniProblem } from './errors';
export { emptyRecord } from './empty-record';
export { rawConfigParse } from './raw-config';
export type { RawConfig, SettingValue } from './raw-config-types';
export { configSectionName, loadConfig, loadConfigFromRaw, type LoadedConfig } from './load-config';
export { applyEdits, type ApplyEditsOptions, type IniEdit } from './edit';
export { decodeIniBytes, MAX_INI_BYTES } from './decode';
