// Format-preserving AWS ini files with botocore's exact reading rules (see docs/architecture.md).
export { IniEditError, IniParseError, type IniProblem } from './errors';
export { emptyRecord } from './empty-record';
export { rawConfigParse, type RawConfig, type SettingValue } from './raw-config';
export { configSectionName, loadConfig, loadConfigFromRaw, type LoadedConfig } from './load-config';
export { applyEdits, type ApplyEditsOptions, type IniEdit } from './edit';
export { decodeIniBytes, MAX_INI_BYTES } from './decode';
