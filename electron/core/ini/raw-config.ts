// botocore's raw_config_parse on top of the document: [DEFAULT] leaks into every section, and a value that
// starts with a newline (`s3 =` followed by indented lines) becomes a one-level sub-section map.
import {
  DEFAULT_SECTION,
  entryValue,
  parseIniDocument,
  type IniDocument,
  type IniEntry,
  type ValuePart,
} from './document';
import { IniParseError } from './errors';
import { parseSubSection } from './sub-section';
import { emptyRecord } from './empty-record';
import { scanRawConfig } from './raw-config-scan';
import type { RawConfig, SettingValue } from './raw-config-types';

function subSection(entry: IniEntry, sectionName: string): Record<string, string> {
  const parsed = parseSubSection(entry.parts.map((part) => part.text));
  if (parsed.ok) return parsed.nested;
  throw new IniParseError([
    {
      line: (entry.parts[parsed.badPart] as ValuePart).line + 1,
      // The line itself is not quoted: an indented line under `aws_secret_access_key =` is a pasted secret.
      message: `line inside sub-section ${JSON.stringify(entry.key)} of [${sectionName}] has no '='`,
    },
  ]);
}

function settingValue(entry: IniEntry, sectionName: string): SettingValue {
  const value = entryValue(entry);
  return value.startsWith('\n') ? subSection(entry, sectionName) : value;
}

/** The [DEFAULT] entries (all blocks together) by key, in file order. */
export function defaultEntries(doc: IniDocument): Map<string, IniEntry> {
  const defaults = new Map<string, IniEntry>();
  for (const section of doc.sections) {
    if (section.name !== DEFAULT_SECTION) continue;
    for (const entry of section.entries) defaults.set(entry.key, entry);
  }
  return defaults;
}

export function rawConfigFromDocument(doc: IniDocument): RawConfig {
  const defaults = defaultEntries(doc);
  const config = emptyRecord<Record<string, SettingValue>>();
  for (const section of doc.sections) {
    if (section.name === DEFAULT_SECTION) continue;
    const values = emptyRecord<SettingValue>();
    for (const entry of section.entries) values[entry.key] = settingValue(entry, section.name);
    for (const [key, entry] of defaults) {
      if (!(key in values)) values[key] = settingValue(entry, section.name);
    }
    config[section.name] = values;
  }
  return config;
}

/** botocore.configloader.raw_config_parse. Throws IniParseError where botocore raises ConfigParseError. */
export function rawConfigParse(text: string): RawConfig {
  // The one-pass scanner reads the usual file; the document parser handles the rest and words every error.
  return scanRawConfig(text) ?? rawConfigFromDocument(parseIniDocument(text));
}
