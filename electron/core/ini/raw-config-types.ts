// botocore's raw_config_parse result: section name as written -> lower-cased key -> value, or a sub-section map
// for an indented block (`s3 =` followed by `  key = value` lines).
export type SettingValue = string | Readonly<Record<string, string>>;
export type RawConfig = Record<string, Record<string, SettingValue>>;
